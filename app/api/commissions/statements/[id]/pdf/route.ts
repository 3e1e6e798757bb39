import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { statementPdfResponse } from "@/lib/commissions/download";

type RouteContext = { params: Promise<{ id: string }> };

// Download of a validated « Relevé de commissions » (its PDF of record).
export async function GET(request: NextRequest, context: RouteContext): Promise<Response> {
  const actor = await getActor();
  if (!actor) return NextResponse.redirect(new URL("/login", request.url), 303);
  return statementPdfResponse(actor, (await context.params).id);
}
