import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

// Quotes are internal: who cannot read internal data (partners) is told the quote does not
// exist, like any record outside its scope; an internal user without quote:manage is refused.
export function assertCanManageQuotes(actor: Actor): void {
  if (!can(actor.role, "prospect:internal:read")) throw new AppError("NOT_FOUND", QUOTE_NOT_FOUND);
  if (!can(actor.role, "quote:manage")) throw new AppError("FORBIDDEN");
}

export function canManageQuotes(actor: Actor): boolean {
  return can(actor.role, "prospect:internal:read") && can(actor.role, "quote:manage");
}

export const QUOTE_NOT_FOUND = "Ce devis n'existe pas ou n'est plus accessible.";
export const OFFER_NOT_FOUND = "Cette offre n'existe pas ou n'est plus accessible.";
export const QUOTE_CONFLICT =
  "Ce devis a été modifié par quelqu'un d'autre entre-temps. Rechargez la page pour voir la dernière version, puis refaites vos modifications.";
export const QUOTE_NOT_EDITABLE = "Ce devis a déjà été validé : il n'est plus modifiable.";
