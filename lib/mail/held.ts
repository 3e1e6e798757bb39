import "server-only";
import { AppError } from "@/lib/errors";
import { OUTBOX_CHANNEL } from "@/lib/mail/outbox-channel";
import type { Db, DbClient } from "@/lib/prisma-client";

export const DROPPED_AFTER_RESTORE = "Abandonné par un administrateur après restauration : jamais renvoyé.";

// After a restore, what was waiting or in flight in the backup may already have left: held for
// an admin (« Suspendu après restauration »), never sent by the worker on its own.
export async function holdUnsentEmails(db: DbClient): Promise<number> {
  return db.$executeRaw`
    UPDATE "OutboxEmail"
    SET "status" = 'HELD', "leaseOwner" = NULL, "leaseUntil" = NULL, "updatedAt" = now()
    WHERE "status" IN ('PENDING', 'SENDING')`;
}

async function changeHeld(db: Db, id: string, data: { status: "PENDING" | "FAILED"; lastError?: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: "HELD" },
      data: { ...data, ...(data.status === "PENDING" ? { nextAttemptAt: new Date() } : {}) },
    });
    if (count === 0) {
      const exists = await tx.outboxEmail.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new AppError("NOT_FOUND", "Ce message n'existe plus.");
      throw new AppError("CONFLICT", "Ce message n'est plus suspendu.");
    }
    if (data.status === "PENDING") await tx.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
  });
}

// « Envoyer quand même »: the admin checked it had not left before the backup was restored.
export function releaseHeldEmail(db: Db, id: string): Promise<void> {
  return changeHeld(db, id, { status: "PENDING" });
}

// « Abandonner »: kept for the record as FAILED, with why.
export function dropHeldEmail(db: Db, id: string): Promise<void> {
  return changeHeld(db, id, { status: "FAILED", lastError: DROPPED_AFTER_RESTORE });
}
