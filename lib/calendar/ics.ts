// iCalendar (RFC 5545) text for the private feed: CRLF line ends, lines folded at 75 octets
// without splitting a UTF-8 character, TEXT values escaped, times in UTC ("Z"). Pure.

export type IcsStatus = "TENTATIVE" | "CONFIRMED" | "CANCELLED";

export type IcsEvent = {
  uid: string;
  start: Date;
  end: Date;
  // When the event last changed: DTSTAMP of an object without METHOD (RFC 5545 §3.8.7.2).
  stamp: Date;
  created?: Date;
  summary: string;
  description?: string;
  url?: string;
  categories?: string[];
  status: IcsStatus;
};

export type IcsCalendar = { prodId: string; name: string; events: IcsEvent[] };

const CRLF = "\r\n";
const MAX_OCTETS = 75;

// Backslash first, so the escapes added next are not doubled. Line breaks of any kind become
// "\n"; other control characters are not allowed in TEXT and are dropped.
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

// A property line of more than 75 octets continues on lines starting with one space (which
// counts in the 75); cuts fall between characters, never inside one.
export function foldIcsLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const pad = (n: number) => String(n).padStart(2, "0");

// 2026-11-23T09:00:00.000Z → 20261123T090000Z
export function formatIcsUtc(date: Date): string {
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

// URIs are not TEXT: no escaping, but a line break would end the property early.
function uriValue(value: string): string {
  return value.replace(/[\r\n]/g, "");
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${formatIcsUtc(event.stamp)}`,
    `DTSTART:${formatIcsUtc(event.start)}`,
    `DTEND:${formatIcsUtc(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeIcsText(event.description)}`);
  if (event.url) lines.push(`URL:${uriValue(event.url)}`);
  if (event.categories && event.categories.length > 0) {
    lines.push(`CATEGORIES:${event.categories.map(escapeIcsText).join(",")}`);
  }
  lines.push(`STATUS:${event.status}`);
  if (event.created) lines.push(`CREATED:${formatIcsUtc(event.created)}`);
  lines.push(`LAST-MODIFIED:${formatIcsUtc(event.stamp)}`, "END:VEVENT");
  return lines;
}

export function buildIcsCalendar(calendar: IcsCalendar): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.prodId}`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeIcsText(calendar.name)}`,
    "X-WR-TIMEZONE:Europe/Paris",
    // RFC 7986: how often subscribers should fetch it again.
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
