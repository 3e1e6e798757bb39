// Turns an ExportSource into a download: CSV streamed batch by batch (the next batch is read
// only when the client has taken the previous one), or XLSX with typed cells, built in memory
// and therefore capped.
import "server-only";
import writeXlsxFile, { type Cell, type Row } from "write-excel-file/node";
import { attachmentDisposition, CSV_BOM, csvRow, neutralizeFormula } from "@/lib/reports/csv";
import { EXPORT_BATCH_SIZE, type ExportSource } from "@/lib/reports/export-source";
import { isCalendarDay, parisWallClock, type ExportColumn, type ExportValue } from "@/lib/reports/export-values";

export const XLSX_MAX_ROWS = 50_000;
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function xlsxTooManyRowsMessage(total: number): string {
  return `L'export XLSX est limité à ${XLSX_MAX_ROWS.toLocaleString("fr-FR")} lignes et cette sélection en compte ${total.toLocaleString("fr-FR")}. Affinez les filtres ou exportez en CSV, qui n'a pas de limite.`;
}

export function csvStream(source: ExportSource, batchSize: number = EXPORT_BATCH_SIZE): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let batches: AsyncIterator<ExportValue[][]> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvRow(source.columns.map((c) => c.header))));
    },
    async pull(controller) {
      batches ??= source.batches(batchSize)[Symbol.asyncIterator]();
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvRow).join("")));
    },
    async cancel() {
      await batches?.return?.();
    },
  });
}

const FORMATS: Partial<Record<ExportColumn["kind"], string>> = {
  money: "#,##0.00",
  datetime: "dd/mm/yyyy hh:mm",
  date: "dd/mm/yyyy",
};

function xlsxCell(value: ExportValue, column: ExportColumn): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return { value, type: Number, format: FORMATS[column.kind] };
  if (typeof value === "boolean") return { value, type: Boolean };
  if (value instanceof Date) return { value: parisWallClock(value), type: Date, format: FORMATS.datetime };
  if (isCalendarDay(value)) return { value: value.day, type: Date, format: FORMATS.date };
  return { value: neutralizeFormula(value), type: String };
}

// Null when the source holds more rows than an XLSX export allows.
export async function xlsxBuffer(
  source: ExportSource,
  batchSize: number = EXPORT_BATCH_SIZE,
): Promise<{ ok: true; buffer: Buffer } | { ok: false; total: number }> {
  const total = await source.count();
  if (total > XLSX_MAX_ROWS) return { ok: false, total };
  const sheet: Row[] = [source.columns.map((c) => ({ value: neutralizeFormula(c.header), type: String, fontWeight: "bold" as const }))];
  for await (const rows of source.batches(batchSize)) {
    for (const row of rows) sheet.push(row.map((value, i) => xlsxCell(value, source.columns[i]!)));
    // Rows added since the count are left out rather than breaking the promise of the cap.
    if (sheet.length > XLSX_MAX_ROWS + 1) {
      sheet.length = XLSX_MAX_ROWS + 1;
      break;
    }
  }
  const buffer = await writeXlsxFile(sheet, {
    sheet: source.sheetName.slice(0, 31),
    columns: source.columns.map((c) => ({ width: c.kind === "text" ? 28 : 16 })),
    stickyRowsCount: 1,
  }).toBuffer();
  return { ok: true, buffer };
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportResponse(source: ExportSource, format: ExportFormat): Promise<Response> {
  const headers = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };
  if (format === "csv") {
    return new Response(csvStream(source), {
      headers: {
        ...headers,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(`${source.fileName}.csv`),
      },
    });
  }
  const result = await xlsxBuffer(source);
  if (!result.ok) {
    return new Response(xlsxTooManyRowsMessage(result.total), {
      status: 422,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return new Response(new Uint8Array(result.buffer), {
    headers: {
      ...headers,
      "Content-Type": XLSX_MIME,
      "Content-Disposition": attachmentDisposition(`${source.fileName}.xlsx`),
      "Content-Length": String(result.buffer.length),
    },
  });
}
