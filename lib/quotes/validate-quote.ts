import "server-only";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Db, DbClient } from "@/lib/prisma-client";
import { lockQuote } from "@/lib/quotes/lock-quote";
import { allocateQuoteNumber, parisYear } from "@/lib/quotes/numbering";
import { assertCanManageQuotes, QUOTE_CONFLICT, QUOTE_NOT_FOUND } from "@/lib/quotes/policy";
import { loadQuotePdfInput } from "@/lib/quotes/quote-pdf-data";
import { renderQuoteEmail } from "@/lib/quotes/quote-email";
import { renderQuotePdf } from "@/lib/quotes/render-quote-pdf";
import { getStorage, type Storage } from "@/lib/storage";
import { parisDayOf } from "@/lib/dates";

export type ValidateQuoteResult = {
  quoteId: string;
  number: string;
  emailActionId: string;
  outboxEmailId: string;
  pdfStorageKey: string;
};

export type ValidateQuoteDeps = { storage?: Storage; now?: Date };

// Outside attachments/: the orphan sweeper only looks there, and this file has no Attachment row.
export function quotePdfStorageKey(prospectId: string, quoteId: string): string {
  return `quotes/${prospectId}/${quoteId}.pdf`;
}

const ALREADY_SENT = (number: string | null) =>
  `Ce devis a déjà été validé${number ? ` (${number})` : ""} : il n'a été envoyé qu'une fois.`;

async function loadForValidation(tx: DbClient, quoteId: string) {
  return tx.quote.findUniqueOrThrow({
    where: { id: quoteId },
    select: {
      id: true,
      status: true,
      number: true,
      version: true,
      prospectId: true,
      opportunityId: true,
      validUntil: true,
      totalTtcCents: true,
      _count: { select: { lines: true } },
      prospect: {
        select: {
          name: true,
          contacts: {
            where: { isFavorite: true },
            take: 1,
            select: { civility: true, firstName: true, lastName: true, email: true },
          },
        },
      },
      action: {
        select: {
          id: true,
          done: true,
          doneAt: true,
          outcome: true,
          opportunityId: true,
          type: { select: { subjectTemplate: true, bodyTemplate: true } },
          nextAction: { select: { id: true } },
        },
      },
    },
  });
}

