// CSV as French Excel opens it with a double-click: UTF-8 with a byte-order mark (without it
// Excel reads the file as Windows-1252 and mangles accents), `;` between fields (`,` is the
// decimal separator in a French locale), CRLF line ends and RFC 4180 quoting.
//
// Formula injection (OWASP « CSV injection »): a spreadsheet runs a cell starting with = + - @
// (and, in some versions, a tab or carriage return followed by one of them) as a formula, so a
// prospect named `=HYPERLINK(...)` could act when a manager opens the export. Every TEXT cell
// starting with one of those characters gets a leading apostrophe, which Excel shows as plain
// text. Numbers are written as numbers (a negative amount stays `-12,5` and sums in Excel);
// only text is neutralised. A phone number such as `+33612345678` is text, so it is exported
// as `'+33612345678`, which is the intended trade-off.
import { formatExportDateTime, formatExportDay, isCalendarDay, type ExportValue } from "@/lib/reports/export-values";

export const CSV_BOM = "\uFEFF";
export const CSV_SEPARATOR = ";";
export const CSV_LINE_END = "\r\n";

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

// The apostrophe prefix for text a spreadsheet would otherwise evaluate (shared with XLSX).
export function neutralizeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

const NEEDS_QUOTES = /[";\r\n]/;

// RFC 4180: a field holding the separator, a quote or a line break is quoted, quotes doubled.
export function quoteCsvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// French decimal comma, no thousands separator (Excel reads "1234,5" as a number in fr-FR).
function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  return String(value).replace(".", ",");
}

export function csvField(value: ExportValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return formatCsvNumber(value);
  if (typeof value === "boolean") return value ? "Oui" : "Non";
  if (value instanceof Date) return formatExportDateTime(value);
  if (isCalendarDay(value)) return formatExportDay(value.day);
  return quoteCsvField(neutralizeFormula(value));
}

export function csvRow(values: readonly ExportValue[]): string {
  return values.map(csvField).join(CSV_SEPARATOR) + CSV_LINE_END;
}

// `Content-Disposition` for a download: an ASCII fallback plus the UTF-8 name (RFC 6266).
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "-");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
