// Text that users typed ends up in e-mails: in HTML bodies it must not become markup, and in
// headers (subject, display names) it must not start a new header line.

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

// Longest header value we write; RFC 5322 lines stop at 998 characters and subjects this long
// are a mistake anyway.
export const MAX_HEADER_LENGTH = 250;

// CR, LF and every other control character (C0, DEL, C1 incl. NEL) plus the Unicode line and
// paragraph separators become one space: "Dupont\r\nBcc: x@y" can never add a header line.
const HEADER_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function sanitizeHeader(value: string, maxLength = MAX_HEADER_LENGTH): string {
  const clean = value.replace(HEADER_BREAKING, " ").replace(/\s+/g, " ").trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1).trimEnd()}…` : clean;
}

// A recipient as an RFC 5322 mailbox: the display name cleaned of control characters and
// quoted (quotes and backslashes escaped), so it can hold commas, "<" or "Bcc:" harmlessly.
export function formatMailbox(address: string, name?: string | null): string {
  const cleanAddress = sanitizeHeader(address, 320).replace(/\s+/g, "");
  const cleanName = name ? sanitizeHeader(name, 120) : "";
  if (!cleanName) return cleanAddress;
  return `"${cleanName.replace(/["\\]/g, (c) => `\\${c}`)}" <${cleanAddress}>`;
}
