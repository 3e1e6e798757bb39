// Delivers the outbox, as close to exactly once as SMTP allows:
// - each claimed message is leased to this pass (`leaseOwner`, `leaseUntil`), and the lease is
//   refreshed while the pass lasts, so a slow relay never lets another worker take a message
//   that is still being sent;
// - a message whose lease ran out (the worker died mid-send) is retried only after a grace
//   period (`stuckAfterMs`), with the same Message-ID: if the relay had taken the first copy,
//   the receiving side sees two copies of one message and can drop one;
// - the relay's acceptance (its 250 reply and queue id) is the first thing written afterwards;
// - a 5xx reply is final (FAILED at once, admins notified); 4xx and network errors are retried
//   with backoff.
import { randomUUID } from "node:crypto";
import type { MailTransport, SendReceipt } from "@/lib/mail/transport";
import { describeSendError, isPermanentSendError } from "@/lib/mail/transport";
import { notifyRoles } from "@/lib/notifications/notify";
import type { Db } from "@/lib/prisma-client";
import { retryDelayMs } from "@/lib/worker/backoff";

export type DispatchOptions = {
  transport: MailTransport;
  // Reads an attachment's bytes from storage (helper B's getStorage().get in production).
  loadAttachment: (storageKey: string) => Promise<Buffer>;
  // Messages claimed together; each keeps its own lease until it is sent.
  batchSize?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  // Grace after a lease ran out before a message is sent again (its worker died mid-send).
  stuckAfterMs?: number;
  // Lease length; refreshed every third of it while the pass runs.
  leaseMs?: number;
  // Names the worker in `leaseOwner` (each pass adds a random suffix).
  workerId?: string;
  // Checked between messages, so stop() does not wait for a whole backlog.
  shouldStop?: () => boolean;
  log?: (message: string) => void;
  // Each message's outcome, for the metrics.
  onOutcome?: (outcome: DispatchOutcome) => void;
};

export const DISPATCH_DEFAULTS = {
  batchSize: 1,
  maxAttempts: 8,
  backoffBaseMs: 60_000,
  backoffMaxMs: 60 * 60_000,
  stuckAfterMs: 10 * 60_000,
  leaseMs: 60_000,
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
  messageId: string | null;
};

type AttachmentRef = { fileName: string; mimeType: string; storageKey: string };

export type DispatchOutcome = "sent" | "retried" | "failed";
export type DispatchResult = Record<DispatchOutcome, number>;

export type ClaimOptions = { leaseMs?: number; owner?: string; messageIdDomain?: string };

// Marks up to `limit` due messages SENDING (one attempt more), leased to `owner`, and returns
// them. Due: PENDING whose time has come, or SENDING whose lease ran out more than
// `stuckAfterMs` ago (the worker sending it died). The Message-ID is fixed at the first claim.
export async function claimDueEmails(
  db: Db,
  limit: number,
  stuckAfterMs: number,
  options: ClaimOptions = {},
): Promise<ClaimedEmail[]> {
  const leaseMs = options.leaseMs ?? DISPATCH_DEFAULTS.leaseMs;
  const owner = options.owner ?? `claim:${randomUUID()}`;
  const domain = options.messageIdDomain ?? "crm.localhost";
  return db.$queryRaw<ClaimedEmail[]>`
    UPDATE "OutboxEmail" AS o
    SET "status" = 'SENDING', "attempts" = o."attempts" + 1, "lastAttemptAt" = now(), "updatedAt" = now(),
        "leaseOwner" = ${owner},
        "leaseUntil" = now() + (${leaseMs}::double precision * interval '1 millisecond'),
        "messageId" = COALESCE(o."messageId", '<' || o."id" || '@' || ${domain} || '>')
    WHERE o."id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE ("status" = 'PENDING' AND "nextAttemptAt" <= now())
         OR ("status" = 'SENDING'
             AND COALESCE("leaseUntil", "lastAttemptAt") < now() - (${stuckAfterMs}::double precision * interval '1 millisecond'))
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING o."id", o."toAddresses", o."subject", o."html", o."text", o."attachments", o."attempts", o."actionId", o."messageId"`;
}

