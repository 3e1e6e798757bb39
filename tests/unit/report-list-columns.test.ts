import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_COLUMNS, isListColumn, LIST_COLUMNS, resolveListColumns } from "@/lib/reports/list-columns";
import { createSavedListSchema, EMPTY_SAVED_LIST_FILTERS, readSavedListFilters } from "@/lib/reports/saved-list-schemas";
import { mergeSelects } from "@/lib/reports/select-merge";

const valid = { name: "Mes clients lyonnais", entity: "PROSPECT" as const, columns: ["name", "city"], filters: EMPTY_SAVED_LIST_FILTERS };

describe("column whitelist", () => {
  it("has French labels and unique keys per object, and sensible defaults", () => {
    for (const [entity, columns] of Object.entries(LIST_COLUMNS)) {
      const keys = columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const key of DEFAULT_LIST_COLUMNS[entity as keyof typeof LIST_COLUMNS]) expect(keys).toContain(key);
    }
    expect(LIST_COLUMNS.PROSPECT.find((c) => c.key === "owner")?.label).toBe("Commercial");
  });

  it("knows only its own columns", () => {
    expect(isListColumn("PROSPECT", "city")).toBe(true);
    expect(isListColumn("ACTION", "city")).toBe(false);
    expect(isListColumn("PROSPECT", "passwordHash")).toBe(false);
    expect(isListColumn("PROSPECT", "internalNotes")).toBe(false);
    expect(isListColumn("PROSPECT", "__proto__")).toBe(false);
  });

  it("drops unknown stored keys and keeps the whitelist order", () => {
    expect(resolveListColumns("PROSPECT", ["city", "passwordHash", "name", "city"]).map((c) => c.key)).toEqual(["name", "city"]);
  });
});

describe("createSavedListSchema", () => {
  it("accepts a valid list and removes duplicate columns", () => {
    const parsed = createSavedListSchema.parse({ ...valid, name: "  Mes clients  ", columns: ["name", "city", "name"] });
    expect(parsed).toMatchObject({ name: "Mes clients", columns: ["name", "city"] });
  });

  it("refuses a column that is not in the object's whitelist", () => {
    const result = createSavedListSchema.safeParse({ ...valid, columns: ["name", "passwordHash"] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["columns"], message: "Une des colonnes choisies n'existe pas pour cet objet." });
    expect(createSavedListSchema.safeParse({ ...valid, entity: "ACTION", columns: ["city"] }).success).toBe(false);
  });

  it("requires a name and at least one column, with French messages", () => {
    const result = createSavedListSchema.safeParse({ ...valid, name: " ", columns: [] });
    const messages = result.error?.issues.map((i) => i.message);
    expect(messages).toContain("Le nom de la liste est obligatoire.");
    expect(messages).toContain("Choisissez au moins une colonne.");
    expect(createSavedListSchema.safeParse({ ...valid, entity: "USER" }).success).toBe(false);
  });

  it("refuses an invalid date and a malformed id", () => {
    expect(createSavedListSchema.safeParse({ ...valid, filters: { ...EMPTY_SAVED_LIST_FILTERS, from: "2026-02-30" } }).success).toBe(false);
    expect(createSavedListSchema.safeParse({ ...valid, filters: { ...EMPTY_SAVED_LIST_FILTERS, owner: "a b" } }).success).toBe(false);
  });

  it("keeps only the filters of the chosen object and orders the period", () => {
    const parsed = createSavedListSchema.parse({
      ...valid,
      entity: "ACTION",
      columns: ["subject"],
      filters: { ...EMPTY_SAVED_LIST_FILTERS, from: "2026-12-31", to: "2026-01-01", status: "IN_DISCUSSION", done: "notDone", opportunityStatus: "WON" },
    });
    expect(parsed.filters).toMatchObject({ from: "2026-01-01", to: "2026-12-31", status: "", done: "notDone", opportunityStatus: "" });
  });
});

describe("readSavedListFilters", () => {
  it("never throws on stored JSON and drops bad values", () => {
    expect(readSavedListFilters("PROSPECT", null)).toEqual(EMPTY_SAVED_LIST_FILTERS);
    expect(readSavedListFilters("PROSPECT", [1, 2])).toEqual(EMPTY_SAVED_LIST_FILTERS);
    expect(readSavedListFilters("PROSPECT", { status: "WON", stage: "CLIENT", from: "nope", owner: "u1", extra: "x" })).toEqual({
      ...EMPTY_SAVED_LIST_FILTERS,
      stage: "CLIENT",
      owner: "u1",
    });
    expect(readSavedListFilters("OPPORTUNITY", { opportunityStatus: "WON", done: "done" })).toMatchObject({ opportunityStatus: "WON", done: "" });
  });
});

describe("mergeSelects", () => {
  it("merges nested relation selects", () => {
    expect(
      mergeSelects([
        { id: true, prospect: { select: { name: true } } },
        { prospect: { select: { partner: { select: { name: true } } } } },
        { prospect: { select: { name: true } } },
      ]),
    ).toEqual({ id: true, prospect: { select: { name: true, partner: { select: { name: true } } } } });
  });
});
