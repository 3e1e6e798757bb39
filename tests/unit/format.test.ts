import { describe, expect, it } from "vitest";
import {
  formatCalendarDay,
  formatCountry,
  formatDate,
  formatDateTime,
  formatEuros,
  formatSiren,
  formatSiret,
} from "@/lib/format";

// Intl's fr-FR output uses a narrow no-break space between thousands and a no-break space before €.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("formatEuros", () => {
  it("formats cents as French euros", () => {
    expect(plain(formatEuros(123456789))).toBe("1 234 567,89 €");
    expect(plain(formatEuros(0))).toBe("0,00 €");
    expect(plain(formatEuros(-1050))).toBe("-10,50 €");
  });

  it("accepts bigint revenues", () => {
    expect(plain(formatEuros(2_500_000_000n))).toBe("25 000 000,00 €");
  });
});

describe("dates in Europe/Paris", () => {
  it("shows UTC instants in Paris time, winter and summer", () => {
    expect(formatDateTime(new Date("2026-01-15T23:30:00Z"))).toBe("16/01/2026 00:30");
    expect(formatDateTime(new Date("2026-07-01T22:15:00Z"))).toBe("02/07/2026 00:15");
    expect(formatDate(new Date("2026-07-01T22:15:00Z"))).toBe("02/07/2026");
  });

  it("reads calendar days without shifting them", () => {
    expect(formatCalendarDay(new Date("2026-03-31T00:00:00Z"))).toBe("31/03/2026");
  });
});

describe("identifiers", () => {
  it("spaces a SIREN and a SIRET", () => {
    expect(formatSiren("732829320")).toBe("732 829 320");
    expect(formatSiret("73282932000074")).toBe("732 829 320 00074");
  });

  it("leaves anything else as stored", () => {
    expect(formatSiren("12345")).toBe("12345");
    expect(formatSiren(null)).toBe("");
    expect(formatSiret(undefined)).toBe("");
  });

  it("names countries in French", () => {
    expect(formatCountry("FR")).toBe("France");
    expect(formatCountry("be")).toBe("Belgique");
  });
});
