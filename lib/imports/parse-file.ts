import "server-only";
import { parse } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/imports/fields";

export type ParsedSheet = { headers: string[]; rows: string[][] };

export const UNREADABLE_FILE_MESSAGE =
  "Fichier illisible : importez un fichier CSV (séparateur « ; » ou « , ») ou Excel (.xlsx) dont la première ligne contient les en-têtes.";
export const EMPTY_IMPORT_MESSAGE = "Le fichier ne contient aucune ligne de données sous les en-têtes.";
export const TOO_MANY_ROWS_MESSAGE = `Le fichier dépasse ${MAX_IMPORT_ROWS.toLocaleString("fr-FR")} lignes : découpez-le en plusieurs imports.`;
export const IMPORT_TOO_LARGE_MESSAGE = `Le fichier dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

// UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252, which is what
// Excel writes when it saves « CSV (séparateur : point-virgule) » on a French Windows.
export function decodeText(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder("utf-8").decode(data.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    return new TextDecoder("windows-1252").decode(data);
  }
}

// The header line's most frequent separator outside quotes: « ; » (French Excel), « , » or tab.
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [";", ",", "\t"].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ";";
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
  return String(value).trim();
}

function finish(all: string[][]): ParsedSheet {
  const [headerRow, ...rest] = all;
  if (!headerRow || headerRow.every((h) => h === "")) throw new AppError("VALIDATION", UNREADABLE_FILE_MESSAGE);
  const rows = rest.filter((r) => r.some((c) => c !== ""));
  if (rows.length === 0) throw new AppError("VALIDATION", EMPTY_IMPORT_MESSAGE);
  if (rows.length > MAX_IMPORT_ROWS) throw new AppError("VALIDATION", TOO_MANY_ROWS_MESSAGE);
  return { headers: headerRow.map((h) => h.trim()), rows };
}

// The spreadsheet's header and data rows as text, from a CSV or an XLSX (first sheet).
export async function parseSpreadsheet(data: Buffer): Promise<ParsedSheet> {
  if (data.length === 0) throw new AppError("VALIDATION", EMPTY_IMPORT_MESSAGE);
  if (data.length > MAX_IMPORT_BYTES) throw new AppError("VALIDATION", IMPORT_TOO_LARGE_MESSAGE);
  if (data.subarray(0, 4).equals(XLSX_MAGIC)) {
    let sheet: unknown[][];
    try {
      sheet = (await readXlsxFile(data))[0]?.data ?? [];
    } catch {
      throw new AppError("VALIDATION", UNREADABLE_FILE_MESSAGE);
    }
    return finish(sheet.map((row) => row.map(cellText)));
  }
  const text = decodeText(data);
  if (text.includes("\u0000")) throw new AppError("VALIDATION", UNREADABLE_FILE_MESSAGE);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch {
    throw new AppError("VALIDATION", UNREADABLE_FILE_MESSAGE);
  }
  return finish(records);
}
