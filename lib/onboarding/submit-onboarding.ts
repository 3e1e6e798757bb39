import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { correctionFieldLabel } from "@/lib/corrections/fields";
import { diffSubmission, recordCorrections } from "@/lib/corrections/record-corrections";
import { detectAllowedType } from "@/lib/attachments/file-types";
import { EMPTY_FILE_MESSAGE, fileTooLargeMessage, UNSUPPORTED_TYPE_MESSAGE } from "@/lib/attachments/labels";
import { storeAttachment } from "@/lib/attachments/store-attachment";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notifySalesTeam } from "@/lib/notifications/notify";
import type { Db } from "@/lib/prisma-client";
import {
  missingDocumentMessage,
  ONBOARDING_DOCUMENTS,
  type OnboardingDocumentField,
  type OnboardingSubmission,
} from "@/lib/onboarding/schemas";
import { isLinkUsable } from "@/lib/onboarding/state";

// Thrown for a link that is used, revoked, expired or gone: the caller answers with the one
// neutral message, whatever the cause.
export class InvalidOnboardingLinkError extends Error {
  constructor() {
    super("Onboarding link is no longer usable");
    this.name = "InvalidOnboardingLinkError";
  }
}

export type OnboardingFile = { fileName: string; data: Buffer };
export type OnboardingFiles = Partial<Record<OnboardingDocumentField, OnboardingFile | null>>;

// Files can take a while to reach S3: the transaction may last longer than Prisma's 5 s default.
const SUBMIT_TIMEOUT_MS = 120_000;

// Every document's problem at once, so the client fixes them in one go rather than one by one.
async function checkDocuments(files: OnboardingFiles, maxBytes: number): Promise<Record<string, string[]>> {
  const errors: Record<string, string[]> = {};
  for (const doc of ONBOARDING_DOCUMENTS) {
    const file = files[doc.field];
    let message: string | null = null;
    if (!file) message = missingDocumentMessage(doc.label);
    else if (file.data.length === 0) message = EMPTY_FILE_MESSAGE;
    else if (file.data.length > maxBytes) message = fileTooLargeMessage(maxBytes);
    else if (!(await detectAllowedType(file.data))) message = UNSUPPORTED_TYPE_MESSAGE;
    if (message) errors[doc.field] = [message];
  }
  return errors;
}

// The client's submission, in one transaction: the link is locked and re-checked (a double
// submit or a resend in between finds it used or revoked), the three documents are stored
// (each file first, then its row), the link is marked used with what the client confirmed and
// when it consented, the prospect moves to ONBOARDING if it was still a PROSPECT, the history
// records it all and the sales team is notified.
export async function submitOnboarding(
  db: Db,
  input: { linkId: string; data: OnboardingSubmission; files: OnboardingFiles; now?: Date },
): Promise<{ prospectId: string; attachmentIds: string[] }> {
  const now = input.now ?? new Date();
  const fileErrors = await checkDocuments(input.files, getEnv().UPLOAD_MAX_BYTES);
  if (Object.keys(fileErrors).length > 0) {
    throw new AppError("VALIDATION", "Certains documents ne peuvent pas être acceptés : corrigez-les puis réessayez.", fileErrors);
  }

  return db.$transaction(
    async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "OnboardingLink" WHERE "id" = ${input.linkId} FOR UPDATE`;
      if (!locked) throw new InvalidOnboardingLinkError();
      const link = await tx.onboardingLink.findUniqueOrThrow({
        where: { id: input.linkId },
        select: {
          id: true,
          expiresAt: true,
          openedAt: true,
          usedAt: true,
          revokedAt: true,
          sentToEmail: true,
          contact: { select: { id: true, firstName: true, lastName: true, email: true, mobilePhone: true, landlinePhone: true } },
          prospect: {
            select: { id: true, name: true, stage: true, legalName: true, street: true, postalCode: true, city: true },
          },
        },
      });
      if (!isLinkUsable(link, now)) throw new InvalidOnboardingLinkError();
      const prospect = link.prospect;

      const attachmentIds: string[] = [];
      for (const doc of ONBOARDING_DOCUMENTS) {
        const file = input.files[doc.field]!;
        try {
          const { id } = await storeAttachment(tx, {
            prospectId: prospect.id,
            onboardingLinkId: link.id,
            category: doc.category,
            fileName: file.fileName,
            data: file.data,
            uploadedById: null,
          });
          attachmentIds.push(id);
        } catch (error) {
          // storeAttachment words its refusals for a single « file » field; here each has its own.
          if (isAppError(error) && error.code === "VALIDATION") {
            throw new AppError("VALIDATION", error.message, { [doc.field]: [error.message] });
          }
          throw error;
        }
      }

      const d = input.data;
      const details = {
        legalName: d.legalName,
        street: d.street,
        postalCode: d.postalCode,
        city: d.city,
        representativeFirstName: d.representativeFirstName,
        representativeLastName: d.representativeLastName,
        email: d.email,
        phone: d.phone,
      };
      // What the client corrected, against what the page showed it: each becomes a pending
      // correction for the sales team to accept or reject (lib/corrections).
      const corrections = diffSubmission(prospect, link.contact, link.sentToEmail, details);
      const changedFields = corrections.map((c) => c.field);
      const submittedData = { ...details, changedFields } satisfies Prisma.InputJsonObject;
      await tx.onboardingLink.update({
        where: { id: link.id },
        data: { usedAt: now, consentAt: now, submittedData, openedAt: link.openedAt ?? now },
      });
      await recordCorrections(tx, { prospectId: prospect.id, onboardingLinkId: link.id, drafts: corrections, now });
      await recordAudit(tx, {
        entityType: "OnboardingLink",
        entityId: link.id,
        prospectId: prospect.id,
        actorId: null,
        action: "UPDATE",
        changes: {
          usedAt: { from: null, to: now.toISOString() },
          consentAt: { from: null, to: now.toISOString() },
        },
      });

      if (prospect.stage === "PROSPECT") {
        await tx.prospect.update({ where: { id: prospect.id }, data: { stage: "ONBOARDING" } });
        await recordAudit(tx, {
          entityType: "Prospect",
          entityId: prospect.id,
          prospectId: prospect.id,
          actorId: null,
          action: "UPDATE",
          changes: { stage: { from: "PROSPECT", to: "ONBOARDING" } },
        });
      }

      await notifySalesTeam(tx, {
        kind: "ONBOARDING_COMPLETED",
        title: `Dossier complété par le client : ${prospect.name}`,
        body:
          changedFields.length > 0
            ? `Pièce d'identité, Kbis et RIB reçus. Le client a corrigé : ${changedFields.map((f) => correctionFieldLabel(f).toLowerCase()).join(", ")} (à valider dans « Corrections du client »).`
            : "Pièce d'identité, Kbis et RIB reçus. Le client a confirmé ses informations.",
        link: `/prospects/${prospect.id}?onglet=pieces-jointes`,
        dedupeKeyPrefix: `onboarding-completed:${link.id}`,
      });
      return { prospectId: prospect.id, attachmentIds };
    },
    { timeout: SUBMIT_TIMEOUT_MS, maxWait: 10_000 },
  );
}
