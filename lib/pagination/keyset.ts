// Keyset (cursor) pagination: a page is « the n rows after (or before) this row in the sort
// order », found from an index whatever its position, instead of OFFSET which reads and drops
// every row before it. Pure and model-agnostic: it returns Prisma `where` / `orderBy` fragments
// for a sort on one column plus the `id` tie-breaker.
// Not server-only: the cursor codec is unit-tested and its URL keys are shared with the pager.

export type KeysetValue = string | number | Date | null;
export type KeysetCursor = { value: KeysetValue; id: string };
// `enumValues`: a PostgreSQL enum column, in its declaration order (the order it sorts by), for
// which Prisma has no gt/lt: comparisons become `in` lists.
// `idDir`: the tie-breaker's direction (ascending unless said otherwise).
export type KeysetSort = {
  field: string;
  dir: "asc" | "desc";
  nullable: boolean;
  enumValues?: readonly string[];
  idDir?: "asc" | "desc";
};
// What the URL asks for: the first page, the page after or before a row, or the last page.
export type KeysetRequest =
  | { kind: "first" }
  | { kind: "after"; cursor: KeysetCursor }
  | { kind: "before"; cursor: KeysetCursor }
  | { kind: "last" };

export const KEYSET_PARAM_KEYS = ["after", "before", "last"] as const;

// [type, value, id] in base64url: "d" a date, "s" a string, "n" a number, "z" null.
export function encodeCursor(cursor: KeysetCursor): string {
  const { value } = cursor;
  const tagged =
    value === null
      ? ["z", null]
      : value instanceof Date
        ? ["d", value.toISOString()]
        : typeof value === "number"
          ? ["n", value]
          : ["s", value];
  return Buffer.from(JSON.stringify([...tagged, cursor.id]), "utf8").toString("base64url");
}

// A malformed or forged cursor is no cursor at all (the list starts over), never an error.
export function decodeCursor(raw: unknown): KeysetCursor | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 600) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3) return null;
    const [tag, value, id] = parsed as [unknown, unknown, unknown];
    if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,60}$/.test(id)) return null;
    if (tag === "z" && value === null) return { value: null, id };
    if (tag === "s" && typeof value === "string" && value.length <= 300) return { value, id };
    if (tag === "n" && typeof value === "number" && Number.isFinite(value)) return { value, id };
    if (tag === "d" && typeof value === "string") {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? null : { value: date, id };
    }
    return null;
  } catch {
    return null;
  }
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// Reads `after`, `before` or `last=1` from a page's searchParams.
export function parseKeysetRequest(searchParams: Record<string, unknown>): KeysetRequest {
  const after = decodeCursor(first(searchParams.after));
  if (after) return { kind: "after", cursor: after };
  const before = decodeCursor(first(searchParams.before));
  if (before) return { kind: "before", cursor: before };
  if (first(searchParams.last) === "1") return { kind: "last" };
  return { kind: "first" };
}

type Where = Record<string, unknown>;
type Op = "gt" | "gte" | "lt" | "lte";

function compare(sort: KeysetSort, op: Op, value: Exclude<KeysetValue, null>): Where {
  if (!sort.enumValues) return { [sort.field]: { [op]: value } };
  const at = sort.enumValues.indexOf(String(value));
  const values = sort.enumValues.filter((_, i) =>
    op === "gt" ? i > at : op === "gte" ? i >= at : op === "lt" ? i < at : i <= at,
  );
  return { [sort.field]: { in: values } };
}

const idAfter = (sort: KeysetSort, id: string) => ({ [sort.idDir === "desc" ? "lt" : "gt"]: id });
const idBefore = (sort: KeysetSort, id: string) => ({ [sort.idDir === "desc" ? "gt" : "lt"]: id });

// Rows strictly after the cursor in the order [field dir nulls last, id idDir].
function afterWhere(sort: KeysetSort, { value, id }: KeysetCursor): Where {
  const { field } = sort;
  if (value === null) return { [field]: null, id: idAfter(sort, id) };
  const beyond: Op = sort.dir === "asc" ? "gt" : "lt";
  const bound: Op = sort.dir === "asc" ? "gte" : "lte";
  const tail: Where[] = [compare(sort, beyond, value), { [field]: value, id: idAfter(sort, id) }];
  if (sort.nullable) tail.push({ [field]: null });
  // The redundant range lets the index start at the cursor instead of filtering from the top.
  return sort.nullable ? { OR: tail } : { AND: [compare(sort, bound, value), { OR: tail }] };
}

// Rows strictly before the cursor in the same order.
function beforeWhere(sort: KeysetSort, { value, id }: KeysetCursor): Where {
  const { field } = sort;
  if (value === null) return { OR: [{ [field]: { not: null } }, { [field]: null, id: idBefore(sort, id) }] };
  const before: Op = sort.dir === "asc" ? "lt" : "gt";
  const bound: Op = sort.dir === "asc" ? "lte" : "gte";
  return {
    AND: [compare(sort, bound, value), { OR: [compare(sort, before, value), { [field]: value, id: idBefore(sort, id) }] }],
  };
}

export function keysetOrderBy(sort: KeysetSort, reversed: boolean): Where[] {
  const dir = reversed ? (sort.dir === "asc" ? "desc" : "asc") : sort.dir;
  const column = sort.nullable ? { sort: dir, nulls: reversed ? "first" : "last" } : dir;
  const idDir = sort.idDir ?? "asc";
  return [{ [sort.field]: column }, { id: reversed ? (idDir === "asc" ? "desc" : "asc") : idDir }];
}

// The where, order and direction of the query for a request; rows come back reversed when
// `reversed` (read them from the end), which keysetPage() undoes.
export function keysetQuery(sort: KeysetSort, request: KeysetRequest): { where: Where; orderBy: Where[]; reversed: boolean } {
  switch (request.kind) {
    case "first":
      return { where: {}, orderBy: keysetOrderBy(sort, false), reversed: false };
    case "after":
      return { where: afterWhere(sort, request.cursor), orderBy: keysetOrderBy(sort, false), reversed: false };
    case "before":
      return { where: beforeWhere(sort, request.cursor), orderBy: keysetOrderBy(sort, true), reversed: true };
    case "last":
      return { where: {}, orderBy: keysetOrderBy(sort, true), reversed: true };
  }
}

export type KeysetPage<T> = {
  rows: T[];
  hasPrevious: boolean;
  hasNext: boolean;
  // Cursors of the first and last rows shown, for « Précédent » and « Suivant ».
  startCursor: string | null;
  endCursor: string | null;
};

// Turns the perPage + 1 rows fetched for a request into the page, its neighbours and cursors.
export function keysetPage<T extends { id: string }>(
  fetched: T[],
  perPage: number,
  request: KeysetRequest,
  valueOf: (row: T) => KeysetValue,
): KeysetPage<T> {
  const extra = fetched.length > perPage;
  const slice = fetched.slice(0, perPage);
  const reversed = request.kind === "before" || request.kind === "last";
  const rows = reversed ? slice.reverse() : slice;
  const hasPrevious = reversed ? extra : request.kind === "after";
  const hasNext = reversed ? request.kind === "before" : extra;
  const cursorOf = (row: T | undefined) => (row ? encodeCursor({ value: valueOf(row), id: row.id }) : null);
  return { rows, hasPrevious, hasNext, startCursor: cursorOf(rows[0]), endCursor: cursorOf(rows[rows.length - 1]) };
}
