import { describe, expect, it } from "vitest";
import { formatQuoteNumber, parisYear, parseQuoteNumber } from "@/lib/quotes/numbering";

describe("quote numbers", () => {
  it("formats DEV-YYYY-NNNN with at least four digits", () => {
    expect(formatQuoteNumber(2026, 1)).toBe("DEV-2026-0001");
    expect(formatQuoteNumber(2026, 42)).toBe("DEV-2026-0042");
    expect(formatQuoteNumber(2026, 9999)).toBe("DEV-2026-9999");
    expect(formatQuoteNumber(2027, 12345)).toBe("DEV-2027-12345");
  });

  it("refuses what is not a sequence number", () => {
    expect(() => formatQuoteNumber(2026, 0)).toThrow();
    expect(() => formatQuoteNumber(2026, 1.5)).toThrow();
  });

  it("parses numbers back, and nothing else", () => {
    expect(parseQuoteNumber("DEV-2026-0042")).toEqual({ year: 2026, n: 42 });
    expect(parseQuoteNumber("DEV-2026-12345")).toEqual({ year: 2026, n: 12345 });
    expect(parseQuoteNumber("DEV-2026-42")).toBeNull();
    expect(parseQuoteNumber("FAC-2026-0042")).toBeNull();
  });

  it("takes the year in Paris time", () => {
    // 31 December 23:30 UTC is already 1 January in Paris.
    expect(parisYear(new Date("2026-12-31T23:30:00Z"))).toBe(2027);
    expect(parisYear(new Date("2026-12-31T22:30:00Z"))).toBe(2026);
    expect(parisYear(new Date("2026-06-30T23:30:00Z"))).toBe(2026);
  });
});
