// Partner isolation lives in the query's `where`: a record outside the actor's scope is
// simply not found, so it answers 404 and its existence does not leak.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

// Matches no row: used when an actor's scope is empty (e.g. a partner user without organisation).
const NOTHING = { id: { in: [] as string[] } } satisfies Prisma.ProspectWhereInput;

export function prospectScope(actor: Actor): Prisma.ProspectWhereInput {
  if (can(actor.role, "prospect:read:any")) return {};
  if (can(actor.role, "prospect:read:own") && actor.partnerId) return { partnerId: actor.partnerId };
  return NOTHING;
}

// For children of a prospect (contacts, actions, invoices…): `{ prospect: prospectScope(actor) }`.
export function viaProspect(actor: Actor): { prospect: Prisma.ProspectWhereInput } {
  return { prospect: prospectScope(actor) };
}
