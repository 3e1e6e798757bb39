import "server-only";
import { AppError } from "@/lib/errors";
import { OUTBOX_CHANNEL } from "@/lib/mail/outbox-channel";
import type { Db } from "@/lib/prisma-client";

// « Renvoyer »: a FAILED message gets a fresh series of attempts; its last error stays visible
// until the next attempt replaces it.
export async function requeueFailedEmail(db: Db, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxEmail.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.outboxEmail.findUnique({ where: { id }, select: { status: true } });
      if (!exists) throw new AppError("NOT_FOUND", "Ce message n'existe plus.");
      throw new AppError("CONFLICT", "Seul un message en échec peut être renvoyé.");
    }
    await tx.$executeRawUnsafe(`NOTIFY ${OUTBOX_CHANNEL}`);
  });
}
