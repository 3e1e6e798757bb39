import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { findFileProspect } from "@/lib/prospects/file-prospect";
import { formatPhoneForDisplay } from "@/lib/validation/phone";

export type PendingCorrection = {
  id: string;
  field: string;
  oldValue: string | null;
  newValue: string;
  sensitive: boolean;
  createdAt: string;
  // The values as shown (« 01 23 45 67 89 » for a phone), worded here so the phone metadata
  // stays out of the browser's bundle.
  oldDisplay: string;
  newDisplay: string;
};

function display(field: string, value: string | null): string {
  if (value === null || value === "") return "—";
  return field.endsWith("Phone") && value.startsWith("+") ? formatPhoneForDisplay(value) : value;
}

export type CorrectionsBlockData = { prospectId: string; version: number; corrections: PendingCorrection[] };

// The « Corrections du client » awaiting review on one file; null for anyone who does not
// triage (partners never see them) or for a file outside the actor's scope.
export async function getPendingCorrections(actor: Actor, prospectId: string, db: DbClient = defaultDb): Promise<CorrectionsBlockData | null> {
  if (!can(actor.role, "alert:triage")) return null;
  // The file's shared read: the access check and the version the reviewer saw.
  const prospect = await findFileProspect(actor, prospectId, db);
  if (!prospect) return null;
  const corrections = await db.prospectCorrection.findMany({
    where: { prospectId: prospect.id, status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, field: true, oldValue: true, newValue: true, sensitive: true, createdAt: true },
  });
  return {
    prospectId: prospect.id,
    version: prospect.version,
    corrections: corrections.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      oldDisplay: display(c.field, c.oldValue),
      newDisplay: display(c.field, c.newValue),
    })),
  };
}

// Pending corrections per prospect, for the triage list's « N corrections à valider » badge.
export async function countPendingCorrections(prospectIds: string[], db: DbClient = defaultDb): Promise<Map<string, number>> {
  if (prospectIds.length === 0) return new Map();
  const groups = await db.prospectCorrection.groupBy({
    by: ["prospectId"],
    where: { prospectId: { in: prospectIds }, status: "PENDING" },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.prospectId, g._count._all]));
}
