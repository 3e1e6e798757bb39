import { describe, expect, it } from "vitest";
import { parisLocalToUtc, parseLocalDateTime, utcToParisLocalInput } from "@/lib/dates";

const iso = (value: string) => parisLocalToUtc(value)?.toISOString() ?? null;

describe("parisLocalToUtc", () => {
  it("reads winter times as UTC+1 and summer times as UTC+2", () => {
    expect(iso("2026-01-15T09:30")).toBe("2026-01-15T08:30:00.000Z");
    expect(iso("2026-07-01T14:30")).toBe("2026-07-01T12:30:00.000Z");
    expect(iso("2026-12-31T23:59")).toBe("2026-12-31T22:59:00.000Z");
  });

  it("switches offset on the March clock change (last Sunday, 02:00 → 03:00)", () => {
    expect(iso("2026-03-29T01:59")).toBe("2026-03-29T00:59:00.000Z");
    expect(iso("2026-03-29T03:00")).toBe("2026-03-29T01:00:00.000Z");
    expect(iso("2026-03-28T10:00")).toBe("2026-03-28T09:00:00.000Z");
    expect(iso("2026-03-30T10:00")).toBe("2026-03-30T08:00:00.000Z");
  });

  it("moves a time skipped in March forward by the gap, like calendars do", () => {
    // 02:30 does not exist on 29 March 2026 in Paris: it becomes 03:30 summer time.
    expect(iso("2026-03-29T02:30")).toBe("2026-03-29T01:30:00.000Z");
    expect(utcToParisLocalInput(parisLocalToUtc("2026-03-29T02:30")!)).toBe("2026-03-29T03:30");
  });

  it("takes the first of the two 02:30 that October has (summer time)", () => {
    expect(iso("2026-10-25T02:30")).toBe("2026-10-25T00:30:00.000Z");
    expect(iso("2026-10-25T01:59")).toBe("2026-10-24T23:59:00.000Z");
    expect(iso("2026-10-25T03:00")).toBe("2026-10-25T02:00:00.000Z");
  });

  it("accepts seconds and surrounding spaces", () => {
    expect(iso(" 2026-07-01T14:30:15 ")).toBe("2026-07-01T12:30:15.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const bad of ["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01T24:00", "2026-01-01 10:00", "demain", "2026-01-01T10:60"]) {
      expect(parisLocalToUtc(bad), bad).toBeNull();
    }
    expect(parseLocalDateTime("2024-02-29T08:00")).not.toBeNull();
    expect(parseLocalDateTime("2026-02-29T08:00")).toBeNull();
  });
});

describe("utcToParisLocalInput", () => {
  it("gives the Paris wall-clock time an input shows, and round-trips", () => {
    expect(utcToParisLocalInput(new Date("2026-01-15T08:30:00Z"))).toBe("2026-01-15T09:30");
    expect(utcToParisLocalInput(new Date("2026-07-01T22:15:00Z"))).toBe("2026-07-02T00:15");
    for (const value of ["2026-03-29T03:00", "2026-10-25T01:00", "2026-10-25T04:00", "2027-06-15T18:45"]) {
      expect(utcToParisLocalInput(parisLocalToUtc(value)!)).toBe(value);
    }
  });
});
