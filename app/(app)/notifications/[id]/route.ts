// GET /notifications/<id>: marks the notification read and goes to what it is about. Reached by
// plain links (never prefetched), so merely showing the list marks nothing.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { markNotificationRead } from "@/lib/notifications/read";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.redirect(new URL("/login", request.url), 303);
  const { id } = await params;
  const result = await markNotificationRead(db, actor.id, id);
  // Links are in-app paths (checked when the notification was written).
  const target = result?.link ?? "/notifications";
  return Response.redirect(new URL(target, request.url), 303);
}
