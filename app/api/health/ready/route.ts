// Readiness: database reachable within a second, migrations current, a worker alive, and the
// outbox backlog's age. 200 when ready, 503 otherwise; no session, no personal data.
import { db } from "@/lib/db";
import { checkReadiness } from "@/lib/operations/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness(db).catch(() => ({
    status: "unavailable" as const,
    error: "vérification impossible",
  }));
  return Response.json(readiness, {
    status: readiness.status === "ok" ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
