import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetPage, keysetQuery, parseKeysetRequest } from "@/lib/pagination/keyset";

describe("keyset cursors", () => {
  it("round-trips dates, strings, numbers and null", () => {
    const date = new Date("2026-03-04T05:06:07.089Z");
    for (const value of [date, "Boulangerie Lefèvre", 42, null]) {
      expect(decodeCursor(encodeCursor({ value, id: "cm123" }))).toEqual({ value, id: "cm123" });
    }
  });

  it("treats forged or malformed cursors as no cursor", () => {
    expect(decodeCursor("%%%")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(["s", "x", "id'; DROP"])).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(["d", "not a date", "a1"])).toString("base64url"))).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ a: 1 })).toString("base64url"))).toBeNull();
    expect(parseKeysetRequest({ after: "garbage", last: "0" })).toEqual({ kind: "first" });
  });

  it("reads after, before and last from the URL, first value wins", () => {
    const c = encodeCursor({ value: "b", id: "x1" });
    expect(parseKeysetRequest({ after: [c, "zzz"] })).toEqual({ kind: "after", cursor: { value: "b", id: "x1" } });
    expect(parseKeysetRequest({ before: c })).toEqual({ kind: "before", cursor: { value: "b", id: "x1" } });
    expect(parseKeysetRequest({ last: "1" })).toEqual({ kind: "last" });
  });
});

describe("keysetQuery", () => {
  const sort = { field: "name", dir: "asc" as const, nullable: false };

  it("starts the index range at the cursor for the next page", () => {
    const q = keysetQuery(sort, { kind: "after", cursor: { value: "m", id: "i5" } });
    expect(q.where).toEqual({
      AND: [{ name: { gte: "m" } }, { OR: [{ name: { gt: "m" } }, { name: "m", id: { gt: "i5" } }] }],
    });
    expect(q.orderBy).toEqual([{ name: "asc" }, { id: "asc" }]);
  });

  it("reads the previous and the last page backwards", () => {
    const before = keysetQuery(sort, { kind: "before", cursor: { value: "m", id: "i5" } });
    expect(before.orderBy).toEqual([{ name: "desc" }, { id: "desc" }]);
    expect(keysetQuery({ ...sort, nullable: true }, { kind: "last" }).orderBy).toEqual([
      { name: { sort: "desc", nulls: "first" } },
      { id: "desc" },
    ]);
  });
});

describe("keysetPage", () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, v: i }));

  it("knows there is a next page from the extra row", () => {
    const page = keysetPage(rows(4), 3, { kind: "first" }, (r) => r.v);
    expect(page.rows.map((r) => r.id)).toEqual(["r0", "r1", "r2"]);
    expect(page).toMatchObject({ hasPrevious: false, hasNext: true });
    expect(decodeCursor(page.endCursor)).toEqual({ value: 2, id: "r2" });
  });

  it("puts rows read backwards back in order", () => {
    const page = keysetPage(rows(3), 3, { kind: "last" }, (r) => r.v);
    expect(page.rows.map((r) => r.id)).toEqual(["r2", "r1", "r0"]);
    expect(page).toMatchObject({ hasPrevious: false, hasNext: false });
  });
});
