// POST /notifications/<id>: marks the notification read and goes to what it is about. A POST
// (a small form in the list and the toasts), so no link, prefetch or crawler marks anything.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { markNotificationRead } from "@/lib/notifications/read";
import { isCrossSiteRequest } from "@/lib/security/same-origin";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  if (isCrossSiteRequest(request)) return new Response("Requête refusée.", { status: 403 });
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/login", request.url), 303);
  const { id } = await params;
  const result = await markNotificationRead(db, actor.id, id);
  // Links are in-app paths (checked when the notification was written).
  const target = result?.link ?? "/notifications";
  return Response.redirect(new URL(target, request.url), 303);
}
