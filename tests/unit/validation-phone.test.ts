import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, normalizePhone, normalizePhoneInput } from "@/lib/validation/phone";

describe("normalizePhone", () => {
  it.each([
    ["01 23 45 67 89", "+33123456789"],
    ["0123456789", "+33123456789"],
    ["01.23.45.67.89", "+33123456789"],
    ["01-23-45-67-89", "+33123456789"],
    ["+33 1 23 45 67 89", "+33123456789"],
    ["+33 (0)1 23 45 67 89", "+33123456789"],
    ["0033 1 23 45 67 89", "+33123456789"],
    ["0033123456789", "+33123456789"],
    ["06 12 34 56 78", "+33612345678"],
    ["  07 81 23 45 67  ", "+33781234567"],
    ["+44 20 7946 0958", "+442079460958"],
  ])("stores %j as %s", (typed, e164) => {
    expect(normalizePhone(typed)).toBe(e164);
  });

  it.each(["", "   ", "12345", "01 23 45 67 8", "01 23 45 67 89 0", "0612345678901", "01 23 45 67 89 abc", "tel: 0123456789", "+"])(
    "refuses %j",
    (typed) => {
      expect(normalizePhone(typed)).toBeNull();
    },
  );
});

describe("formatPhoneForDisplay", () => {
  it("shows French numbers the French way and others internationally", () => {
    expect(formatPhoneForDisplay("+33123456789")).toBe("01 23 45 67 89");
    expect(formatPhoneForDisplay("+442079460958")).toBe("+44 20 7946 0958");
    expect(formatPhoneForDisplay("pas un numéro")).toBe("pas un numéro");
  });
});

describe("normalizePhoneInput", () => {
  it("shows a valid French number in national format and leaves anything else as typed", () => {
    expect(normalizePhoneInput("+33142000000")).toBe("01 42 00 00 00");
    expect(normalizePhoneInput("0142000000")).toBe("01 42 00 00 00");
    expect(normalizePhoneInput("+44 20 7946 0958")).toBe("+44 20 7946 0958");
    expect(normalizePhoneInput("01 42")).toBe("01 42");
  });
});
