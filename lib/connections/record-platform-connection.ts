import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { CreateConnectionInput } from "@/lib/connections/api-schemas";
import { findProspectBySiren } from "@/lib/connections/link-connections";
import { AppError } from "@/lib/errors";
import { findClientBySiren } from "@/lib/invoices/record-invoice";
import type { ConnectionRelation } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/prisma-client";

export type ApiConnection = {
  id: string;
  clientSiren: string;
  siren: string;
  name: string;
  relation: ConnectionRelation;
  source: "PLATFORM" | "SALES";
  // Whether the connection is a prospect of the CRM (its network attribution applies).
  linked: boolean;
  createdAt: string;
};

// A client invited this company into its network on the platform. Idempotent on (client,
// SIREN, relation): the same call again returns the connection unchanged (200); the same key
// with another name is a CONFLICT (409). The client's row lock orders concurrent calls.
export async function recordPlatformConnection(db: Db, input: CreateConnectionInput): Promise<{ connection: ApiConnection; created: boolean }> {
  const client = await findClientBySiren(db, input.clientSiren);
  if (input.siren === input.clientSiren) {
    throw new AppError("VALIDATION", "Un client ne peut pas être sa propre connexion.", { siren: ["Le SIREN de la connexion est celui du client."] });
  }
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Prospect" WHERE "id" = ${client.id} FOR UPDATE`;
    const existing = await tx.connection.findFirst({
      where: { prospectId: client.id, siren: input.siren, relation: input.relation },
      orderBy: { createdAt: "asc" },
    });
    let created = false;
    let row = existing;
    if (existing) {
      if (existing.name.localeCompare(input.name, "fr", { sensitivity: "base" }) !== 0) {
        const message = `Cette connexion est déjà enregistrée sous le nom « ${existing.name} ».`;
        throw new AppError("CONFLICT", message, { name: [message] });
      }
    } else {
      const linked = await findProspectBySiren(tx, input.siren);
      row = await tx.connection.create({
        data: {
          prospectId: client.id,
          name: input.name,
          siren: input.siren,
          relation: input.relation,
          source: "PLATFORM",
          linkedProspectId: linked?.id ?? null,
        },
      });
      created = true;
      await recordAudit(tx, {
        entityType: "Connection",
        entityId: row.id,
        prospectId: client.id,
        actorId: null,
        action: "CREATE",
        changes: { name: row.name, siren: row.siren, relation: row.relation, source: "PLATFORM", linkedProspectId: row.linkedProspectId },
      });
    }
    return {
      created,
      connection: {
        id: row!.id,
        clientSiren: input.clientSiren,
        siren: row!.siren ?? input.siren,
        name: row!.name,
        relation: row!.relation,
        source: row!.source,
        linked: row!.linkedProspectId !== null,
        createdAt: row!.createdAt.toISOString(),
      },
    };
  });
}
