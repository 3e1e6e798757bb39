// Liveness for a supervisor or load balancer: the process answers. No database, no session.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
