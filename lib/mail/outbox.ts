import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formatMailbox, sanitizeHeader } from "@/lib/mail/escape";
import { OUTBOX_CHANNEL } from "@/lib/mail/outbox-channel";
import type { DbClient } from "@/lib/prisma-client";

export type EmailAttachmentRef = { fileName: string; mimeType: string; storageKey: string };

export type EmailRecipient = string | { address: string; name?: string | null };

export type EnqueueEmailInput = {
  // Same key, same message: a retried request, a double click or two tabs never queue twice.
  dedupeKey: string;
  to: EmailRecipient[];
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachmentRef[];
  // The EMAIL action this message carries out; the worker marks it done once delivered.
  actionId?: string;
};

const addressSchema = z.email();

function recipientMailbox(recipient: EmailRecipient): string {
  const address = typeof recipient === "string" ? recipient.trim() : recipient.address.trim();
  if (!addressSchema.safeParse(address).success) {
    throw new AppError("VALIDATION", `Adresse e-mail invalide : « ${sanitizeHeader(address, 80)} ».`);
  }
  return formatMailbox(address, typeof recipient === "string" ? null : recipient.name);
}

// Queues an e-mail inside the caller's transaction (DESIGN.md §3): it exists if and only if the
// business change commits, and the worker delivers it afterwards with retries.
export async function enqueueEmail(tx: DbClient, input: EnqueueEmailInput): Promise<{ id: string; created: boolean }> {
  const dedupeKey = input.dedupeKey.trim();
  if (!dedupeKey || dedupeKey.length > 300) throw new Error("enqueueEmail: dedupeKey must be 1-300 characters");
  if (input.to.length === 0) throw new AppError("VALIDATION", "Aucun destinataire pour cet e-mail.");
  const toAddresses = [...new Set(input.to.map(recipientMailbox))];
  const subject = sanitizeHeader(input.subject);
  if (!subject) throw new Error("enqueueEmail: empty subject");
  if (!input.html.trim() || !input.text.trim()) throw new Error("enqueueEmail: empty body");
  const attachments = input.attachments?.length
    ? input.attachments.map((a) => ({
        fileName: sanitizeHeader(a.fileName, 200) || "piece-jointe",
        mimeType: sanitizeHeader(a.mimeType, 100) || "application/octet-stream",
        storageKey: a.storageKey,
      }))
    : undefined;

  // INSERT … ON CONFLICT ("dedupeKey") DO NOTHING: a concurrent transaction with the same key
  // waits for the first to commit, then inserts nothing.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "OutboxEmail" ("id", "dedupeKey", "toAddresses", "subject", "html", "text", "attachments", "actionId", "updatedAt")
    VALUES (${newId()}, ${dedupeKey}, ${toAddresses}, ${subject}, ${input.html}, ${input.text},
            ${attachments ? JSON.stringify(attachments) : null}::jsonb, ${input.actionId ?? null}, now())
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  const row = inserted[0];
  if (row) {
    await tx.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
    return { id: row.id, created: true };
  }
  const existing = await tx.outboxEmail.findUniqueOrThrow({ where: { dedupeKey }, select: { id: true } });
  return { id: existing.id, created: false };
}

// Prisma generates cuids client-side; a raw INSERT needs an id of the same kind (sortable,
// collision-free across processes): time, then randomness.
function newId(): string {
  const time = Date.now().toString(36).padStart(9, "0");
  const random = crypto.getRandomValues(new Uint8Array(12));
  return `c${time}${Array.from(random, (b) => (b % 36).toString(36)).join("")}`;
}
