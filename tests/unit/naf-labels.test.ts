import { describe, expect, it } from "vitest";
import { formatHistoryValue } from "@/lib/history/labels";
import { formatNaf, nafLabel, normalizeNafCode } from "@/lib/naf/labels";
import naf from "@/lib/naf/naf-rev2.json";

describe("NAF rév. 2 labels", () => {
  it("bundles the 732 sub-classes with their source", () => {
    expect(Object.keys(naf.codes)).toHaveLength(732);
    expect(naf.source).toContain("INSEE");
  });

  it("finds a label whatever the code's spelling, and leaves unknown codes alone", () => {
    expect(nafLabel("62.01Z")).toBe("Programmation informatique");
    expect(nafLabel("6201z")).toBe("Programmation informatique");
    expect(normalizeNafCode(" 1071c ")).toBe("10.71C");
    expect(nafLabel("99.99Q")).toBeNull();
    expect(nafLabel(null)).toBeNull();
    expect(formatNaf("62.01Z")).toBe("62.01Z — Programmation informatique");
    expect(formatNaf("99.99Q")).toBe("99.99Q");
  });

  it("shows the label in the history", () => {
    expect(formatHistoryValue("Prospect", "nafCode", "56.10A")).toBe("56.10A — Restauration traditionnelle");
  });
});
