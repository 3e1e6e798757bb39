import { describe, expect, it } from "vitest";
import { bearerToken, generateApiKey, hashApiKey } from "@/lib/api-keys/keys";
import { InvoiceStatus } from "@/lib/generated/prisma/enums";
import { transitionRefusal } from "@/lib/invoices/change-status";
import { changeInvoiceStatusSchema, createInvoiceSchema } from "@/lib/invoices/schemas";

describe("API keys", () => {
  it("are random, tagged, and known by their SHA-256 only", () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.key).not.toBe(b.key);
    expect(a.key).toMatch(/^crm_[A-Za-z0-9_-]{43}$/);
    expect(a.prefix).toBe(a.key.slice(0, 12));
    expect(a.keyHash).toBe(hashApiKey(a.key));
    expect(a.keyHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("are read from a Bearer header only", () => {
    const { key } = generateApiKey();
    expect(bearerToken(`Bearer ${key}`)).toBe(key);
    expect(bearerToken(`bearer   ${key} `)).toBe(key);
    expect(bearerToken(key)).toBeNull();
    expect(bearerToken(`Basic ${key}`)).toBeNull();
    expect(bearerToken("Bearer ")).toBeNull();
    expect(bearerToken(`Bearer ${key} extra`)).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});

describe("invoice status transitions", () => {
  const allowed: [InvoiceStatus, InvoiceStatus][] = [
    ["SUBMITTED", "VALIDATED"],
    ["SUBMITTED", "FINANCED"],
    ["VALIDATED", "FINANCED"],
    ["FINANCED", "PAID"],
    ["SUBMITTED", "REJECTED"],
    ["VALIDATED", "REJECTED"],
    // The platform reversing a financing (issue 10): the commission is cancelled by a negative line.
    ["FINANCED", "REJECTED"],
  ];
  const refused: [InvoiceStatus, InvoiceStatus][] = [
    ["VALIDATED", "SUBMITTED"],
    ["PAID", "FINANCED"],
    ["FINANCED", "VALIDATED"],
    ["PAID", "REJECTED"],
    ["REJECTED", "VALIDATED"],
    ["REJECTED", "SUBMITTED"],
  ];
  it.each(allowed)("%s → %s is allowed", (from, to) => expect(transitionRefusal(from, to)).toBeNull());
  it.each(refused)("%s → %s is refused with a reason", (from, to) => expect(transitionRefusal(from, to)).toMatch(/\S/));
});

describe("invoice API bodies", () => {
  it("normalise SIRENs and dates", () => {
    const parsed = createInvoiceSchema.parse({
      clientSiren: "552 100 554",
      supplierSiren: "732829320",
      supplierName: " Transports Martin ",
      number: " F-1 ",
      amountCents: 100,
      dueDate: "2027-01-31",
      submittedAt: "2026-11-20T09:30:00+01:00",
    });
    expect(parsed).toMatchObject({ clientSiren: "552100554", supplierName: "Transports Martin", number: "F-1" });
    expect(parsed.dueDate.toISOString()).toBe("2027-01-31T00:00:00.000Z");
    expect(parsed.submittedAt?.toISOString()).toBe("2026-11-20T08:30:00.000Z");
  });

  it("word their errors in French", () => {
    const result = changeInvoiceStatusSchema.safeParse({ status: "X", at: "demain" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "clientSiren: Le SIREN du client est obligatoire.",
        "supplierSiren: Le SIREN du fournisseur est obligatoire.",
        "number: Le numéro de facture est obligatoire.",
        expect.stringMatching(/^status: Statut inconnu/),
        expect.stringMatching(/^at: La date du changement doit être une date et heure ISO 8601/),
      ]),
    );
  });
});
