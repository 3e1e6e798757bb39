import { describe, expect, it } from "vitest";
import {
  computeQuoteTotals,
  formatQuantity,
  formatQuantityInput,
  formatUnitPriceInput,
  formatVatRate,
  lineTotalHtCents,
  parseQuantityMilli,
  parseUnitPriceCents,
  totalsFitStorage,
} from "@/lib/quotes/totals";

describe("parsing French amounts", () => {
  it("reads grouped thousands and a decimal comma or point", () => {
    expect(parseUnitPriceCents("1 234,56")).toEqual({ ok: true, value: 123456 });
    expect(parseUnitPriceCents("1\u202f234,5")).toEqual({ ok: true, value: 123450 });
    expect(parseUnitPriceCents("1\u00a0000")).toEqual({ ok: true, value: 100000 });
    expect(parseUnitPriceCents("0.99")).toEqual({ ok: true, value: 99 });
    expect(parseUnitPriceCents(",5")).toEqual({ ok: true, value: 50 });
    expect(parseUnitPriceCents("12,")).toEqual({ ok: true, value: 1200 });
    expect(parseQuantityMilli("1,5")).toEqual({ ok: true, value: 1500 });
    expect(parseQuantityMilli("0,125")).toEqual({ ok: true, value: 125 });
    expect(parseQuantityMilli("2,500")).toEqual({ ok: true, value: 2500 });
    expect(parseQuantityMilli("007")).toEqual({ ok: true, value: 7000 });
  });

  it("refuses what is not an amount, negative values and extra decimals", () => {
    expect(parseUnitPriceCents("")).toEqual({ ok: false, reason: "empty" });
    expect(parseUnitPriceCents("  ")).toEqual({ ok: false, reason: "empty" });
    expect(parseUnitPriceCents("abc")).toEqual({ ok: false, reason: "format" });
    expect(parseUnitPriceCents("1.234,56")).toEqual({ ok: false, reason: "format" });
    expect(parseUnitPriceCents("1e3")).toEqual({ ok: false, reason: "format" });
    expect(parseUnitPriceCents(",")).toEqual({ ok: false, reason: "format" });
    expect(parseUnitPriceCents("-5")).toEqual({ ok: false, reason: "negative" });
    expect(parseQuantityMilli("-0,5")).toEqual({ ok: false, reason: "negative" });
    expect(parseUnitPriceCents("1,234")).toEqual({ ok: false, reason: "decimals" });
    expect(parseQuantityMilli("1,2345")).toEqual({ ok: false, reason: "decimals" });
    expect(parseUnitPriceCents("10000000,01")).toEqual({ ok: false, reason: "too-large" });
    expect(parseUnitPriceCents("10000000")).toEqual({ ok: true, value: 1_000_000_000 });
    expect(parseQuantityMilli("999999999999999999999")).toEqual({ ok: false, reason: "too-large" });
  });

  it("formats integers back to what a user types", () => {
    expect(formatQuantityInput(1500)).toBe("1,5");
    expect(formatQuantityInput(2000)).toBe("2");
    expect(formatQuantityInput(125)).toBe("0,125");
    expect(formatUnitPriceInput(123456)).toBe("1234,56");
    expect(formatUnitPriceInput(1200)).toBe("12,00");
    expect(formatUnitPriceInput(5)).toBe("0,05");
    expect(formatQuantity(1_234_500)).toBe("1 234,5");
    expect(formatVatRate(550)).toBe("5,5 %");
    expect(formatVatRate(2000)).toBe("20 %");
    expect(formatVatRate(0)).toBe("0 %");
  });
});

describe("line totals", () => {
  it("multiplies exactly and rounds half up to the cent", () => {
    expect(lineTotalHtCents(1000, 1999)).toBe(1999);
    // 1,5 × 0,01 € = 0,015 € → 0,02 €
    expect(lineTotalHtCents(1500, 1)).toBe(2);
    // 0,333 × 0,01 € = 0,00333 € → 0
    expect(lineTotalHtCents(333, 1)).toBe(0);
    // 0,5 × 0,01 € = 0,005 € → 0,01 € (half up)
    expect(lineTotalHtCents(500, 1)).toBe(1);
    // 0,499 × 0,01 € → 0
    expect(lineTotalHtCents(499, 1)).toBe(0);
    // 2,345 × 10,01 € = 23,47345 € → 23,47 €
    expect(lineTotalHtCents(2345, 1001)).toBe(2347);
    // Beyond 2^53 in the intermediate product, still exact.
    expect(lineTotalHtCents(1_000_000_000, 1_000_000_000)).toBe(1_000_000_000_000_000);
  });
});

