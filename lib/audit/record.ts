import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

// What an audit row can hold: JSON has no BigInt or Date, so values are normalised first.
export type AuditValue = string | number | boolean | null;
export type AuditFieldChange = { from: AuditValue; to: AuditValue };
// UPDATE: { field: { from, to } }; CREATE and DELETE: { field: value }.
export type AuditChanges = Record<string, AuditFieldChange> | Record<string, AuditValue>;

export type AuditEventInput = {
  entityType: string;
  entityId: string;
  prospectId?: string | null;
  actorId?: string | null;
  action: AuditAction;
  changes?: AuditChanges | null;
};

export function toAuditValue(value: unknown): AuditValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") {
    // Cents beyond 2^53 stay exact as text.
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

// The fields whose value differs between two versions of a record, as { field: { from, to } };
// null when nothing changed, so callers can skip an empty UPDATE event.
export function diffForAudit<T extends Record<string, unknown>>(
  before: T,
  after: Partial<Record<keyof T & string, unknown>>,
  fields: readonly (keyof T & string)[],
): Record<string, AuditFieldChange> | null {
  const changes: Record<string, AuditFieldChange> = {};
  for (const field of fields) {
    if (!(field in after)) continue;
    const from = toAuditValue(before[field]);
    const to = toAuditValue(after[field]);
    if (from !== to) changes[field] = { from, to };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

// The non-empty fields of a created or deleted record, for CREATE and DELETE events.
export function snapshotForAudit<T extends Record<string, unknown>>(
  record: T,
  fields: readonly (keyof T & string)[],
): Record<string, AuditValue> {
  const snapshot: Record<string, AuditValue> = {};
  for (const field of fields) {
    const value = toAuditValue(record[field]);
    if (value !== null && value !== "") snapshot[field] = value;
  }
  return snapshot;
}

// One row of the « Historique »: call it with the transaction that makes the change, so the
// history can never disagree with the data.
export async function recordAudit(tx: DbClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      entityType: event.entityType,
      entityId: event.entityId,
      prospectId: event.prospectId ?? null,
      actorId: event.actorId ?? null,
      action: event.action,
      changes: (event.changes ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
