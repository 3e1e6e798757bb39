import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { addDays, isCalendarDay, parisDayOf } from "@/lib/dates";
import { saveQuoteDraftSchema, toLineAmounts, VAT_RATE_OPTIONS } from "@/lib/quotes/schemas";

// Field errors keyed like react-hook-form names ("lines.0.quantity"), as the server action returns them.
function zodFieldErrorsOf(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}

const line = { description: "Audit", quantity: "1", unitPrice: "100", vatRate: "2000" };
const valid = () => ({ actionId: "a1", validUntil: addDays(parisDayOf(new Date()), 30), lines: [line] });

describe("saveQuoteDraftSchema", () => {
  it("accepts a well-formed draft as typed", () => {
    const parsed = saveQuoteDraftSchema.parse({ ...valid(), lines: [{ ...line, description: "  Audit  " }] });
    expect(parsed.lines[0]).toEqual(line);
    expect(saveQuoteDraftSchema.safeParse({ ...valid(), validUntil: parisDayOf(new Date()) }).success).toBe(true);
  });

  it("maps every problem to its field, in French", () => {
    const errors = zodFieldErrorsOf(
      saveQuoteDraftSchema.safeParse({
        actionId: "a1",
        validUntil: "2026-02-30",
        lines: [
          { description: "", quantity: "-1", unitPrice: "abc", vatRate: "1960" },
          { description: "x".repeat(501), quantity: "1,2345", unitPrice: "-0,5", vatRate: "" },
        ],
      }),
    );
    expect(errors).toEqual({
      validUntil: ["Date de validité invalide."],
      "lines.0.description": ["Indiquez la désignation."],
      "lines.0.quantity": ["La quantité doit être positive."],
      "lines.0.unitPrice": ["Prix invalide : saisissez un montant, par exemple 1 234,56."],
      "lines.0.vatRate": ["Taux de TVA inconnu : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %."],
      "lines.1.description": ["La désignation ne doit pas dépasser 500 caractères."],
      "lines.1.quantity": ["La quantité accepte au plus 3 décimales."],
      "lines.1.unitPrice": ["Le prix unitaire ne peut pas être négatif."],
      "lines.1.vatRate": ["Taux de TVA inconnu : choisissez 20 %, 10 %, 5,5 %, 2,1 % ou 0 %."],
    });
  });

  it("needs 1 to 50 lines and a validity that is not past", () => {
    expect(zodFieldErrorsOf(saveQuoteDraftSchema.safeParse({ ...valid(), lines: [] }))).toEqual({
      lines: ["Ajoutez au moins une ligne au devis."],
    });
    expect(zodFieldErrorsOf(saveQuoteDraftSchema.safeParse({ ...valid(), lines: Array(51).fill(line) }))).toEqual({
      lines: ["Un devis compte au plus 50 lignes."],
    });
    expect(zodFieldErrorsOf(saveQuoteDraftSchema.safeParse({ ...valid(), validUntil: addDays(parisDayOf(new Date()), -1) }))).toEqual({
      validUntil: ["La date de validité ne peut pas être dans le passé."],
    });
  });

  it("offers exactly the allowed VAT rates and converts lines to integers", () => {
    expect(VAT_RATE_OPTIONS.map((o) => o.label)).toEqual(["20 %", "10 %", "5,5 %", "2,1 %", "0 %"]);
    expect(toLineAmounts({ description: "x", quantity: "2,5", unitPrice: "1 234,56", vatRate: "550" })).toEqual({
      quantityMilli: 2500,
      unitPriceCents: 123456,
      vatRateBps: 550,
    });
  });

  it("checks calendar days and adds days across months", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("28/02/2026")).toBe(false);
    expect(addDays("2026-12-15", 30)).toBe("2027-01-14");
    expect(parisDayOf(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});
