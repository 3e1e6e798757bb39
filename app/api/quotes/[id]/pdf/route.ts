import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { quotePdfResponse } from "@/lib/quotes/download";

type RouteContext = { params: Promise<{ id: string }> };

// Download of a quote's PDF: the file sent to the client, or a draft's preview.
export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  const actor = await getActor();
  // The proxy does not gate /api: an expired session lands on the sign-in page.
  if (!actor) return NextResponse.redirect(new URL("/login", request.url), 303);
  return quotePdfResponse(actor, (await context.params).id);
}
