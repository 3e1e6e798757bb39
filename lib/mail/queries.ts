import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import type { OutboxListParams, OutboxSortKey } from "@/lib/mail/schemas";
import type { DbClient } from "@/lib/prisma-client";

const listSelect = {
  id: true,
  toAddresses: true,
  subject: true,
  status: true,
  transport: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
} satisfies Prisma.OutboxEmailSelect;

export type OutboxListRow = Prisma.OutboxEmailGetPayload<{ select: typeof listSelect }>;

const SORT: Record<OutboxSortKey, (dir: "asc" | "desc") => Prisma.OutboxEmailOrderByWithRelationInput> = {
  createdAt: (dir) => ({ createdAt: dir }),
  status: (dir) => ({ status: dir }),
  attempts: (dir) => ({ attempts: dir }),
  sentAt: (dir) => ({ sentAt: { sort: dir, nulls: "last" } }),
};

export async function findOutboxEmails(db: DbClient, params: OutboxListParams) {
  const where: Prisma.OutboxEmailWhereInput = params.status ? { status: params.status } : {};
  const orderBy = [SORT[params.sort](params.dir), { id: "asc" as const }];
  const [total, grouped] = await Promise.all([
    db.outboxEmail.count({ where }),
    db.outboxEmail.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const page = Math.min(params.page, Math.max(1, Math.ceil(total / params.perPage)));
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy,
    skip: (page - 1) * params.perPage,
    take: params.perPage,
    select: listSelect,
  });
  const counts: Record<OutboxStatus, number> = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, HELD: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  return { rows, total, page, perPage: params.perPage, counts };
}

export async function getOutboxEmail(db: DbClient, id: string) {
  return db.outboxEmail.findUnique({
    where: { id },
    select: {
      ...listSelect,
      dedupeKey: true,
      html: true,
      text: true,
      attachments: true,
      updatedAt: true,
      messageId: true,
      smtpResponse: true,
    },
  });
}

export type OutboxEmailDetail = NonNullable<Awaited<ReturnType<typeof getOutboxEmail>>>;
