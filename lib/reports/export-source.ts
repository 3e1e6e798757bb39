// What an export is made of, whatever the report: its columns, a row count (for the XLSX cap)
// and its rows in batches read with cursor pagination, so a large export never sits in memory.
import { parisDayOf } from "@/lib/dates";
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

// Reads `fetchPage` page after page, each starting after the last id of the previous one; the
// query's orderBy must end with `id` so the order is total.
export async function* cursorBatches<Row extends { id: string }>(
  fetchPage: (args: { cursor?: { id: string }; skip: number; take: number }) => Promise<Row[]>,
  batchSize: number,
): AsyncGenerator<Row[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await fetchPage(cursor ? { cursor: { id: cursor }, skip: 1, take: batchSize } : { skip: 0, take: batchSize });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    cursor = rows[rows.length - 1]!.id;
  }
}

// The Paris day of an export, for its file name.
export function exportDateStamp(now: Date = new Date()): string {
  return parisDayOf(now);
}
