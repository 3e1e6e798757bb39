import "server-only";
import { recordAudit, snapshotForAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import type { AddConnectionValues } from "@/lib/connections/schemas";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";

// Partners read the « Connexions » tab; only the internal team records or removes connections.
export function canManageConnections(actor: Actor): boolean {
  return can(actor.role, "prospect:update:any");
}

const ALREADY_RECORDED = "Cette connexion est déjà enregistrée pour ce client.";

export async function addConnection(db: Db, actor: Actor, input: AddConnectionValues): Promise<{ id: string }> {
  if (!canManageConnections(actor)) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const prospect = await tx.prospect.findFirst({
      where: { AND: [{ id: input.prospectId }, prospectScope(actor)] },
      select: { id: true },
    });
    if (!prospect) throw new AppError("NOT_FOUND");
    const siren = input.siren || null;
    const duplicate = await tx.connection.findFirst({
      where: {
        prospectId: prospect.id,
        relation: input.relation,
        ...(siren ? { siren } : { name: { equals: input.name, mode: "insensitive" } }),
      },
      select: { id: true },
    });
    if (duplicate) throw new AppError("CONFLICT", ALREADY_RECORDED, siren ? { siren: [ALREADY_RECORDED] } : { name: [ALREADY_RECORDED] });

    const connection = await tx.connection.create({
      data: {
        prospectId: prospect.id,
        name: input.name,
        siren,
        relation: input.relation,
        source: "SALES",
        createdById: actor.id,
      },
    });
    await recordAudit(tx, {
      entityType: "Connection",
      entityId: connection.id,
      prospectId: prospect.id,
      actorId: actor.id,
      action: "CREATE",
      changes: snapshotForAudit(connection, ["name", "siren", "relation"]),
    });
    return { id: connection.id };
  });
}

// Only connections the sales team recorded can be removed; what invoices show stays.
export async function removeConnection(db: Db, actor: Actor, id: string): Promise<{ prospectId: string }> {
  if (!canManageConnections(actor)) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const connection = await tx.connection.findFirst({
      where: { id, source: "SALES", prospect: prospectScope(actor) },
    });
    if (!connection) throw new AppError("NOT_FOUND", "Cette connexion n'existe pas ou a déjà été supprimée.");
    const { count } = await tx.connection.deleteMany({ where: { id: connection.id } });
    if (count === 0) throw new AppError("NOT_FOUND", "Cette connexion n'existe pas ou a déjà été supprimée.");
    await recordAudit(tx, {
      entityType: "Connection",
      entityId: connection.id,
      prospectId: connection.prospectId,
      actorId: actor.id,
      action: "DELETE",
      changes: snapshotForAudit(connection, ["name", "siren", "relation"]),
    });
    return { prospectId: connection.prospectId };
  });
}
