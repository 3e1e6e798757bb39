import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { keysetPage, keysetQuery, type KeysetPage, type KeysetRequest, type KeysetSort } from "@/lib/pagination/keyset";
import type { DbClient } from "@/lib/prisma-client";
import { NOTIFICATIONS_PER_PAGE, type NotificationListParams } from "@/lib/notifications/schemas";

const listSelect = {
  id: true,
  kind: true,
  title: true,
  body: true,
  link: true,
  readAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

export type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof listSelect }>;

export async function countUnreadNotifications(db: DbClient, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

// The bell shows « 99+ » past 99: every page counts at most this many rows for it.
export const BELL_COUNT_LIMIT = 100;

// Raw SQL: Prisma's bounded count orders by id, which walks the primary key (7 ms at 100k);
// without an order the (userId, readAt, createdAt) index reads at most 100 entries.
export function countUnreadForBell(db: DbClient, userId: string): Promise<number> {
  return countUpTo(db, userId, true, BELL_COUNT_LIMIT);
}

// The user's notifications (or unread ones), counted up to `limit` from the (userId, …) indexes.
// Raw SQL: Prisma's bounded count adds ORDER BY id, a sort of every notification of the user.
async function countUpTo(db: DbClient, userId: string, unreadOnly: boolean, limit: number): Promise<number> {
  const unread = unreadOnly ? Prisma.sql`AND "readAt" IS NULL` : Prisma.empty;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT 1 FROM "Notification" WHERE "userId" = ${userId} ${unread} LIMIT ${limit}) counted`;
  return rows[0]?.n ?? 0;
}

// Past this many the page says « plus de 1 000 » instead of counting every row.
export const NOTIFICATION_COUNT_LIMIT = 1000;

const NOTIFICATION_SORT: KeysetSort = { field: "createdAt", dir: "desc", nullable: false, idDir: "desc" };

// The user's own notifications, newest first, a keyset page at a time (lib/pagination/keyset.ts),
// with a count that stops at NOTIFICATION_COUNT_LIMIT.
export async function findNotifications(
  db: DbClient,
  userId: string,
  params: NotificationListParams,
  request: KeysetRequest = { kind: "first" },
): Promise<KeysetPage<NotificationRow> & { total: number; totalIsLowerBound: boolean; unread: number }> {
  const where: Prisma.NotificationWhereInput = { userId, ...(params.unreadOnly ? { readAt: null } : {}) };
  const perPage = NOTIFICATIONS_PER_PAGE;
  const fetch = (req: KeysetRequest) => {
    const q = keysetQuery(NOTIFICATION_SORT, req);
    return db.notification.findMany({
      where: { AND: [where, q.where as Prisma.NotificationWhereInput] },
      orderBy: q.orderBy as Prisma.NotificationOrderByWithRelationInput[],
      take: perPage + 1,
      select: listSelect,
    });
  };
  const [counted, unread, fetched] = await Promise.all([
    countUpTo(db, userId, params.unreadOnly, NOTIFICATION_COUNT_LIMIT + 1),
    countUnreadNotifications(db, userId),
    fetch(request),
  ]);
  let effective = request;
  let rows = fetched;
  if (request.kind === "before" && fetched.length < perPage) {
    effective = { kind: "first" };
    rows = await fetch(effective);
  }
  return {
    ...keysetPage(rows, perPage, effective, (row) => row.createdAt),
    total: Math.min(counted, NOTIFICATION_COUNT_LIMIT),
    totalIsLowerBound: counted > NOTIFICATION_COUNT_LIMIT,
    unread,
  };
}
