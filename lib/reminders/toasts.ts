import "server-only";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";

// Kinds that pop up at the bottom of the screen; the others wait in the bell.
export const TOAST_KINDS: NotificationKind[] = ["REMINDER", "ASSIGNMENT"];
// Older notifications are for the bell, not for a toast popping up out of the blue.
const TOAST_MAX_AGE_HOURS = 24;
const TOAST_BATCH = 10;

export type Toast = {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  link: string | null;
  createdAt: Date;
};

// The user's notifications not yet shown as a toast, marked shown in the same statement: two
// tabs polling at once, or a reload, never pop the same one twice (the second UPDATE waits for
// the first and then finds shownAt set).
export async function claimToasts(db: DbClient, userId: string): Promise<Toast[]> {
  const rows = await db.$queryRaw<Toast[]>`
    UPDATE "Notification" AS n
    SET "shownAt" = now()
    WHERE n."id" IN (
      SELECT "id" FROM "Notification"
      WHERE "userId" = ${userId}
        AND "shownAt" IS NULL
        AND "kind"::text = ANY(${TOAST_KINDS}::text[])
        AND "createdAt" > now() - (${TOAST_MAX_AGE_HOURS}::int * interval '1 hour')
      ORDER BY "createdAt", "id"
      LIMIT ${TOAST_BATCH}
      FOR UPDATE SKIP LOCKED
    )
    AND n."shownAt" IS NULL
    RETURNING n."id", n."kind"::text AS "kind", n."title", n."body", n."link", n."createdAt"`;
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
}
