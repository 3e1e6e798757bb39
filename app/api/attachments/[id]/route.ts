import { NextResponse, type NextRequest } from "next/server";
import { attachmentDownloadResponse } from "@/lib/attachments/download";
import { getActor } from "@/lib/auth/session";

type RouteContext = { params: Promise<{ id: string }> };

// Download of an attachment: the only way to a stored file (they live outside public/).
export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  const actor = await getActor();
  // The proxy does not gate /api: an expired session lands on the sign-in page.
  if (!actor) return NextResponse.redirect(new URL("/login", request.url), 303);
  return attachmentDownloadResponse(actor, (await context.params).id);
}
