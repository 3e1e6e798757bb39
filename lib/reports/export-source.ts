// What an export is made of, whatever the report: its columns, a row count (for the XLSX cap)
// and its rows in batches read with cursor pagination, so a large export never sits in memory.
import { parisDayOf } from "@/lib/dates";
import { keysetQuery, type KeysetRequest, type KeysetSort, type KeysetValue } from "@/lib/pagination/keyset";
import type { ExportColumn, ExportValue } from "@/lib/reports/export-values";

export const EXPORT_BATCH_SIZE = 500;

export type ExportSource = {
  // Without extension: "actions-faites-2026-11-22".
  fileName: string;
  sheetName: string;
  columns: readonly ExportColumn[];
  count: () => Promise<number>;
  batches: (batchSize: number) => AsyncIterable<ExportValue[][]>;
};

export type BatchArgs = { where: Record<string, unknown>; orderBy: Record<string, unknown>[]; take: number };

// Reads a query batch after batch in `sort`'s order, each batch starting after the last row of
// the previous one by a keyset condition on (sort column, id), which an index on those columns
// answers directly. (Prisma's own `cursor` re-reads the cursor row in a subquery the planner
// cannot turn into an index range: each batch cost more than the last, the export was quadratic.)
// `fetchPage` must AND `where` into its own filters and select the sort column.
export async function* keysetBatches<Row extends { id: string }>(
  sort: KeysetSort,
  fetchPage: (args: BatchArgs) => Promise<Row[]>,
  batchSize: number,
): AsyncGenerator<Row[]> {
  let request: KeysetRequest = { kind: "first" };
  for (;;) {
    const { where, orderBy } = keysetQuery(sort, request);
    const rows = await fetchPage({ where, orderBy, take: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    const last = rows[rows.length - 1]!;
    request = { kind: "after", cursor: { value: (last as unknown as Record<string, KeysetValue>)[sort.field] ?? null, id: last.id } };
  }
}

// The Paris day of an export, for its file name.
export function exportDateStamp(now: Date = new Date()): string {
  return parisDayOf(now);
}
