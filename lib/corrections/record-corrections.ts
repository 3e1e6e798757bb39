import "server-only";
import type { DbClient } from "@/lib/prisma-client";
import { CORRECTION_FIELDS, type CorrectionField } from "@/lib/corrections/fields";

type ShownProspect = { id: string; name: string; legalName: string | null; street: string | null; postalCode: string | null; city: string | null };
type ShownContact = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  mobilePhone: string | null;
  landlinePhone: string;
} | null;
type Submitted = {
  legalName: string;
  street: string;
  postalCode: string;
  city: string;
  representativeFirstName: string;
  representativeLastName: string;
  email: string;
  phone: string;
};

export type CorrectionDraft = { field: CorrectionField; oldValue: string | null; newValue: string; contactId: string | null; sensitive: boolean };

// What the client changed against what the onboarding page showed it (the same fallbacks as the
// page: legal name → name, e-mail → the address the link went to, phone → mobile, else landline).
export function diffSubmission(prospect: ShownProspect, contact: ShownContact, sentToEmail: string, submitted: Submitted): CorrectionDraft[] {
  const drafts: CorrectionDraft[] = [];
  const add = (field: CorrectionField, shown: string | null, next: string, sensitive = false) => {
    if ((shown ?? "") === next) return;
    drafts.push({ field, oldValue: shown, newValue: next, contactId: CORRECTION_FIELDS[field].target === "contact" ? (contact?.id ?? null) : null, sensitive });
  };
  add("legalName", prospect.legalName ?? prospect.name, submitted.legalName);
  add("street", prospect.street, submitted.street);
  add("postalCode", prospect.postalCode, submitted.postalCode);
  add("city", prospect.city, submitted.city);
  add("contact.firstName", contact?.firstName ?? null, submitted.representativeFirstName);
  add("contact.lastName", contact?.lastName ?? null, submitted.representativeLastName);
  // The link's own contact: a new address changes where the client's mail goes.
  const shownEmail = contact?.email ?? sentToEmail;
  if (shownEmail.toLowerCase() !== submitted.email.toLowerCase()) {
    add("contact.email", contact?.email ?? null, submitted.email.toLowerCase(), true);
  }
  if (contact?.mobilePhone) add("contact.mobilePhone", contact.mobilePhone, submitted.phone);
  else add("contact.landlinePhone", contact?.landlinePhone ?? null, submitted.phone);
  return drafts;
}

// Pending corrections from one onboarding submission; a later submission replaces nothing (a
// link is single-use), and the sales team sees every correction with its source and time.
export async function recordCorrections(
  tx: DbClient,
  input: { prospectId: string; onboardingLinkId: string; drafts: CorrectionDraft[]; now: Date },
): Promise<void> {
  if (input.drafts.length === 0) return;
  await tx.prospectCorrection.createMany({
    data: input.drafts.map((d) => ({
      prospectId: input.prospectId,
      onboardingLinkId: input.onboardingLinkId,
      contactId: d.contactId,
      field: d.field,
      oldValue: d.oldValue,
      newValue: d.newValue,
      sensitive: d.sensitive,
      createdAt: input.now,
    })),
  });
}
