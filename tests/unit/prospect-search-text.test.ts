import { describe, expect, it } from "vitest";
import { normaliseSearchText } from "@/lib/prospects/search-text";

describe("normaliseSearchText", () => {
  it("drops case and French accents like the database's crm_search_text()", () => {
    expect(normaliseSearchText("Lefèvre")).toBe("lefevre");
    expect(normaliseSearchText("  ÉCOLE  Française ")).toBe("ecole francaise");
    expect(normaliseSearchText("Cœur d'Œuvre")).toBe("coeur d'oeuvre");
  });

  it("leaves digits alone and gives nothing for blanks", () => {
    expect(normaliseSearchText("732 829")).toBe("732 829");
    expect(normaliseSearchText("   ")).toBe("");
  });
});
