import { describe, expect, it } from "vitest";
import {
  compactDigits,
  isValidSiren,
  isValidSiret,
  luhnValid,
  SIREN_MESSAGES,
  SIRET_MESSAGES,
  sirenError,
  siretError,
  siretFromSiren,
} from "@/lib/validation/siren";

describe("SIREN", () => {
  it("accepts nine digits with a valid Luhn key, typed with spaces or dots", () => {
    expect(isValidSiren("732829320")).toBe(true);
    expect(isValidSiren("732 829 320")).toBe(true);
    expect(isValidSiren("732.829.320")).toBe(true);
    expect(isValidSiren("552\u00a0100\u00a0554")).toBe(true);
  });

  it("refuses a wrong key, a wrong length or letters, with the matching message", () => {
    expect(sirenError("732829321")).toBe(SIREN_MESSAGES.key);
    expect(sirenError("73282932")).toBe(SIREN_MESSAGES.format);
    expect(sirenError("7328293200")).toBe(SIREN_MESSAGES.format);
    expect(sirenError("73282932A")).toBe(SIREN_MESSAGES.format);
    expect(sirenError("732829320")).toBeNull();
  });

  it("compacts printed numbers", () => {
    expect(compactDigits(" 732 829-320 ")).toBe("732829320");
    expect(luhnValid("")).toBe(false);
  });
});

describe("SIRET", () => {
  it("accepts fourteen digits with a valid Luhn key", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("732 829 320 00074")).toBe(true);
    expect(siretError("73282932000074")).toBeNull();
  });

  it("refuses a wrong key or length", () => {
    expect(siretError("73282932000075")).toBe(SIRET_MESSAGES.key);
    expect(siretError("7328293200007")).toBe(SIRET_MESSAGES.format);
  });

  it("accepts La Poste establishments, whose digits add up to a multiple of 5 instead", () => {
    // 3+5+6+5+1 = 20: not a Luhn number, but a valid La Poste SIRET.
    expect(luhnValid("35600000000051")).toBe(false);
    expect(isValidSiret("35600000000051")).toBe(true);
    expect(isValidSiret("35600000000052")).toBe(false);
  });

  it("builds a valid SIRET from a SIREN for fixtures and demo data", () => {
    const siret = siretFromSiren("732829320", "7");
    expect(siret).toMatch(/^7328293200007\d$/);
    expect(isValidSiret(siret)).toBe(true);
  });
});
