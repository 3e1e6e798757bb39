import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const STATEMENT_NOT_FOUND = "Relevé introuvable.";

export function canManageCommissions(actor: Actor): boolean {
  return can(actor.role, "commission:manage");
}

export function assertCanManageCommissions(actor: Actor): void {
  if (!canManageCommissions(actor)) throw new AppError("FORBIDDEN");
}

// Statements a partner may read: its organisation's validated or paid ones (a draft is still
// under review). The internal admins read them all.
export function statementScope(actor: Actor): { partnerId?: string; status?: { in: ("VALIDATED" | "PAID")[] }; id?: { in: string[] } } {
  if (canManageCommissions(actor)) return {};
  if (can(actor.role, "commission:read:own") && actor.partnerId) return { partnerId: actor.partnerId, status: { in: ["VALIDATED", "PAID"] } };
  return { id: { in: [] } };
}
