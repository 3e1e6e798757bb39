import "server-only";
import { recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { monthOfColumn } from "@/lib/commissions/compute";
import { refreshStatementTotal } from "@/lib/commissions/generate-statements";
import { formatMonth } from "@/lib/commissions/labels";
import { allocateStatementNumber } from "@/lib/commissions/numbering";
import { assertCanManageCommissions, STATEMENT_NOT_FOUND } from "@/lib/commissions/policy";
import { renderStatementPdf } from "@/lib/commissions/render-statement-pdf";
import type { AddAdjustmentInput } from "@/lib/commissions/schemas";
import { loadStatementPdfInput } from "@/lib/commissions/statement-pdf-data";
import { AppError } from "@/lib/errors";
import { formatEuros } from "@/lib/format";
import { appUrl } from "@/lib/env";
import { renderEmailLayout } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { notifyUsers } from "@/lib/notifications/notify";
import type { Db, DbClient } from "@/lib/prisma-client";
import { parisYear } from "@/lib/quotes/numbering";
import { quoteIssuerFromEnv } from "@/lib/quotes/quote-pdf-data";
import { getStorage, type Storage } from "@/lib/storage";

export const STATEMENT_LOCKED = "Ce relevé est validé : il ne peut plus être modifié. Une correction ira sur le relevé du mois suivant.";

// Locks the statement row for the rest of the transaction; null when it does not exist.
async function lockStatement(tx: DbClient, id: string) {
  const rows = await tx.$queryRaw<{ id: string; status: string; version: number; partnerId: string; number: string | null }[]>`
    SELECT "id", "status"::text AS "status", "version", "partnerId", "number" FROM "CommissionStatement" WHERE "id" = ${id} FOR UPDATE`;
  return rows[0] ?? null;
}

export function statementPdfStorageKey(partnerId: string, statementId: string): string {
  return `statements/${partnerId}/${statementId}.pdf`;
}

export async function addAdjustment(db: Db, actor: Actor, input: AddAdjustmentInput): Promise<{ id: string; totalCents: number }> {
  assertCanManageCommissions(actor);
  return db.$transaction(async (tx) => {
    const statement = await lockStatement(tx, input.statementId);
    if (!statement) throw new AppError("NOT_FOUND", STATEMENT_NOT_FOUND);
    if (statement.status !== "DRAFT") throw new AppError("CONFLICT", STATEMENT_LOCKED);
    const adjustment = await tx.commissionAdjustment.create({
      data: {
        statementId: statement.id,
        amountCents: input.amount,
        reason: input.reason,
        visibleToPartner: input.visibleToPartner,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await tx.commissionStatement.update({ where: { id: statement.id }, data: { version: { increment: 1 } } });
    const totalCents = await refreshStatementTotal(tx, statement.id);
    await recordAudit(tx, {
      entityType: "CommissionStatement",
      entityId: statement.id,
      actorId: actor.id,
      action: "UPDATE",
      changes: { adjustmentCents: { from: null, to: input.amount }, adjustmentReason: { from: null, to: input.reason } },
    });
    return { id: adjustment.id, totalCents };
  });
}

export async function removeAdjustment(db: Db, actor: Actor, adjustmentId: string): Promise<void> {
  assertCanManageCommissions(actor);
  await db.$transaction(async (tx) => {
    const adjustment = await tx.commissionAdjustment.findUnique({ where: { id: adjustmentId }, select: { statementId: true, amountCents: true, reason: true } });
    if (!adjustment) throw new AppError("NOT_FOUND", "Ajustement introuvable.");
    const statement = await lockStatement(tx, adjustment.statementId);
    if (!statement || statement.status !== "DRAFT") throw new AppError("CONFLICT", STATEMENT_LOCKED);
    await tx.commissionAdjustment.delete({ where: { id: adjustmentId } });
    await tx.commissionStatement.update({ where: { id: statement.id }, data: { version: { increment: 1 } } });
    await refreshStatementTotal(tx, statement.id);
    await recordAudit(tx, {
      entityType: "CommissionStatement",
      entityId: statement.id,
      actorId: actor.id,
      action: "UPDATE",
      changes: { adjustmentCents: { from: adjustment.amountCents, to: null }, adjustmentReason: { from: adjustment.reason, to: null } },
    });
  });
}

export type ValidateStatementResult = { statementId: string; number: string; pdfStorageKey: string };

// « Valider le relevé », in one transaction: lock, check it is a draft at the version the admin
// reviewed, take the next REL number (the year's row stays locked until commit: gapless),
// render and store the PDF of record, then notify the partner's users and queue their e-mail
// with the PDF attached.
export async function validateStatement(
  db: Db,
  actor: Actor,
  input: { statementId: string; version: number },
  deps: { storage?: Storage; now?: Date } = {},
): Promise<ValidateStatementResult> {
  assertCanManageCommissions(actor);
  const storage = deps.storage ?? getStorage();
  const now = deps.now ?? new Date();
  let storedKey: string | null = null;
  try {
    return await db.$transaction(
      async (tx) => {
        const locked = await lockStatement(tx, input.statementId);
        if (!locked) throw new AppError("NOT_FOUND", STATEMENT_NOT_FOUND);
        if (locked.status !== "DRAFT") throw new AppError("CONFLICT", `Ce relevé est déjà validé (${locked.number}).`);
        if (locked.version !== input.version) {
          throw new AppError("CONFLICT", "Le relevé a changé depuis que vous l'avez ouvert : rechargez la page et vérifiez-le.");
        }
        const totalCents = await refreshStatementTotal(tx, locked.id);
        const number = await allocateStatementNumber(tx, parisYear(now));
        const pdf = await renderStatementPdf(await loadStatementPdfInput(tx, locked.id, { number, issuedAt: now, issuer: quoteIssuerFromEnv() }));
        const key = statementPdfStorageKey(locked.partnerId, locked.id);
        await storage.put(key, Buffer.from(pdf), "application/pdf");
        storedKey = key;
        const statement = await tx.commissionStatement.update({
          where: { id: locked.id },
          data: { status: "VALIDATED", number, validatedAt: now, validatedById: actor.id, pdfStorageKey: key, version: { increment: 1 } },
          select: { periodMonth: true, partner: { select: { name: true, users: { where: { active: true }, select: { id: true, email: true, name: true } } } } },
        });
        await recordAudit(tx, {
          entityType: "CommissionStatement",
          entityId: locked.id,
          actorId: actor.id,
          action: "UPDATE",
          changes: { status: { from: "DRAFT", to: "VALIDATED" }, number: { from: null, to: number } },
        });
        const period = formatMonth(monthOfColumn(statement.periodMonth));
        const amount = formatEuros(totalCents).replace(/[\u00a0\u202f]/g, " ");
        const users = statement.partner.users;
        await notifyUsers(tx, {
          userIds: users.map((u) => u.id),
          kind: "SYSTEM",
          title: `Relevé de commissions ${number} disponible`,
          body: `Votre relevé de ${period} est validé : ${amount}.`,
          link: "/commissions",
          dedupeKey: `statement:${locked.id}:validated`,
        });
        if (users.length > 0) {
          const email = renderEmailLayout({
            heading: `Relevé de commissions ${number}`,
            preheader: `${period} : ${amount}`,
            paragraphs: [
              "Bonjour,",
              `Votre relevé de commissions de ${period} est validé, pour un total de ${amount}. Il est joint à ce message au format PDF et reste disponible dans « Mes commissions ».`,
            ],
            details: [
              { label: "Organisation", value: statement.partner.name },
              { label: "Période", value: period },
              { label: "Total", value: amount },
            ],
            action: { label: "Voir mes commissions", url: `${appUrl()}/commissions` },
            footer: "Vous recevez ce message parce que votre organisation est partenaire apporteur d'affaires.",
          });
          await enqueueEmail(tx, {
            dedupeKey: `statement:${locked.id}:validated`,
            to: users.map((u) => ({ address: u.email, name: u.name })),
            subject: `Votre relevé de commissions ${number} (${period})`,
            html: email.html,
            text: email.text,
            attachments: [{ fileName: `${number}.pdf`, mimeType: "application/pdf", storageKey: key }],
          });
        }
        return { statementId: locked.id, number, pdfStorageKey: key };
      },
      { maxWait: 30_000, timeout: 60_000 },
    );
  } catch (error) {
    if (storedKey) await storage.delete(storedKey).catch(() => undefined);
    throw error;
  }
}

export async function markStatementPaid(
  db: Db,
  actor: Actor,
  input: { statementId: string; paidOn: string; paymentReference: string },
): Promise<void> {
  assertCanManageCommissions(actor);
  await db.$transaction(async (tx) => {
    const locked = await lockStatement(tx, input.statementId);
    if (!locked) throw new AppError("NOT_FOUND", STATEMENT_NOT_FOUND);
    if (locked.status === "DRAFT") throw new AppError("CONFLICT", "Validez le relevé avant de le marquer payé.");
    if (locked.status === "PAID") throw new AppError("CONFLICT", "Ce relevé est déjà marqué payé.");
    await tx.commissionStatement.update({
      where: { id: locked.id },
      data: { status: "PAID", paidOn: new Date(`${input.paidOn}T00:00:00.000Z`), paymentReference: input.paymentReference, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      entityType: "CommissionStatement",
      entityId: locked.id,
      actorId: actor.id,
      action: "UPDATE",
      changes: { status: { from: "VALIDATED", to: "PAID" }, paidOn: { from: null, to: input.paidOn }, paymentReference: { from: null, to: input.paymentReference } },
    });
  });
}
