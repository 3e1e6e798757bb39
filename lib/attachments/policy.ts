import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { viaProspect } from "@/lib/auth/scope";

// The attachments an actor may see: those of prospects in scope. The documents a client sends
// through its onboarding link (identity document, Kbis, RIB) are for the internal team only,
// not for the partner who referred it (DESIGN.md §1: partners see the partner-facing parts).
export function visibleAttachmentsWhere(actor: Actor): Prisma.AttachmentWhereInput {
  const scoped = viaProspect(actor);
  return can(actor.role, "prospect:internal:read") ? scoped : { AND: [scoped, { onboardingLinkId: null }] };
}

// Who may add or remove files on a prospect they can see.
export function canEditAttachments(actor: Actor): boolean {
  return can(actor.role, "prospect:update:any") || can(actor.role, "prospect:update:own");
}
