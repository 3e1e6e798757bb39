import { describe, expect, it } from "vitest";
import { buildChains, chainPosition, formatChainPosition, type ChainLink } from "@/lib/actions/chain";
import { editableTypeOptions } from "@/lib/actions/edit-type-options";
import { addDaysToLocal, followUpLocalTime } from "@/lib/actions/follow-up";

const link = (id: string, previousActionId: string | null = null): ChainLink => ({ id, previousActionId });
const ids = (chains: ChainLink[][]) => chains.map((c) => c.map((a) => a.id));

describe("buildChains", () => {
  it("orders each chain from its first action to its last, whatever the input order", () => {
    const chains = buildChains([link("c", "b"), link("x"), link("a"), link("b", "a"), link("y", "x")]);
    // Chains come in the order their first action appears in the input.
    expect(ids(chains)).toEqual([
      ["x", "y"],
      ["a", "b", "c"],
    ]);
  });

  it("starts a chain at an action whose predecessor is not in the set (hidden or deleted)", () => {
    expect(ids(buildChains([link("b", "gone"), link("c", "b")]))).toEqual([["b", "c"]]);
  });

  it("keeps every action exactly once even if the data held a cycle", () => {
    const chains = buildChains([link("a", "b"), link("b", "a"), link("solo")]);
    expect(ids(chains)).toEqual([["solo"], ["a", "b"]]);
    expect(chains.flat()).toHaveLength(3);
  });

  it("returns no chain for no action", () => {
    expect(buildChains([])).toEqual([]);
  });
});

describe("chainPosition", () => {
  const chains = buildChains([link("a"), link("b", "a"), link("c", "b"), link("d", "c"), link("z")]);

  it("gives the neighbours in the middle of a chain", () => {
    expect(chainPosition(chains, "b")).toEqual({ index: 2, total: 4, previousId: "a", nextId: "c", firstId: "a", lastId: "d" });
    expect(formatChainPosition(chainPosition(chains, "b")!)).toBe("2 / 4");
  });

  it("has no previous at the start and no next at the end", () => {
    expect(chainPosition(chains, "a")).toMatchObject({ index: 1, previousId: null, nextId: "b" });
    expect(chainPosition(chains, "d")).toMatchObject({ index: 4, previousId: "c", nextId: null });
    expect(chainPosition(chains, "z")).toEqual({ index: 1, total: 1, previousId: null, nextId: null, firstId: "z", lastId: "z" });
  });

  it("is null for an action in no chain", () => {
    expect(chainPosition(chains, "nope")).toBeNull();
  });
});

describe("follow-up defaults", () => {
  it("puts the next action a week later at the same Paris time, across the clock change", () => {
    expect(addDaysToLocal("2026-12-28T10:00", 7)).toBe("2027-01-04T10:00");
    // 25 March 2027 10:00 is UTC+1; 1 April 10:00 is UTC+2: still 10:00 on the wall clock.
    expect(followUpLocalTime(new Date("2027-03-25T09:00:00Z"))).toBe("2027-04-01T10:00");
    expect(followUpLocalTime(null, new Date("2027-06-01T08:20:00Z"))).toBe("2027-06-08T11:00");
    expect(addDaysToLocal("nonsense", 7)).toBeNull();
  });
});

describe("types offered by « Modifier l'action »", () => {
  const call = { id: "call", name: "Appel", color: "#2563eb", category: "CALL" as const };
  const offer = { id: "offer", name: "Faire une offre", color: "#ea580c", category: "OFFER" as const };
  const retired = { id: "old", name: "Ancien type", color: "#000000", category: "OTHER" as const };

  it("keeps an action carrying a quote on its own type", () => {
    expect(editableTypeOptions(offer, [call, offer], { hasQuote: true, canOffer: true })).toEqual([offer]);
  });

  it("offers « Faire une offre » only where an offer is allowed, and always the current type", () => {
    expect(editableTypeOptions(call, [call, offer], { hasQuote: false, canOffer: false })).toEqual([call]);
    expect(editableTypeOptions(call, [call, offer], { hasQuote: false, canOffer: true })).toEqual([call, offer]);
    expect(editableTypeOptions(retired, [call], { hasQuote: false, canOffer: false })).toEqual([retired, call]);
  });
});
