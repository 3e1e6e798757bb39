// POST: hands out the signed-in user's notifications to pop up as toasts (reminders,
// assignments), each once: claiming them marks them shown, so it is not a GET.
import { getActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { claimToasts } from "@/lib/reminders/toasts";
import { isCrossSiteRequest } from "@/lib/security/same-origin";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return Response.json({ error: "Requête refusée." }, { status: 403, headers: NO_STORE });
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
