import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { findProspectBySiren } from "@/lib/connections/link-connections";
import { canManageConnections } from "@/lib/connections/manage-connections";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

// « Lier au prospect », from a connection's row: the sales team links a connection to the
// prospect holding its SIREN, so that prospect's financed invoices earn the network rate.
export async function linkConnection(db: Db, actor: Actor, connectionId: string): Promise<{ prospectId: string; linkedProspectId: string }> {
  if (!canManageConnections(actor)) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const connection = await tx.connection.findFirst({
      where: { id: connectionId, prospect: prospectScope(actor) },
      select: { id: true, prospectId: true, siren: true, linkedProspectId: true },
    });
    if (!connection) throw new AppError("NOT_FOUND", "Cette connexion n'existe pas ou a été supprimée.");
    if (connection.linkedProspectId) throw new AppError("CONFLICT", "Cette connexion est déjà liée à un prospect.");
    const target = connection.siren ? await findProspectBySiren(tx, connection.siren) : null;
    if (!target || target.id === connection.prospectId) {
      throw new AppError(
        "VALIDATION",
        "Aucun prospect n'est enregistré avec ce SIREN : créez-le, la connexion lui sera liée automatiquement.",
      );
    }
    const { count } = await tx.connection.updateMany({ where: { id: connection.id, linkedProspectId: null }, data: { linkedProspectId: target.id } });
    if (count !== 1) throw new AppError("CONFLICT", "Cette connexion est déjà liée à un prospect.");
    await recordAudit(tx, {
      entityType: "Connection",
      entityId: connection.id,
      prospectId: connection.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: { linkedProspectId: { from: null, to: target.id } },
    });
    return { prospectId: connection.prospectId, linkedProspectId: target.id };
  });
}
