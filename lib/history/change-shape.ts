// The shape of an audit event's `changes`, read back as a list of { field, from, to }. Pure,
// so unit tests and client code can use it.
import type { AuditValue } from "@/lib/audit/record";
import type { AuditAction } from "@/lib/generated/prisma/enums";

export type HistoryChange = { field: string; from: AuditValue; to: AuditValue };

function isFieldChange(value: unknown): value is { from: AuditValue; to: AuditValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "from" in value && "to" in value;
}

function asAuditValue(value: unknown): AuditValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

// UPDATE events hold { field: { from, to } }; CREATE and DELETE hold the values created or removed.
export function changesOf(action: AuditAction, raw: unknown): HistoryChange[] {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).map(([field, value]) => {
    if (action === "UPDATE" && isFieldChange(value)) return { field, from: asAuditValue(value.from), to: asAuditValue(value.to) };
    const stored = asAuditValue(value);
    return action === "DELETE" ? { field, from: stored, to: null } : { field, from: null, to: stored };
  });
}