// « Valider l'offre », in ONE transaction: lock the quote, check it can go, take the next number
// (the year's sequence row stays locked until commit: no gap, no duplicate), print the PDF, mark
// the offer done, record the e-mail as an EMAIL action chained right after the offer, and queue
// that e-mail with the PDF attached (the worker marks the EMAIL action done once delivered).
// A second click waits for the first on the lock, then finds the quote sent: it sends nothing.
export async function validateQuote(
  db: Db,
  actor: Actor,
  input: { quoteId: string; version: number },
  deps: ValidateQuoteDeps = {},
): Promise<ValidateQuoteResult> {
  assertCanManageQuotes(actor);
  const storage = deps.storage ?? getStorage();
  const now = deps.now ?? new Date();
  let storedKey: string | null = null;

  try {
    return await db.$transaction(
      async (tx) => {
        const visible = await tx.quote.findFirst({
          where: { id: input.quoteId, prospect: prospectScope(actor) },
          select: { id: true },
        });
        if (!visible || !(await lockQuote(tx, visible.id))) throw new AppError("NOT_FOUND", QUOTE_NOT_FOUND);
        const quote = await loadForValidation(tx, visible.id);

        if (quote.status !== "DRAFT") throw new AppError("CONFLICT", ALREADY_SENT(quote.number));
        if (quote.version !== input.version) throw new AppError("CONFLICT", QUOTE_CONFLICT);
        if (quote._count.lines === 0) {
          throw new AppError("VALIDATION", "Le devis ne compte aucune ligne : ajoutez-en au moins une et enregistrez le brouillon.");
        }
        if (quote.validUntil.toISOString().slice(0, 10) < parisDayOf(now)) {
          throw new AppError("VALIDATION", "La date de validité du devis est passée : modifiez-la et enregistrez le brouillon.", {
            validUntil: ["La date de validité ne peut pas être dans le passé."],
          });
        }
        const offer = quote.action;
        if (!offer) throw new AppError("VALIDATION", "Ce devis n'est plus rattaché à une action « Faire une offre ».");
        const contact = quote.prospect.contacts[0];
        if (!contact) {
          throw new AppError(
            "VALIDATION",
            "Ce prospect n'a pas de contact favori : désignez-en un, avec une adresse e-mail, dans l'onglet « Contacts » du dossier avant de valider l'offre.",
          );
        }
        const contactName = `${contact.firstName} ${contact.lastName}`.trim();
        if (!contact.email) {
          throw new AppError(
            "VALIDATION",
            `Le contact favori (${contactName}) n'a pas d'adresse e-mail : ajoutez-la dans l'onglet « Contacts » du dossier avant de valider l'offre.`,
          );
        }
        const emailType = await tx.actionType.findFirst({
          where: { category: "EMAIL", active: true },
          orderBy: [{ position: "asc" }, { name: "asc" }],
          select: { id: true, name: true },
        });
        if (!emailType) {
          throw new AppError(
            "VALIDATION",
            "Aucun type d'action de catégorie « E-mail » n'est actif : un administrateur doit en activer un pour envoyer des devis.",
          );
        }

        // From here to commit, this transaction holds the year's number.
        const number = await allocateQuoteNumber(tx, parisYear(now));
        const email = renderQuoteEmail({
          templates: { subject: offer.type.subjectTemplate, body: offer.type.bodyTemplate },
          contact,
          company: quote.prospect.name,
          quoteNumber: number,
          totalTtcCents: quote.totalTtcCents,
          validUntil: quote.validUntil,
          senderName: actor.name,
        });
        const pdf = await renderQuotePdf(await loadQuotePdfInput(tx, quote.id, { number, issuedAt: now }));
        const key = quotePdfStorageKey(quote.prospectId, quote.id);
        await storage.put(key, Buffer.from(pdf), "application/pdf");
        storedKey = key;

        const sent = await tx.quote.updateMany({
          where: { id: quote.id, status: "DRAFT", version: quote.version },
          data: { status: "SENT", sentAt: now, number, pdfStorageKey: key, version: { increment: 1 } },
        });
        if (sent.count !== 1) throw new AppError("CONFLICT", QUOTE_CONFLICT);
        await recordAudit(tx, {
          entityType: "Quote",
          entityId: quote.id,
          prospectId: quote.prospectId,
          actorId: actor.id,
          action: "UPDATE",
          changes: {
            status: { from: "DRAFT", to: "SENT" },
            number: { from: null, to: number },
            sentAt: { from: null, to: now.toISOString() },
          },
        });

        const outcome = `Devis ${number} envoyé à ${contact.email}`;
        const offerAfter = { done: true, doneAt: offer.done && offer.doneAt ? offer.doneAt : now, outcome };
        await tx.action.update({ where: { id: offer.id }, data: offerAfter });
        const offerChanges = diffForAudit(offer, offerAfter, ["done", "doneAt", "outcome"]);
        if (offerChanges) {
          await recordAudit(tx, {
            entityType: "Action",
            entityId: offer.id,
            prospectId: quote.prospectId,
            actorId: actor.id,
            action: "UPDATE",
            changes: offerChanges,
          });
        }

        // The e-mail goes right after the offer in the chain. An existing follow-up of the offer
        // is detached first (previousActionId is unique), then hooked behind the e-mail.
        const followUpId = offer.nextAction?.id ?? null;
        if (followUpId) await tx.action.update({ where: { id: followUpId }, data: { previousActionId: null } });
        const emailAction = await tx.action.create({
          data: {
            prospectId: quote.prospectId,
            typeId: emailType.id,
            subject: email.subject.slice(0, 200),
            notes: email.text,
            dueAt: now,
            assigneeId: actor.id,
            createdById: actor.id,
            opportunityId: offer.opportunityId ?? quote.opportunityId,
            previousActionId: offer.id,
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          entityType: "Action",
          entityId: emailAction.id,
          prospectId: quote.prospectId,
          actorId: actor.id,
          action: "CREATE",
          changes: { type: emailType.name, subject: email.subject.slice(0, 200), dueAt: now.toISOString() },
        });
        if (followUpId) {
          await tx.action.update({ where: { id: followUpId }, data: { previousActionId: emailAction.id } });
          await recordAudit(tx, {
            entityType: "Action",
            entityId: followUpId,
            prospectId: quote.prospectId,
            actorId: actor.id,
            action: "UPDATE",
            changes: { previousActionId: { from: offer.id, to: emailAction.id } },
          });
        }

        const queued = await enqueueEmail(tx, {
          dedupeKey: `quote:${quote.id}:sent`,
          to: [{ address: contact.email, name: contactName }],
          subject: email.subject,
          html: email.html,
          text: email.text,
          attachments: [{ fileName: `${number}.pdf`, mimeType: "application/pdf", storageKey: key }],
          actionId: emailAction.id,
        });

        return { quoteId: quote.id, number, emailActionId: emailAction.id, outboxEmailId: queued.id, pdfStorageKey: key };
      },
      // Concurrent validations queue on the year's sequence row: give them time to take turns.
      { maxWait: 30_000, timeout: 60_000 },
    );
  } catch (error) {
    // The file was written but the transaction did not commit: nothing points to it any more.
    if (storedKey) await storage.delete(storedKey).catch(() => undefined);
    throw error;
  }
}
