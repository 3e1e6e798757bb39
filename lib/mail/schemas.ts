// The « Boîte d'envoi » list's URL state; every field falls back to its default.
import { z } from "zod";
import { OutboxStatus } from "@/lib/generated/prisma/enums";

export const OUTBOX_PER_PAGE_OPTIONS = [25, 50, 100] as const;
export const OUTBOX_DEFAULT_PER_PAGE = 25;
export const OUTBOX_SORT_KEYS = ["createdAt", "status", "attempts", "sentAt"] as const;
export type OutboxSortKey = (typeof OUTBOX_SORT_KEYS)[number];
const MAX_PAGE = 100_000;

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

const statusValues = Object.values(OutboxStatus) as [OutboxStatus, ...OutboxStatus[]];

export type OutboxListParams = {
  page: number;
  perPage: number;
  sort: OutboxSortKey;
  dir: "asc" | "desc";
  status: OutboxStatus | "";
};

const schema = z
  .object({
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    perPage: z
      .preprocess(
        first,
        z.coerce
          .number()
          .int()
          .refine((n) => (OUTBOX_PER_PAGE_OPTIONS as readonly number[]).includes(n)),
      )
      .catch(OUTBOX_DEFAULT_PER_PAGE),
    sort: z.preprocess(first, z.enum(OUTBOX_SORT_KEYS)).catch("createdAt"),
    dir: z.preprocess(first, z.enum(["asc", "desc"])).catch("desc"),
    status: z.preprocess(first, z.enum(statusValues).or(z.literal(""))).catch(""),
  })
  .catch({ page: 1, perPage: OUTBOX_DEFAULT_PER_PAGE, sort: "createdAt", dir: "desc", status: "" });

export function parseOutboxListParams(searchParams: unknown): OutboxListParams {
  return schema.parse(searchParams ?? {});
}

export function outboxListQuery(params: OutboxListParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.status) query.status = params.status;
  if (params.sort !== "createdAt") query.sort = params.sort;
  if (params.dir !== "desc") query.dir = params.dir;
  if (params.perPage !== OUTBOX_DEFAULT_PER_PAGE) query.perPage = String(params.perPage);
  if (params.page !== 1) query.page = String(params.page);
  return query;
}

export const outboxEmailIdSchema = z.object({ id: z.string().min(1).max(100) });
export type OutboxEmailIdInput = z.input<typeof outboxEmailIdSchema>;
