import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  applicableRateBps,
  attributeInvoice,
  commissionAmountCents,
  isWithinEntitlement,
  parisMonthOf,
} from "@/lib/commissions/compute";
import { formatStatementNumber } from "@/lib/commissions/numbering";

describe("commission amount", () => {
  it("rounds half-up to the cent", () => {
    // 1 € at 1,50 % = 1,5 cent → 2 cents; 0,99 € at 1,50 % = 1,485 cent → 1 cent.
    expect(commissionAmountCents(100, 150)).toBe(2);
    expect(commissionAmountCents(99, 150)).toBe(1);
    expect(commissionAmountCents(1_250_000, 150)).toBe(18_750);
    expect(commissionAmountCents(333, 150)).toBe(5); // 4,995 → 5
    // Exactly half a cent goes up: 1 € at 0,50 % = 0,5 cent → 1 cent; 3 € at 0,50 % = 1,5 → 2.
    expect(commissionAmountCents(100, 50)).toBe(1);
    expect(commissionAmountCents(300, 50)).toBe(2);
  });

  it("cancels an earning exactly with a negative base", () => {
    for (const base of [100, 333, 1_250_099]) expect(commissionAmountCents(-base, 150)).toBe(-commissionAmountCents(base, 150));
  });

  it("refuses a fractional or negative rate", () => {
    expect(() => commissionAmountCents(100, -1)).toThrow(RangeError);
    expect(() => commissionAmountCents(100.5, 150)).toThrow(RangeError);
  });
});

describe("Paris months and entitlement", () => {
  it("puts 31 January 23:30 UTC in February", () => {
    expect(parisMonthOf(new Date("2026-01-31T23:30:00Z"))).toBe("2026-02");
    expect(parisMonthOf(new Date("2026-01-31T22:30:00Z"))).toBe("2026-01");
  });

  it("counts whole months, clamping to the last day", () => {
    expect(addMonthsToDay("2026-03-15", 12)).toBe("2027-03-15");
    expect(addMonthsToDay("2026-01-31", 1)).toBe("2026-02-28");
  });

  it("earns until the day before the window ends, and forever without a limit", () => {
    expect(isWithinEntitlement("2026-03-15", "2027-03-14", 12)).toBe(true);
    expect(isWithinEntitlement("2026-03-15", "2027-03-15", 12)).toBe(false);
    expect(isWithinEntitlement("2020-01-01", "2030-01-01", null)).toBe(true);
  });
});

describe("attribution", () => {
  it("gives the direct referral precedence over the network", () => {
    expect(
      attributeInvoice({ directPartnerId: "p1", introducers: [{ clientId: "c0", partnerId: "p2" }] }),
    ).toEqual({ partnerId: "p1", kind: "DIRECT", introducedById: null });
  });

  it("pays the network rate to the organisation of the oldest introducer with one", () => {
    expect(
      attributeInvoice({
        directPartnerId: null,
        introducers: [
          { clientId: "c0", partnerId: null },
          { clientId: "c1", partnerId: "p2" },
          { clientId: "c2", partnerId: "p3" },
        ],
      }),
    ).toEqual({ partnerId: "p2", kind: "NETWORK", introducedById: "c1" });
  });

  it("pays nobody for a client with no referral at all", () => {
    expect(attributeInvoice({ directPartnerId: null, introducers: [{ clientId: "c0", partnerId: null }] })).toBeNull();
  });

  it("applies the kind's rate, none at 0 % or past the window", () => {
    const terms = { directRateBps: 150, networkRateBps: 0, entitlementMonths: 6 };
    const window = { firstFinancedDay: "2026-01-10", financedDay: "2026-03-01" };
    expect(applicableRateBps("DIRECT", terms, window)).toBe(150);
    expect(applicableRateBps("NETWORK", terms, window)).toBeNull();
    expect(applicableRateBps("DIRECT", terms, { ...window, financedDay: "2026-07-10" })).toBeNull();
    expect(applicableRateBps("DIRECT", null, window)).toBeNull();
  });
});

describe("statement numbers", () => {
  it("are REL-YYYY-NNNN", () => {
    expect(formatStatementNumber(2026, 7)).toBe("REL-2026-0007");
    expect(() => formatStatementNumber(2026, 0)).toThrow();
  });
});

describe("monthly settlement", () => {
  it("settles the Paris month before the run", async () => {
    const { monthToSettle } = await import("@/lib/commissions/monthly-job");
    // 1 March 00:30 Paris is still 28 February in UTC: February is settled, not January.
    expect(monthToSettle(new Date("2026-02-28T23:30:00Z"))).toBe("2026-02");
    expect(monthToSettle(new Date("2026-01-01T02:15:00Z"))).toBe("2025-12");
  });
});
