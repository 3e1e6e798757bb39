import { describe, expect, it } from "vitest";
import { parseIsoDay, parseReportParams, periodRange, reportQuery } from "@/lib/reports/filters";
import { formatMonthKey, parisMonthKey, revenuePeriod } from "@/lib/reports/revenue-period";

const DEFAULTS = { from: "", to: "", owner: "", partner: "", origin: "", type: "", page: 1, perPage: 25 };

describe("parseReportParams", () => {
  it("reads valid filters", () => {
    expect(
      parseReportParams({ from: "2026-01-01", to: "2026-03-31", owner: "u1", partner: "p1", origin: "o1", type: "t1", page: "3", perPage: "50" }),
    ).toEqual({ from: "2026-01-01", to: "2026-03-31", owner: "u1", partner: "p1", origin: "o1", type: "t1", page: 3, perPage: 50 });
  });

  it("falls back to defaults on bad values instead of failing", () => {
    expect(parseReportParams(undefined)).toEqual(DEFAULTS);
    expect(
      parseReportParams({
        from: "2026-02-30",
        to: "hier",
        owner: "'; DROP TABLE \"User\";--",
        partner: "x".repeat(41),
        origin: 42,
        type: { nested: true },
        page: "-4",
        perPage: "1000",
      }),
    ).toEqual(DEFAULTS);
    expect(parseReportParams({ from: "1899-01-01", to: "2026-13-01" })).toEqual(DEFAULTS);
  });

  it("takes the first of repeated keys and swaps a backwards period", () => {
    expect(parseReportParams({ owner: ["a", "b"], from: "2026-05-31", to: "2026-05-01" })).toMatchObject({
      owner: "a",
      from: "2026-05-01",
      to: "2026-05-31",
    });
  });

  it("builds a short canonical query", () => {
    expect(reportQuery({ ...DEFAULTS, owner: "u1", page: 2 })).toEqual({ owner: "u1", page: "2" });
    expect(reportQuery(DEFAULTS)).toEqual({});
  });

  it("validates calendar days", () => {
    expect(parseIsoDay("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDay("2026-02-29")).toBeNull();
    expect(parseIsoDay(" 2026-01-05 ")).toBe("2026-01-05");
    expect(parseIsoDay("05/01/2026")).toBeNull();
  });
});

describe("periodRange (Paris days)", () => {
  it("runs from Paris midnight of « du » to Paris midnight after « au », in winter and summer", () => {
    expect(periodRange({ from: "2026-01-01", to: "2026-01-31" })).toEqual({
      gte: new Date("2025-12-31T23:00:00Z"),
      lt: new Date("2026-01-31T23:00:00Z"),
    });
    expect(periodRange({ from: "2026-07-01", to: "2026-07-31" })).toEqual({
      gte: new Date("2026-06-30T22:00:00Z"),
      lt: new Date("2026-07-31T22:00:00Z"),
    });
    // The night of the change to summer time: 29 March ends at 22:00 UTC.
    expect(periodRange({ from: "", to: "2026-03-29" })).toEqual({ lt: new Date("2026-03-29T22:00:00Z") });
    expect(periodRange({ from: "", to: "" })).toEqual({});
  });
});

describe("revenue months", () => {
  const now = new Date("2026-11-22T10:00:00Z");

  it("defaults to the last twelve Paris months, the current one included", () => {
    const period = revenuePeriod({ from: "", to: "" }, now);
    expect(period.months).toHaveLength(12);
    expect(period.months[0]).toBe("2025-12");
    expect(period.months.at(-1)).toBe("2026-11");
    expect(period).toMatchObject({ from: "2025-12-01", to: "2026-11-22", truncated: false });
  });

  it("spans the months of a given period and keeps the last 24 of a longer one", () => {
    expect(revenuePeriod({ from: "2026-01-15", to: "2026-03-10" }, now).months).toEqual(["2026-01", "2026-02", "2026-03"]);
    const long = revenuePeriod({ from: "2020-01-01", to: "2026-06-30" }, now);
    expect(long.months).toHaveLength(24);
    expect(long).toMatchObject({ from: "2024-07-01", to: "2026-06-30", truncated: true });
  });

  it("files an instant under its Paris month", () => {
    expect(parisMonthKey(new Date("2026-01-31T23:30:00Z"))).toBe("2026-02");
    expect(parisMonthKey(new Date("2026-06-30T21:59:00Z"))).toBe("2026-06");
    expect(parisMonthKey(new Date("2026-06-30T22:00:00Z"))).toBe("2026-07");
    expect(formatMonthKey("2026-07", "long")).toBe("juillet 2026");
  });
});
