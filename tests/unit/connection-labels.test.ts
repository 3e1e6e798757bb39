import { describe, expect, it } from "vitest";
import { commissionLabel, commissionSummary, formatCommissionRate } from "@/lib/connections/labels";
import { addConnectionSchema } from "@/lib/connections/schemas";

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("commission wording", () => {
  it("formats basis points as a French percentage with two decimals", () => {
    expect(plain(formatCommissionRate(150))).toBe("1,50 %");
    expect(plain(formatCommissionRate(25))).toBe("0,25 %");
    expect(plain(formatCommissionRate(1000))).toBe("10,00 %");
  });

  it("says whether the partner earns, under its own agreement for a partner", () => {
    const partner = { name: "Cabinet Alpha", networkRateBps: 150 };
    expect(commissionLabel(partner, "partner")).toEqual({ earns: true, text: "Oui — 1,50\u00a0% selon votre convention" });
    expect(commissionLabel({ ...partner, networkRateBps: 0 }, "partner")).toEqual({
      earns: false,
      text: "Non prévu par votre convention",
    });
    expect(commissionLabel(partner, "internal")).toEqual({ earns: true, text: "Oui — 1,50\u00a0%" });
    expect(commissionLabel({ ...partner, networkRateBps: 0 }, "internal").text).toBe("Non prévu par la convention");
    expect(commissionLabel(null, "internal")).toEqual({ earns: false, text: "Sans partenaire apporteur" });
    expect(plain(commissionSummary(partner))).toBe("Partenaire apporteur : Cabinet Alpha, rémunéré à 1,50 % selon sa convention.");
    expect(commissionSummary({ ...partner, networkRateBps: 0 })).toMatch(/ne prévoit pas de rémunération/);
  });
});

describe("addConnectionSchema", () => {
  const base = { prospectId: "p1", name: "Transports Martin", relation: "SUPPLIER" as const };

  it("accepts no SIREN, or a valid one typed with spaces", () => {
    expect(addConnectionSchema.parse({ ...base }).siren).toBe("");
    expect(addConnectionSchema.parse({ ...base, siren: "732 829 320" }).siren).toBe("732829320");
  });

  it("refuses a SIREN with a wrong key or length, in French", () => {
    const wrongKey = addConnectionSchema.safeParse({ ...base, siren: "732829321" });
    expect(wrongKey.success).toBe(false);
    expect(wrongKey.error?.issues[0]?.message).toMatch(/clé de contrôle/);
    const short = addConnectionSchema.safeParse({ ...base, siren: "12345" });
    expect(short.error?.issues[0]?.message).toBe("Le SIREN compte 9 chiffres.");
  });

  it("requires a name and a known relation", () => {
    const result = addConnectionSchema.safeParse({ prospectId: "p1", name: "  ", relation: "PARTNER" });
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["name", "relation"]);
  });
});
