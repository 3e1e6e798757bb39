// The prospects list pages by keyset: forward, backward and to the last page, every sort on a
// column of the prospect (nullable ones included), with no row lost or repeated, a count that
// stops at its limit, and partners kept to their own files.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { parseKeysetRequest, type KeysetRequest } from "@/lib/pagination/keyset";
import { findProspectsPage, PROSPECT_COUNT_LIMIT, type ProspectPage } from "@/lib/prospects/find-prospects-page";
import { parseProspectListParams, type ProspectListParams } from "@/lib/prospects/schemas";
import { createPartner, createProspect, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const COUNT = 23;
let partner: Actor;
let sales: Actor;
let ownIds: Set<string>;

const params = (overrides: Partial<ProspectListParams> = {}): ProspectListParams => ({
  ...parseProspectListParams({}),
  perPage: 10,
  ...overrides,
});

function keyset(page: ProspectPage) {
  if (page.mode !== "keyset") throw new Error("expected a keyset page");
  return page;
}

beforeAll(async () => {
  const org = await createPartner(db, { name: "Cabinet Keyset" });
  const other = await createPartner(db, { name: "Cabinet Voisin" });
  const u = await createUser(db, { role: "PARTNER", partnerId: org.id, name: "Paula Pages", passwordHash });
  partner = { id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId };
  const s = await createUser(db, { role: "SALES", name: "Simon Pages", passwordHash });
  sales = { id: s.id, email: s.email, name: s.name, role: s.role, partnerId: s.partnerId };
  const T0 = Date.UTC(2026, 0, 1);
  const created = [];
  for (let i = 0; i < COUNT; i++) {
    created.push(
      await createProspect(db, {
        // Duplicate names and dates, and missing cities, exercise the id tie-breaker and nulls.
        name: `Société ${String(i % 7).padStart(2, "0")}`,
        city: i % 4 === 0 ? null : `Ville ${i % 5}`,
        partnerId: org.id,
        createdAt: new Date(T0 + (i % 9) * 3_600_000),
      }),
    );
  }
  for (let i = 0; i < 5; i++) await createProspect(db, { name: `Société 00 voisine ${i}`, partnerId: other.id });
  ownIds = new Set(created.map((p) => p.id));
});

async function walkForward(actor: Actor, filters: ProspectListParams): Promise<string[]> {
  const seen: string[] = [];
  let request: KeysetRequest = { kind: "first" };
  for (let guard = 0; guard < 10; guard++) {
    const page = keyset(await findProspectsPage(actor, filters, request, db));
    seen.push(...page.rows.map((r) => r.id));
    if (!page.hasNext) break;
    request = parseKeysetRequest({ after: page.endCursor });
  }
  return seen;
}

describe("findProspectsPage", () => {
  for (const [sort, dir] of [["createdAt", "desc"], ["name", "asc"], ["name", "desc"], ["city", "asc"], ["city", "desc"], ["status", "asc"]] as const) {
    it(`walks every row once, sorted by ${sort} ${dir}, forward and backward`, async () => {
      const filters = params({ sort, dir });
      const forward = await walkForward(partner, filters);
      expect(forward).toHaveLength(COUNT);
      expect(new Set(forward)).toEqual(ownIds);

      const last = keyset(await findProspectsPage(partner, filters, { kind: "last" }, db));
      expect(last.rows.map((r) => r.id)).toEqual(forward.slice(-last.rows.length));
      expect(last).toMatchObject({ hasNext: false, hasPrevious: true });

      const previous = keyset(await findProspectsPage(partner, filters, parseKeysetRequest({ before: last.startCursor }), db));
      const end = forward.length - last.rows.length;
      expect(previous.rows.map((r) => r.id)).toEqual(forward.slice(Math.max(0, end - 10), end));
    });
  }

  it("shows the full first page when « Précédent » reaches the start", async () => {
    const filters = params({ sort: "name", dir: "asc" });
    const first = keyset(await findProspectsPage(partner, filters, { kind: "first" }, db));
    const second = keyset(await findProspectsPage(partner, filters, parseKeysetRequest({ after: first.rows[2] && first.endCursor }), db));
    const back = keyset(await findProspectsPage(partner, filters, parseKeysetRequest({ before: second.startCursor }), db));
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(back.hasPrevious).toBe(false);
  });

  it("keeps a partner to its own files and counts them exactly below the limit", async () => {
    const page = keyset(await findProspectsPage(partner, params({ q: "societe 00" }), { kind: "first" }, db));
    expect(page.rows.every((r) => ownIds.has(r.id))).toBe(true);
    expect(page.total).toBe(4);
    expect(page.totalIsLowerBound).toBe(false);
    const forSales = keyset(await findProspectsPage(sales, params({ q: "societe 00" }), { kind: "first" }, db));
    expect(forSales.total).toBe(9);
  });

  it("stops counting past the limit", async () => {
    await db.prospect.createMany({
      data: Array.from({ length: PROSPECT_COUNT_LIMIT + 5 }, (_, i) => ({ name: `Masse ${i}`, partnerId: partner.partnerId })),
    });
    const page = keyset(await findProspectsPage(partner, params(), { kind: "first" }, db));
    expect(page).toMatchObject({ total: PROSPECT_COUNT_LIMIT, totalIsLowerBound: true, hasNext: true });
  });

  it("keeps numbered pages for the partner-name sort", async () => {
    const page = await findProspectsPage(sales, params({ sort: "partner", page: 2 }), { kind: "first" }, db);
    expect(page.mode).toBe("offset");
  });
});