async function renewLeases(db: Db, owner: string, leaseMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEmail"
    SET "leaseUntil" = now() + (${leaseMs}::double precision * interval '1 millisecond')
    WHERE "leaseOwner" = ${owner} AND "status" = 'SENDING'`;
}

// Claimed but not attempted (stop asked mid-batch): back to PENDING, the attempt not counted.
async function releaseUnsent(db: Db, owner: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`
    UPDATE "OutboxEmail"
    SET "status" = 'PENDING', "attempts" = GREATEST(0, "attempts" - 1), "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = now()
    WHERE "id" = ANY(${ids}) AND "leaseOwner" = ${owner} AND "status" = 'SENDING'`;
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

async function markSent(db: Db, email: ClaimedEmail, transport: MailTransport["kind"], receipt: SendReceipt): Promise<boolean> {
  const redact = transport === "smtp" && redactOnboardingTokens(email.text + email.html) !== email.text + email.html;
  const sentAt = new Date();
  return db.$transaction(async (tx) => {
    // Guarded on the attempt it claimed: if the row was reclaimed meanwhile, the newer claim owns it.
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: "SENDING", attempts: email.attempts },
      data: {
        status: "SENT",
        transport,
        sentAt,
        smtpResponse: receipt.response,
        smtpQueueId: receipt.queueId,
        leaseOwner: null,
        leaseUntil: null,
        ...(redact ? { html: redactOnboardingTokens(email.html), text: redactOnboardingTokens(email.text) } : {}),
      },
    });
    // The EMAIL action it carries out is done when the message leaves, not when it was queued.
    if (count > 0 && email.actionId) {
      await tx.action.updateMany({ where: { id: email.actionId, done: false }, data: { done: true, doneAt: sentAt } });
    }
    return count > 0;
  });
}

// Once the relay has the message, losing that fact means sending it again: a database hiccup
// right then is waited out (a few tries over ~7 s) rather than turned into a retry.
async function recordAcceptance(
  db: Db,
  email: ClaimedEmail,
  transport: MailTransport["kind"],
  receipt: SendReceipt,
  log?: (message: string) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const recorded = await markSent(db, email, transport, receipt);
      if (!recorded) log?.(`E-mail ${email.id} : accepté par le relais, mais repris entre-temps par un autre envoi`);
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

async function scheduleRetry(db: Db, email: ClaimedEmail, error: string, delayMs: number): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEmail"
    SET "status" = 'PENDING', "lastError" = ${error}, "updatedAt" = now(), "leaseOwner" = NULL, "leaseUntil" = NULL,
        "nextAttemptAt" = now() + (${delayMs}::double precision * interval '1 millisecond')
    WHERE "id" = ${email.id} AND "status" = 'SENDING' AND "attempts" = ${email.attempts}`;
}

// FAILED for good: the admins hear of it in the same transaction.
async function markFailed(db: Db, email: ClaimedEmail, error: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const failedAt = new Date();
    const { count } = await tx.outboxEmail.updateMany({
      where: { id: email.id, status: "SENDING", attempts: email.attempts },
      data: { status: "FAILED", lastError: error, leaseOwner: null, leaseUntil: null },
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

async function deliver(db: Db, email: ClaimedEmail, options: DispatchOptions & typeof DISPATCH_DEFAULTS): Promise<DispatchOutcome> {
  const { transport } = options;
  if (email.attempts > options.maxAttempts) {
    // Only a reclaimed message gets here: its sends kept dying mid-way (a crash each time).
    await markFailed(db, email, "Envoi interrompu à chaque tentative (arrêt du processus d'envoi).");
    return "failed";
  }
  let receipt: SendReceipt;
  try {
    receipt = { response: null, queueId: null };
    if (transport.kind === "smtp") {
      const attachments = await Promise.all(
        attachmentRefs(email.attachments).map(async (a) => ({
          fileName: a.fileName,
          mimeType: a.mimeType,
          content: await options.loadAttachment(a.storageKey),
        })),
      );
      receipt = await transport.send({
        messageId: email.messageId ?? undefined,
        to: email.toAddresses,
        subject: email.subject,
        html: email.html,
        text: email.text,
        attachments,
      });
    }
  } catch (error) {
    const message = describeSendError(error);
    if (isPermanentSendError(error)) {
      options.log?.(`E-mail ${email.id} refusé définitivement par le relais : ${message}`);
      await markFailed(db, email, message);
      return "failed";
    }
    if (email.attempts >= options.maxAttempts) {
      options.log?.(`E-mail ${email.id} abandonné après ${email.attempts} tentatives : ${message}`);
      await markFailed(db, email, message);
      return "failed";
    }
    const delay = retryDelayMs(email.attempts, { baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs });
    options.log?.(`E-mail ${email.id} : tentative ${email.attempts} échouée (${message}), nouvel essai dans ${Math.round(delay / 1000)} s`);
    await scheduleRetry(db, email, message, delay);
    return "retried";
  }
  await recordAcceptance(db, email, transport.kind, receipt, options.log);
  return "sent";
}

// Sends everything due now, batch after batch, until nothing is left (or stop is asked).
export async function dispatchDueEmails(db: Db, options: DispatchOptions): Promise<DispatchResult> {
  const settings = { ...DISPATCH_DEFAULTS, ...stripUndefined(options) } as DispatchOptions & typeof DISPATCH_DEFAULTS;
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  const owner = `${settings.workerId ?? "dispatch"}:${randomUUID()}`;
  const claim: ClaimOptions = { leaseMs: settings.leaseMs, owner, messageIdDomain: settings.transport.messageIdDomain };
  // Every message of the batch not yet finished keeps its lease while earlier ones are sent.
  const renewer = setInterval(() => {
    renewLeases(db, owner, settings.leaseMs).catch((error: unknown) =>
      settings.log?.(`Prolongation des envois en cours impossible : ${error instanceof Error ? error.message : String(error)}`),
    );
  }, Math.max(100, Math.floor(settings.leaseMs / 3)));
  try {
    for (;;) {
      if (settings.shouldStop?.()) break;
      const batch = await claimDueEmails(db, settings.batchSize, settings.stuckAfterMs, claim);
      for (const [index, email] of batch.entries()) {
        if (settings.shouldStop?.()) {
          await releaseUnsent(db, owner, batch.slice(index).map((e) => e.id));
          return result;
        }
        const outcome = await deliver(db, email, settings);
        result[outcome] += 1;
        settings.onOutcome?.(outcome);
      }
      if (batch.length < settings.batchSize) break;
    }
  } finally {
    clearInterval(renewer);
  }
  return result;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
