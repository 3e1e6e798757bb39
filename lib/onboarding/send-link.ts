import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/env";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { DbClient } from "@/lib/prisma-client";
import { renderOnboardingLinkEmail } from "@/lib/onboarding/emails";
import { createOnboardingLink, revokeUnusedLinks } from "@/lib/onboarding/links";

export const MISSING_FAVORITE_MESSAGE =
  "Ajoutez un contact favori avec une adresse e-mail avant de passer le dossier en « Prêt à démarrer ».";

export function missingFavoriteEmailMessage(contactName: string): string {
  return `Le contact favori ${contactName} n'a pas d'adresse e-mail : ajoutez-la avant de passer le dossier en « Prêt à démarrer ».`;
}

export type FavoriteRecipient = { id: string; name: string; email: string; phone: string | null };

// The favourite contact the link goes to; a VALIDATION error naming what is missing otherwise
// (under `status`, the field the partner was changing).
export async function requireFavoriteRecipient(tx: DbClient, prospectId: string): Promise<FavoriteRecipient> {
  const favorite = await tx.contact.findFirst({
    where: { prospectId, isFavorite: true },
    select: { id: true, firstName: true, lastName: true, email: true, mobilePhone: true, landlinePhone: true },
  });
  if (!favorite) throw new AppError("VALIDATION", MISSING_FAVORITE_MESSAGE, { status: [MISSING_FAVORITE_MESSAGE] });
  const name = `${favorite.firstName} ${favorite.lastName}`.trim();
  const email = favorite.email?.trim();
  if (!email) {
    const message = missingFavoriteEmailMessage(name);
    throw new AppError("VALIDATION", message, { status: [message] });
  }
  return { id: favorite.id, name, email, phone: favorite.mobilePhone ?? favorite.landlinePhone };
}

// Voids the prospect's unused links, creates a new one and queues its e-mail, with history.
// Shared by « Prêt à démarrer » and « Renvoyer le lien »; runs in the caller's transaction.
export async function sendOnboardingLink(
  tx: DbClient,
  input: {
    prospectId: string;
    companyName: string;
    contact: { id: string; name: string; email: string };
    actorId: string | null;
    now: Date;
  },
): Promise<{ linkId: string; emailId: string; revoked: number; expiresAt: Date }> {
  const revoked = await revokeUnusedLinks(tx, input.prospectId, input.now);
  const link = await createOnboardingLink(tx, {
    prospectId: input.prospectId,
    contactId: input.contact.id,
    email: input.contact.email,
    createdById: input.actorId,
    now: input.now,
  });
  const message = renderOnboardingLinkEmail({
    url: `${appUrl()}/onboarding/${link.token}`,
    companyName: input.companyName,
    contactName: input.contact.name,
    expiresAt: link.expiresAt,
  });
  const email = await enqueueEmail(tx, {
    dedupeKey: `onboarding-link:${link.id}`,
    to: [{ address: input.contact.email, name: input.contact.name }],
    ...message,
  });
  await recordAudit(tx, {
    entityType: "OnboardingLink",
    entityId: link.id,
    prospectId: input.prospectId,
    actorId: input.actorId,
    action: "CREATE",
    changes: { sentToEmail: input.contact.email, expiresAt: link.expiresAt.toISOString(), revokedPrevious: revoked },
  });
  return { linkId: link.id, emailId: email.id, revoked, expiresAt: link.expiresAt };
}
