import { describe, expect, it } from "vitest";
import {
  frenchVatFromSiren,
  frenchVatKey,
  isValidVat,
  normalizeVat,
  sirenOfFrenchVat,
  VAT_MESSAGES,
  vatError,
} from "@/lib/validation/vat";

describe("French VAT key", () => {
  it("is (12 + 3 × (SIREN mod 97)) mod 97 on two digits", () => {
    // 404833048 mod 97 = 56 → (12 + 168) mod 97 = 83.
    expect(frenchVatFromSiren("404833048")).toBe("FR83404833048");
    // 552100554 mod 97 = 28 → (12 + 84) mod 97 = 96.
    expect(frenchVatFromSiren("552100554")).toBe("FR96552100554");
    // 732829320 mod 97 = 43 → (12 + 129) mod 97 = 44.
    expect(frenchVatFromSiren("732829320")).toBe("FR44732829320");
  });

  it("pads single-digit keys", () => {
    // A SIREN whose key is below 10: 833456783 gives FR03.
    expect(frenchVatKey("833456783")).toBe("03");
    expect(frenchVatFromSiren("833456783")).toBe("FR03833456783");
  });
});

describe("VAT number validation", () => {
  it("accepts a French number with the right key, however it is typed", () => {
    expect(isValidVat("FR44732829320")).toBe(true);
    expect(isValidVat("fr 44 732 829 320")).toBe(true);
    expect(normalizeVat("fr 44 732.829.320")).toBe("FR44732829320");
  });

  it("refuses a French number with a wrong key", () => {
    expect(vatError("FR45732829320")).toBe(VAT_MESSAGES.key);
  });

  it("refuses a malformed French number", () => {
    expect(vatError("FR4473282932")).toBe(VAT_MESSAGES.format);
    expect(vatError("FRAB732829320")).toBe(VAT_MESSAGES.format);
  });

  it("accepts other EU numbers by pattern and refuses unknown prefixes", () => {
    expect(isValidVat("DE123456789")).toBe(true);
    expect(isValidVat("BE0123456789")).toBe(true);
    expect(isValidVat("NL123456789B01")).toBe(true);
    expect(isValidVat("ATU12345678")).toBe(true);
    expect(vatError("DE12345678")).toBe(VAT_MESSAGES.format);
    expect(vatError("US123456789")).toBe(VAT_MESSAGES.format);
    expect(vatError("123456789")).toBe(VAT_MESSAGES.format);
  });

  it("extracts the SIREN of a French number only", () => {
    expect(sirenOfFrenchVat("FR44 732829320")).toBe("732829320");
    expect(sirenOfFrenchVat("DE123456789")).toBeNull();
  });
});
