// The objectives widget's pure rules: period and week bounds in Paris time (DST included),
// card colours, and how the share achieved is rounded.
import { describe, expect, it } from "vitest";
import { achievedShare, cardCategory, CLOSING_SOON_DAYS, formatShare, isLateOpportunity } from "@/lib/objectives/categories";
import { monthInputValue, parisToday, periodBounds, weekBounds } from "@/lib/objectives/period";
import { parseObjectivesParams, setSalesTargetSchema } from "@/lib/objectives/schemas";

const iso = (d: Date) => d.toISOString();
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

describe("periodBounds", () => {
  it("covers the Paris calendar month, from Paris midnight to Paris midnight", () => {
    const b = periodBounds("mois", new Date("2026-11-22T10:00:00Z"));
    expect(iso(b.start)).toBe("2026-10-31T23:00:00.000Z");
    expect(iso(b.end)).toBe("2026-11-30T23:00:00.000Z");
    expect(iso(b.startDay)).toBe("2026-11-01T00:00:00.000Z");
    expect(iso(b.endDay)).toBe("2026-12-01T00:00:00.000Z");
    expect(b.months.map(iso)).toEqual(["2026-11-01T00:00:00.000Z"]);
    expect(b.label).toBe("novembre 2026");
  });

  it("reads the month in Paris: 31 Oct 23:30 UTC is already November there", () => {
    const b = periodBounds("mois", new Date("2026-10-31T23:30:00Z"));
    expect(b.label).toBe("novembre 2026");
    // October's start is summer time (UTC+2), its end winter time (UTC+1).
    const october = periodBounds("mois", new Date("2026-10-31T22:30:00Z"));
    expect(iso(october.start)).toBe("2026-09-30T22:00:00.000Z");
    expect(iso(october.end)).toBe("2026-10-31T23:00:00.000Z");
  });

  it("covers the quarter's three months and the whole year, across the year end", () => {
    const q = periodBounds("trimestre", new Date("2026-11-22T10:00:00Z"));
    expect(q.months.map(iso)).toEqual(["2026-10-01T00:00:00.000Z", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"]);
    expect(iso(q.start)).toBe("2026-09-30T22:00:00.000Z");
    expect(iso(q.end)).toBe("2026-12-31T23:00:00.000Z");
    expect(iso(q.endDay)).toBe("2027-01-01T00:00:00.000Z");
    expect(q.label).toBe("T4 2026");

    const y = periodBounds("annee", new Date("2026-02-10T10:00:00Z"));
    expect(y.months).toHaveLength(12);
    expect(iso(y.start)).toBe("2025-12-31T23:00:00.000Z");
    expect(iso(y.end)).toBe("2026-12-31T23:00:00.000Z");
    expect(periodBounds("trimestre", new Date("2026-02-10T10:00:00Z")).label).toBe("T1 2026");
  });
});

describe("weekBounds", () => {
  it("runs from Monday 00:00 to the next Monday 00:00 in Paris", () => {
    const w = weekBounds(new Date("2026-11-22T20:00:00Z")); // Sunday evening
    expect(iso(w.start)).toBe("2026-11-15T23:00:00.000Z");
    expect(iso(w.end)).toBe("2026-11-22T23:00:00.000Z");
    expect(iso(w.firstDay)).toBe("2026-11-16T00:00:00.000Z");
    expect(iso(w.lastDay)).toBe("2026-11-22T00:00:00.000Z");
    // Sunday 23:30 UTC is Monday 00:30 in Paris: the next week.
    expect(iso(weekBounds(new Date("2026-11-22T23:30:00Z")).start)).toBe("2026-11-22T23:00:00.000Z");
  });

  it("lasts 169 hours on the October clock change and 167 on the March one", () => {
    const autumn = weekBounds(new Date("2026-10-21T12:00:00Z"));
    expect(iso(autumn.start)).toBe("2026-10-18T22:00:00.000Z");
    expect(iso(autumn.end)).toBe("2026-10-25T23:00:00.000Z");
    expect((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000).toBe(169);

    const spring = weekBounds(new Date("2026-03-29T12:00:00Z"));
    expect(iso(spring.start)).toBe("2026-03-22T23:00:00.000Z");
    expect(iso(spring.end)).toBe("2026-03-29T22:00:00.000Z");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
  });
});

describe("parisToday and monthInputValue", () => {
  it("give the Paris calendar day and month", () => {
    expect(iso(parisToday(new Date("2026-12-31T23:30:00Z")))).toBe("2027-01-01T00:00:00.000Z");
    expect(monthInputValue(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01");
    expect(monthInputValue(new Date("2026-06-15T10:00:00Z"))).toBe("2026-06");
  });
});

describe("cardCategory", () => {
  const today = day("2026-11-22");

  it("colours won cards and open cards expected within the next 30 days", () => {
    expect(cardCategory({ status: "WON", expectedCloseDate: null }, today)).toBe("won");
    expect(cardCategory({ status: "WON", expectedCloseDate: day("2027-06-01") }, today)).toBe("won");
    expect(cardCategory({ status: "OPEN", expectedCloseDate: today }, today)).toBe("closing-soon");
    expect(CLOSING_SOON_DAYS).toBe(30);
    expect(cardCategory({ status: "OPEN", expectedCloseDate: day("2026-12-22") }, today)).toBe("closing-soon");
  });

  it("leaves the rest neutral: later, overdue, undated; lost cards are tagged apart", () => {
    expect(cardCategory({ status: "OPEN", expectedCloseDate: day("2026-12-23") }, today)).toBe("neutral");
    expect(cardCategory({ status: "OPEN", expectedCloseDate: day("2026-11-21") }, today)).toBe("neutral");
    expect(cardCategory({ status: "OPEN", expectedCloseDate: null }, today)).toBe("neutral");
    expect(cardCategory({ status: "LOST", expectedCloseDate: day("2026-11-25") }, today)).toBe("lost");
  });
});

describe("achievedShare", () => {
  it("rounds to the nearest whole percent", () => {
    expect(achievedShare(1_000, 3_000)).toBe(33);
    expect(achievedShare(2_000, 3_000)).toBe(67);
    expect(achievedShare(125, 1_000)).toBe(13);
    expect(achievedShare(0, 5_000)).toBe(0);
  });

  it("never shows 100 % short of the target, and goes past 100 % when beaten", () => {
    expect(achievedShare(99_600, 100_000)).toBe(99);
    expect(achievedShare(100_000, 100_000)).toBe(100);
    expect(achievedShare(125_000, 100_000)).toBe(125);
  });

  it("has no share without a target", () => {
    expect(achievedShare(5_000, 0)).toBeNull();
    expect(formatShare(42)).toBe("42\u00a0%");
  });
});

describe("schemas", () => {
  it("falls back to this month and no rep on a bad query string", () => {
    expect(parseObjectivesParams({ periode: "decennie", representant: ["u1", "u2"] })).toEqual({ periode: "mois", representant: "u1", colonnes: [] });
    expect(parseObjectivesParams({ periode: "trimestre" })).toEqual({ periode: "trimestre", representant: undefined, colonnes: [] });
  });

  it("reads the opened columns as distinct stage ids, ignoring empty and oversized ones", () => {
    expect(parseObjectivesParams({ colonnes: "s1,,s2,s1, s3 " }).colonnes).toEqual(["s1", "s2", "s3"]);
    expect(parseObjectivesParams({ colonnes: `s1,${"x".repeat(41)}` }).colonnes).toEqual(["s1"]);
    expect(parseObjectivesParams({ colonnes: "x".repeat(2000) }).colonnes).toEqual([]);
  });

  it("reads a target in euros the French way, and refuses nonsense in French", () => {
    expect(setSalesTargetSchema.parse({ userId: "u", month: "2026-11", amount: "12 500,50" }).amount).toBe(1_250_050);
    const bad = setSalesTargetSchema.safeParse({ userId: "u", month: "2026-13", amount: "beaucoup" });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("month: Choisissez un mois.");
    expect(messages.some((m) => m.startsWith("amount: Saisissez un montant"))).toBe(true);
    expect(setSalesTargetSchema.safeParse({ userId: "u", month: "2026-11", amount: "30000000" }).success).toBe(false);
  });
});

describe("isLateOpportunity", () => {
  const today = day("2026-11-22");

  it("marks open opportunities whose expected close day is past, not today's nor closed ones", () => {
    expect(isLateOpportunity({ status: "OPEN", expectedCloseDate: day("2026-11-21") }, today)).toBe(true);
    expect(isLateOpportunity({ status: "OPEN", expectedCloseDate: today }, today)).toBe(false);
    expect(isLateOpportunity({ status: "OPEN", expectedCloseDate: null }, today)).toBe(false);
    expect(isLateOpportunity({ status: "WON", expectedCloseDate: day("2026-01-01") }, today)).toBe(false);
    expect(isLateOpportunity({ status: "LOST", expectedCloseDate: day("2026-01-01") }, today)).toBe(false);
  });
});
