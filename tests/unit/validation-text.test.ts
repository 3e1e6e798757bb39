import { describe, expect, it } from "vitest";
import { contactFormSchema } from "@/lib/prospects/prospect-form-schema";
import { multilineText, TEXT_MESSAGES, textLine } from "@/lib/validation/text";

describe("textLine / multilineText", () => {
  it("refuse NUL, other control characters and, on one line, line breaks, with a French message", () => {
    const line = textLine().trim();
    expect(line.safeParse("Société Générale").success).toBe(true);
    for (const bad of ["a\u0000b", "Dupont\r\nBcc: x@y.z", "a\nb", "tab\tbed", "a\u001bb", "a\u007fb", "a\u0085b"]) {
      const result = line.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe(TEXT_MESSAGES.singleLine);
    }
    const free = multilineText();
    expect(free.safeParse("Ligne 1\r\nLigne 2\n\tretrait").success).toBe(true);
    expect(free.safeParse("a\u0000b").error?.issues[0]?.message).toBe(TEXT_MESSAGES.multiLine);
    expect(free.safeParse("a\u000bb").success).toBe(false);
  });

  it("a contact name with CR LF is refused instead of stored raw", () => {
    const result = contactFormSchema.safeParse({
      civility: "",
      lastName: "Dupont\r\nX",
      firstName: "Jean",
      jobTitle: "",
      mobilePhone: "",
      landlinePhone: "01 23 45 67 89",
      email: "",
      isFavorite: true,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "lastName")?.message).toBe(TEXT_MESSAGES.singleLine);
  });
});
