// GET: the signed-in user's unread notification count, for the bell to refresh on navigation.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { countUnreadForBell } from "@/lib/notifications/queries";

export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Non connecté." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const count = await countUnreadForBell(db, actor.id);
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