describe("quote totals", () => {
  it("computes VAT per rate on the sum of that rate's lines (not line by line)", () => {
    // Three lines of 0,05 € at 5,5 %: per line 0,00275 → 0 each, but on the sum 0,15 € × 5,5 % =
    // 0,00825 → 0,01 €.
    const totals = computeQuoteTotals([
      { quantityMilli: 1000, unitPriceCents: 5, vatRateBps: 550 },
      { quantityMilli: 1000, unitPriceCents: 5, vatRateBps: 550 },
      { quantityMilli: 1000, unitPriceCents: 5, vatRateBps: 550 },
    ]);
    expect(totals).toEqual({
      lineTotalsHtCents: [5, 5, 5],
      totalHtCents: 15,
      vat: [{ rateBps: 550, baseHtCents: 15, vatCents: 1 }],
      totalVatCents: 1,
      totalTtcCents: 16,
    });
  });

  it("breaks VAT down by rate, highest first, and adds HT and VAT into TTC", () => {
    const totals = computeQuoteTotals([
      { quantityMilli: 1500, unitPriceCents: 45000, vatRateBps: 2000 }, // 675,00
      { quantityMilli: 3000, unitPriceCents: 1999, vatRateBps: 550 }, // 59,97
      { quantityMilli: 1000, unitPriceCents: 12345, vatRateBps: 2000 }, // 123,45
      { quantityMilli: 2000, unitPriceCents: 1000, vatRateBps: 0 }, // 20,00
      { quantityMilli: 1000, unitPriceCents: 333, vatRateBps: 1000 }, // 3,33
    ]);
    expect(totals.lineTotalsHtCents).toEqual([67500, 5997, 12345, 2000, 333]);
    expect(totals.totalHtCents).toBe(88175);
    expect(totals.vat).toEqual([
      // 798,45 × 20 % = 159,69
      { rateBps: 2000, baseHtCents: 79845, vatCents: 15969 },
      // 3,33 × 10 % = 0,333 → 0,33
      { rateBps: 1000, baseHtCents: 333, vatCents: 33 },
      // 59,97 × 5,5 % = 3,29835 → 3,30
      { rateBps: 550, baseHtCents: 5997, vatCents: 330 },
      { rateBps: 0, baseHtCents: 2000, vatCents: 0 },
    ]);
    expect(totals.totalVatCents).toBe(16332);
    expect(totals.totalTtcCents).toBe(88175 + 16332);
  });

  it("rounds an exact half cent of VAT up", () => {
    // 0,25 € × 2,1 % = 0,00525 € → 0,01 €.
    expect(computeQuoteTotals([{ quantityMilli: 1000, unitPriceCents: 25, vatRateBps: 210 }]).totalVatCents).toBe(1);
    // 0,24 € × 2,1 % = 0,00504 € → 0,01 €; 0,23 € × 2,1 % = 0,00483 € → 0.
    expect(computeQuoteTotals([{ quantityMilli: 1000, unitPriceCents: 24, vatRateBps: 210 }]).totalVatCents).toBe(1);
    expect(computeQuoteTotals([{ quantityMilli: 1000, unitPriceCents: 23, vatRateBps: 210 }]).totalVatCents).toBe(0);
    // 0,25 € × 20 % = 0,05 € exactly.
    expect(computeQuoteTotals([{ quantityMilli: 1000, unitPriceCents: 25, vatRateBps: 2000 }]).totalVatCents).toBe(5);
    // 2,5 × 0,01 € = 0,025 € → 0,03 € HT; 20 % of 0,03 € = 0,006 € → 0,01 €.
    expect(computeQuoteTotals([{ quantityMilli: 2500, unitPriceCents: 1, vatRateBps: 2000 }])).toMatchObject({
      totalHtCents: 3,
      totalVatCents: 1,
      totalTtcCents: 4,
    });
  });

  it("an empty quote totals zero, and oversize totals are flagged", () => {
    expect(computeQuoteTotals([])).toEqual({ lineTotalsHtCents: [], totalHtCents: 0, vat: [], totalVatCents: 0, totalTtcCents: 0 });
    const huge = computeQuoteTotals([{ quantityMilli: 1_000_000_000, unitPriceCents: 1_000_000_000, vatRateBps: 2000 }]);
    expect(totalsFitStorage(huge)).toBe(false);
    const fine = computeQuoteTotals([{ quantityMilli: 1000, unitPriceCents: 1_000_000_000, vatRateBps: 2000 }]);
    expect(fine.totalTtcCents).toBe(1_200_000_000);
    expect(totalsFitStorage(fine)).toBe(true);
  });
});
