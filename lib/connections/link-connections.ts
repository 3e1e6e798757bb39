// Network attribution in the normal flow (issue 10 §2): a connection whose SIREN is a prospect's
// is linked to it, so that prospect's financed invoices can earn for the introducer's partner.
// Not server-only: the platform API and the seed call it.
import { recordAudit } from "@/lib/audit/record";
import type { DbClient } from "@/lib/prisma-client";

// Links every unlinked connection of other clients carrying this SIREN to the prospect just
// created, with a history event on each introducing client. Returns how many were linked.
export async function linkConnectionsToProspect(
  tx: DbClient,
  prospect: { prospectId: string; siren: string | null | undefined; actorId: string | null },
): Promise<number> {
  if (!prospect.siren) return 0;
  const connections = await tx.connection.findMany({
    where: { siren: prospect.siren, linkedProspectId: null, prospectId: { not: prospect.prospectId } },
    select: { id: true, prospectId: true },
  });
  for (const connection of connections) {
    await tx.connection.update({ where: { id: connection.id }, data: { linkedProspectId: prospect.prospectId } });
    await recordAudit(tx, {
      entityType: "Connection",
      entityId: connection.id,
      prospectId: connection.prospectId,
      actorId: prospect.actorId,
      action: "UPDATE",
      changes: { linkedProspectId: { from: null, to: prospect.prospectId } },
    });
  }
  return connections.length;
}

// The prospect a SIREN belongs to today (active registration), if any.
export async function findProspectBySiren(tx: DbClient, siren: string): Promise<{ id: string } | null> {
  return tx.prospect.findFirst({ where: { siren, status: { not: "NOT_INTERESTED" } }, select: { id: true } });
}
