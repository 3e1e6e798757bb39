// GET: the signed-in user's notifications to pop up as toasts (reminders, assignments), each
// returned once: reading them marks them shown.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { claimToasts } from "@/lib/reminders/toasts";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ error: "Non connecté." }, { status: 401, headers: NO_STORE });
  const toasts = await claimToasts(db, actor.id);
  return Response.json(
    {
      toasts: toasts.map((t) => ({
        id: t.id,
        kind: t.kind,
        title: t.title,
        body: t.body,
        link: t.link,
        createdAt: t.createdAt.toISOString(),
      })),
    },
    { headers: NO_STORE },
  );
}
