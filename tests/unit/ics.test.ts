import { describe, expect, it } from "vitest";
import { buildIcsCalendar, escapeIcsText, foldIcsLine, formatIcsUtc } from "@/lib/calendar/ics";
import { generateFeedToken, hashFeedToken, isWellFormedFeedToken } from "@/lib/calendar/feed-token";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("escapeIcsText", () => {
  it("escapes backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11)", () => {
    expect(escapeIcsText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeIcsText("ligne 1\r\nligne 2\nligne 3\rfin")).toBe("ligne 1\\nligne 2\\nligne 3\\nfin");
    // A literal "\n" typed by a user stays two characters, not a line break.
    expect(escapeIcsText("C:\\new")).toBe("C:\\\\new");
    expect(escapeIcsText("bip\u0007 tab\tok")).toBe("bip tab\tok");
  });
});

describe("foldIcsLine", () => {
  it("leaves lines of 75 octets alone and folds longer ones", () => {
    const exact = `SUMMARY:${"a".repeat(67)}`;
    expect(octets(exact)).toBe(75);
    expect(foldIcsLine(exact)).toBe(exact);
    const long = `SUMMARY:${"a".repeat(200)}`;
    const folded = foldIcsLine(long);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(3);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(octets(lines[0]!)).toBe(75);
    // Unfolding (remove CRLF + one space) gives the line back.
    expect(folded.replace(/\r\n /g, "")).toBe(long);
  });

  it("never cuts a multi-byte character", () => {
    const long = `DESCRIPTION:${"é".repeat(60)}${"😀".repeat(20)}`;
    const folded = foldIcsLine(long);
    const lines = folded.split("\r\n");
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    // Each piece is valid UTF-8 on its own: decoding and re-encoding keeps its length.
    for (const line of lines) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    expect(lines.length).toBeGreaterThan(2);
  });
});

describe("buildIcsCalendar", () => {
  it("writes a CRLF calendar with UTC times and escaped, folded text", () => {
    const text = buildIcsCalendar({
      prodId: "-//Test//FR",
      name: "Agenda, test",
      events: [
        {
          uid: "abc@crm.example",
          start: new Date("2026-03-29T01:30:00Z"),
          end: new Date("2026-03-29T02:30:00Z"),
          stamp: new Date("2026-03-01T08:00:05Z"),
          summary: "Point; budget, 2027",
          description: `Notes\nsur deux lignes ${"x".repeat(80)}`,
          url: "https://crm.example/actions/abc",
          categories: ["Rendez-vous"],
          status: "CONFIRMED",
        },
      ],
    });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    const unfolded = text.replace(/\r\n /g, "").split("\r\n");
    expect(unfolded[0]).toBe("BEGIN:VCALENDAR");
    expect(unfolded).toContain("VERSION:2.0");
    expect(unfolded).toContain("PRODID:-//Test//FR");
    expect(unfolded).toContain("X-WR-CALNAME:Agenda\\, test");
    expect(unfolded).toContain("UID:abc@crm.example");
    expect(unfolded).toContain("DTSTART:20260329T013000Z");
    expect(unfolded).toContain("DTEND:20260329T023000Z");
    expect(unfolded).toContain("DTSTAMP:20260301T080005Z");
    expect(unfolded).toContain("SUMMARY:Point\\; budget\\, 2027");
    expect(unfolded).toContain(`DESCRIPTION:Notes\\nsur deux lignes ${"x".repeat(80)}`);
    expect(unfolded).toContain("URL:https://crm.example/actions/abc");
    expect(unfolded).toContain("STATUS:CONFIRMED");
    expect(unfolded.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
    expect(unfolded.at(-2)).toBe("END:VCALENDAR");
  });

  it("formats UTC times", () => {
    expect(formatIcsUtc(new Date("2026-12-31T23:05:09.999Z"))).toBe("20261231T230509Z");
  });
});

describe("feed tokens", () => {
  it("are 43 base64url characters, stored only as their SHA-256", () => {
    const a = generateFeedToken();
    const b = generateFeedToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.tokenHash).toBe(hashFeedToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
    expect(isWellFormedFeedToken(a.token)).toBe(true);
    expect(isWellFormedFeedToken(`${a.token}x`)).toBe(false);
    expect(isWellFormedFeedToken("../../etc/passwd")).toBe(false);
  });
});
