// Delivers the outbox: claims due messages with FOR UPDATE SKIP LOCKED (so any number of
// workers can run side by side and each message is claimed by one of them), sends each, and
// records the outcome. Delivery is at least once: a worker that dies mid-send leaves a row in
// SENDING, which another worker reclaims after `stuckAfterMs`.
import type { MailTransport } from "@/lib/mail/transport";
import { describeSendError } from "@/lib/mail/transport";
import { notifyRoles } from "@/lib/notifications/notify";
import type { Db } from "@/lib/prisma-client";
import { retryDelayMs } from "@/lib/worker/backoff";

export type DispatchOptions = {
  transport: MailTransport;
  // Reads an attachment's bytes from storage (helper B's getStorage().get in production).
  loadAttachment: (storageKey: string) => Promise<Buffer>;
  batchSize?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  stuckAfterMs?: number;
  // Checked between messages, so stop() does not wait for a whole backlog.
  shouldStop?: () => boolean;
  log?: (message: string) => void;
};

export const DISPATCH_DEFAULTS = {
  batchSize: 10,
  maxAttempts: 8,
  backoffBaseMs: 60_000,
  backoffMaxMs: 60 * 60_000,
  stuckAfterMs: 10 * 60_000,
} as const;

type ClaimedEmail = {
  id: string;
  toAddresses: string[];
  subject: string;
  html: string;
  text: string;
  attachments: unknown;
  attempts: number;
  actionId: string | null;
};

type AttachmentRef = { fileName: string; mimeType: string; storageKey: string };

export type DispatchResult = { sent: number; retried: number; failed: number };

// Marks up to `limit` due messages SENDING (one attempt more) and returns them. Due: PENDING whose
// time has come, or SENDING for longer than `stuckAfterMs` (the worker sending it crashed).
export async function claimDueEmails(db: Db, limit: number, stuckAfterMs: number): Promise<ClaimedEmail[]> {
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail" AS o
    SET "status" = 'SENDING', "attempts" = o."attempts" + 1, "lastAttemptAt" = now(), "updatedAt" = now()
    WHERE o."id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
         OR ("status" = 'SENDING' AND "lastAttemptAt" < now() - (${stuckAfterMs}::double precision * interval '1 millisecond'))
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o."id", o."toAddresses", o."subject", o."html", o."text", o."attachments", o."attempts", o."actionId"`;
}

function attachmentRefs(value: unknown): AttachmentRef[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (a): a is AttachmentRef =>
      typeof a === "object" && a !== null && typeof a.storageKey === "string" && typeof a.fileName === "string",
  );
}

// A client's onboarding link must not outlive its delivery in our database (only its hash is
// kept): once SMTP has taken the message, the copy we keep loses the token. In local mode the
// message is the delivery, so it stays readable in « Boîte d'envoi ».
const ONBOARDING_LINK = /\/onboarding\/[A-Za-z0-9_-]{16,}/g;

export function redactOnboardingTokens(body: string): string {
  return body.replace(ONBOARDING_LINK, "/onboarding/[lien retiré après envoi]");
}

async function markSent(db: Db, email: ClaimedEmail, transport: MailTransport["kind"]): Promise<void> {
  const redact = transport === "smtp" && redactOnboardingTokens(email.text + email.html) !== email.text + email.html;
  const sentAt = new Date();
  await db.$transaction(async (tx) => {
    // Guarded on the attempt it claimed: if the row was reclaimed meanwhile, the newer claim owns it.
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: "SENDING", attempts: email.attempts },
      data: {
        status: "SENT",
        transport,
        sentAt,
        ...(redact ? { html: redactOnboardingTokens(email.html), text: redactOnboardingTokens(email.text) } : {}),
      },
    });
    // The EMAIL action it carries out is done when the message leaves, not when it was queued.
    if (count > 0 && email.actionId) {
      await tx.action.updateMany({ where: { id: email.actionId, done: false }, data: { done: true, doneAt: sentAt } });
    }
  });
}

async function scheduleRetry(db: Db, email: ClaimedEmail, error: string, delayMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEmail"
    SET "status" = 'PENDING', "lastError" = ${error}, "updatedAt" = now(),
        "nextAttemptAt" = now() + (${delayMs}::double precision * interval '1 millisecond')
    WHERE "id" = ${email.id} AND "status" = 'SENDING' AND "attempts" = ${email.attempts}`;
}

// FAILED for good: the admins hear of it in the same transaction.
async function markFailed(db: Db, email: ClaimedEmail, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const failedAt = new Date();
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: "SENDING", attempts: email.attempts },
      data: { status: "FAILED", lastError: error },
    });
    if (count === 0) return;
    await notifyRoles(tx, {
      roles: ["ADMIN"],
      kind: "SYSTEM",
      title: "Échec d'envoi d'un e-mail",
      body: `« ${email.subject} » à ${email.toAddresses.join(", ")} : ${error}`,
      link: `/admin/outbox/${email.id}`,
      dedupeKeyPrefix: `outbox-failed:${email.id}:${failedAt.toISOString()}`,
    });
  });
}

async function deliver(db: Db, email: ClaimedEmail, options: DispatchOptions & typeof DISPATCH_DEFAULTS) {
  const { transport } = options;
  if (email.attempts > options.maxAttempts) {
    // Only a reclaimed message gets here: its sends kept dying mid-way (a crash each time).
    await markFailed(db, email, "Envoi interrompu à chaque tentative (arrêt du processus d'envoi).");
    return "failed" as const;
  }
  try {
    if (transport.kind === "smtp") {
      const attachments = await Promise.all(
        attachmentRefs(email.attachments).map(async (a) => ({
          fileName: a.fileName,
          mimeType: a.mimeType,
          content: await options.loadAttachment(a.storageKey),
        })),
      );
      await transport.send({ to: email.toAddresses, subject: email.subject, html: email.html, text: email.text, attachments });
    }
    await markSent(db, email, transport.kind);
    return "sent" as const;
  } catch (error) {
    const message = describeSendError(error);
    if (email.attempts >= options.maxAttempts) {
      options.log?.(`E-mail ${email.id} abandonné après ${email.attempts} tentatives : ${message}`);
      await markFailed(db, email, message);
      return "failed" as const;
    }
    const delay = retryDelayMs(email.attempts, { baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs });
    options.log?.(`E-mail ${email.id} : tentative ${email.attempts} échouée (${message}), nouvel essai dans ${Math.round(delay / 1000)} s`);
    await scheduleRetry(db, email, message, delay);
    return "retried" as const;
  }
}

// Sends everything due now, batch after batch, until nothing is left (or stop is asked).
export async function dispatchDueEmails(db: Db, options: DispatchOptions): Promise<DispatchResult> {
  const settings = { ...DISPATCH_DEFAULTS, ...stripUndefined(options) } as DispatchOptions & typeof DISPATCH_DEFAULTS;
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    if (settings.shouldStop?.()) break;
    const batch = await claimDueEmails(db, settings.batchSize, settings.stuckAfterMs);
    for (const email of batch) {
      // A claimed row left unsent here is reclaimed later as stuck; finishing the batch is short.
      const outcome = await deliver(db, email, settings);
      result[outcome] += 1;
    }
    if (batch.length < settings.batchSize) break;
  }
  return result;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
