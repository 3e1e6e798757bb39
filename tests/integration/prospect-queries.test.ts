// The prospects list and page are scoped by prospectScope: a partner never sees another
// partner's rows, in the rows, the total, the search results or the detail query.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { findProspects } from "@/lib/prospects/queries";
import { getProspectFile } from "@/lib/prospects/prospect-file";
import { parseProspectListParams, type ProspectListParams } from "@/lib/prospects/schemas";
import {
  createAction,
  createContact,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
} from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
// Users here never sign in: a fixed hash avoids argon2's cost.
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

const A_COUNT = 30;
const B_COUNT = 12;
const T0 = Date.UTC(2026, 0, 1);
const day = 86_400_000;

let partnerA: Actor;
let partnerB: Actor;
let sales: Actor;
let idsA: Set<string>;
let idsB: Set<string>;
let aMain: { id: string };
let bMain: { id: string };
let aNames: string[];

function params(overrides: Partial<ProspectListParams> = {}): ProspectListParams {
  return { ...parseProspectListParams({}), ...overrides };
}

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  const orgA = await createPartner(db, { name: "Cabinet Alpha" });
  const orgB = await createPartner(db, { name: "Cabinet Beta" });
  partnerA = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, name: "Alice Partenaire", passwordHash }));
  partnerB = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, name: "Bruno Partenaire", passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", name: "Sacha Commercial", passwordHash }));

  // Partner A: 30 prospects, names AAA-00 … AAA-29 created one day apart, with a few
  // recognisable ones to search for.
  const statuses = ["IN_DISCUSSION", "READY_TO_START", "NOT_INTERESTED"] as const;
  const cities = ["Lyon", "Paris", "Marseille"];
  const a = [];
  for (let i = 0; i < A_COUNT; i++) {
    a.push(
      await createProspect(db, {
        name: i === 0 ? "Boulangerie Dupont" : `AAA-${String(i).padStart(2, "0")}`,
        siren: i === 0 ? "732829320" : undefined,
        city: cities[i % 3],
        status: statuses[i % 3],
        partnerId: orgA.id,
        internalNotes: "Note interne A",
        createdAt: new Date(T0 + i * day),
      }),
    );
  }
  // Partner B: 12 prospects, one of which looks like A's in every searched field.
  const b = [];
  for (let i = 0; i < B_COUNT; i++) {
    b.push(
      await createProspect(db, {
        name: i === 0 ? "Boulangerie Durand" : `BBB-${String(i).padStart(2, "0")}`,
        siren: i === 0 ? "732829338" : undefined,
        city: i === 0 ? "Lyon" : "Lille",
        status: statuses[i % 3],
        partnerId: orgB.id,
        internalNotes: "Note interne B",
        createdAt: new Date(T0 + (i * 2 + 1) * day),
      }),
    );
  }
  idsA = new Set(a.map((p) => p.id));
  idsB = new Set(b.map((p) => p.id));
  aNames = a.map((p) => p.name);
  aMain = a[0]!;
  bMain = b[0]!;

  const callType = ref.actionTypes[0]!;
  await createContact(db, { prospectId: aMain.id, lastName: "Zola", firstName: "Émile", isFavorite: false });
  await createContact(db, { prospectId: aMain.id, lastName: "Martin", firstName: "Claire", isFavorite: true });
  await createContact(db, { prospectId: bMain.id, lastName: "Bernard", firstName: "Luc", isFavorite: true });
  await createAction(db, { prospectId: aMain.id, typeId: callType.id, subject: "Appeler la gérante", assigneeId: partnerA.id });
  await createAction(db, {
    prospectId: aMain.id,
    typeId: callType.id,
    subject: "Envoyer la plaquette",
    done: true,
    doneAt: new Date(),
  });
  const opportunity = await createOpportunity(db, { prospectId: aMain.id, stageId: ref.pipelineStages[0]!.id });
  await createAction(db, {
    prospectId: aMain.id,
    typeId: callType.id,
    subject: "Relance du devis",
    opportunityId: opportunity.id,
    assigneeId: sales.id,
  });
  await createAction(db, { prospectId: bMain.id, typeId: callType.id, subject: "Action de B" });
});

describe("findProspects: partner isolation", () => {
  it("gives partner A its own rows and count, page after page", async () => {
    const page1 = await findProspects(partnerA, params(), db);
    const page2 = await findProspects(partnerA, params({ page: 2 }), db);
    expect(page1.total).toBe(A_COUNT);
    expect(page2.total).toBe(A_COUNT);
    expect(page1.rows).toHaveLength(25);
    expect(page2.rows).toHaveLength(A_COUNT - 25);
    const seen = [...page1.rows, ...page2.rows].map((r) => r.id);
    expect(new Set(seen)).toEqual(idsA);
  });

  it("gives partner B its own rows and count only", async () => {
    const result = await findProspects(partnerB, params({ perPage: 100 }), db);
    expect(result.total).toBe(B_COUNT);
    expect(new Set(result.rows.map((r) => r.id))).toEqual(idsB);
  });

  it("gives SALES every prospect", async () => {
    const result = await findProspects(sales, params({ perPage: 100 }), db);
    expect(result.total).toBe(A_COUNT + B_COUNT);
    expect(new Set(result.rows.map((r) => r.id))).toEqual(new Set([...idsA, ...idsB]));
  });

  it("gives nothing to a partner user without an organisation", async () => {
    const orphan: Actor = { ...partnerA, partnerId: null };
    expect(await findProspects(orphan, params(), db)).toEqual({ rows: [], total: 0, page: 1, perPage: 25 });
  });

  it("keeps search results inside the scope", async () => {
    const forA = await findProspects(partnerA, params({ q: "boulangerie" }), db);
    expect(forA.rows.map((r) => r.id)).toEqual([aMain.id]);
    expect(forA.total).toBe(1);

    const forSales = await findProspects(sales, params({ q: "BOULANGERIE" }), db);
    expect(new Set(forSales.rows.map((r) => r.id))).toEqual(new Set([aMain.id, bMain.id]));
    expect(forSales.total).toBe(2);
  });

  it("keeps status filters inside the scope", async () => {
    const result = await findProspects(partnerA, params({ status: "READY_TO_START", perPage: 100 }), db);
    expect(result.total).toBe(A_COUNT / 3);
    expect(result.rows.every((r) => r.status === "READY_TO_START" && idsA.has(r.id))).toBe(true);
  });
});

describe("findProspects: search, filters, sorting, pagination", () => {
  it("searches the city case-insensitively", async () => {
    const result = await findProspects(partnerA, params({ q: "lYoN", perPage: 100 }), db);
    expect(result.total).toBe(A_COUNT / 3);
    expect(result.rows.every((r) => r.city === "Lyon")).toBe(true);
  });

  it("searches the SIREN by part, with or without the display spaces", async () => {
    const bare = await findProspects(sales, params({ q: "7328293" }), db);
    expect(new Set(bare.rows.map((r) => r.id))).toEqual(new Set([aMain.id, bMain.id]));
    const spaced = await findProspects(sales, params({ q: "732 829 320" }), db);
    expect(spaced.rows.map((r) => r.id)).toEqual([aMain.id]);
  });

  it("returns an empty page when nothing matches", async () => {
    expect(await findProspects(partnerA, params({ q: "introuvable" }), db)).toEqual({
      rows: [],
      total: 0,
      page: 1,
      perPage: 25,
    });
  });

  it("combines search and status filter", async () => {
    const result = await findProspects(partnerA, params({ q: "paris", status: "READY_TO_START", perPage: 100 }), db);
    // Index i has city cities[i % 3] and status statuses[i % 3]: Paris ⇔ READY_TO_START.
    expect(result.total).toBe(A_COUNT / 3);
    const none = await findProspects(partnerA, params({ q: "paris", status: "IN_DISCUSSION" }), db);
    expect(none.total).toBe(0);
  });

  it("sorts by creation date, newest first, by default", async () => {
    const result = await findProspects(partnerA, params({ perPage: 100 }), db);
    const dates = result.rows.map((r) => r.createdAt.getTime());
    expect(dates).toEqual([...dates].sort((x, y) => y - x));
    expect(result.rows[0]?.name).toBe("AAA-29");
  });

  it("sorts by name both ways on the server", async () => {
    const expected = [...aNames].sort();
    const asc = await findProspects(partnerA, params({ sort: "name", dir: "asc", perPage: 10 }), db);
    expect(asc.rows.map((r) => r.name)).toEqual(expected.slice(0, 10));
    const desc = await findProspects(partnerA, params({ sort: "name", dir: "desc", perPage: 10, page: 3 }), db);
    expect(desc.rows.map((r) => r.name)).toEqual([...expected].reverse().slice(20, 30));
  });

  it("sorts by partner name for the internal team", async () => {
    const result = await findProspects(sales, params({ sort: "partner", dir: "desc", perPage: 100 }), db);
    const partners = result.rows.map((r) => r.partner?.name);
    expect(partners.slice(0, B_COUNT).every((n) => n === "Cabinet Beta")).toBe(true);
    expect(partners.slice(B_COUNT).every((n) => n === "Cabinet Alpha")).toBe(true);
  });

  it("pages without overlap or gap under a non-unique sort", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const result = await findProspects(partnerA, params({ sort: "status", perPage: 10, page }), db);
      seen.push(...result.rows.map((r) => r.id));
    }
    expect(seen).toHaveLength(A_COUNT);
    expect(new Set(seen)).toEqual(idsA);
  });

  it("clamps a page past the end to the last page", async () => {
    const result = await findProspects(partnerA, params({ page: 99, perPage: 10 }), db);
    expect(result.page).toBe(3);
    expect(result.rows).toHaveLength(10);
    expect(result.total).toBe(A_COUNT);
  });

  it("survives a malformed query string end to end", async () => {
    const filters = parseProspectListParams({ page: "-1", perPage: "9", sort: "passwordHash", dir: "x", status: "NOPE" });
    const result = await findProspects(partnerA, filters, db);
    expect(result).toMatchObject({ page: 1, perPage: 25, total: A_COUNT });
  });
});

describe("getProspectFile (the prospect file page)", () => {
  it("returns a partner's own prospect with its contacts, favourite marked", async () => {
    const file = await getProspectFile(partnerA, aMain.id, db);
    expect(file?.info.id).toBe(aMain.id);
    const contacts = file?.values.contacts.map((c) => [c.lastName, c.isFavorite]) ?? [];
    expect(contacts.sort()).toEqual([
      ["Martin", true],
      ["Zola", false],
    ]);
  });

  it("never loads internal notes for a partner", async () => {
    const file = await getProspectFile(partnerA, aMain.id, db);
    expect(file).not.toBeNull();
    expect(file?.info).not.toHaveProperty("internalNotes");
    expect(JSON.stringify(file)).not.toContain("Note interne");
  });

  it("never sends a partner the sales rep, type or origin", async () => {
    const ref = await ensureReferenceData(db);
    await db.prospect.update({ where: { id: aMain.id }, data: { ownerId: sales.id, typeId: ref.prospectTypes[0]!.id, originId: ref.origins[0]!.id } });
    const forPartner = await getProspectFile(partnerA, aMain.id, db);
    expect(forPartner?.info).toMatchObject({ ownerName: null, typeName: null, originName: null });
    expect(forPartner?.values).not.toHaveProperty("ownerId");
    expect(forPartner?.values).not.toHaveProperty("typeId");
    const forSales = await getProspectFile(sales, aMain.id, db);
    expect(forSales?.info).toMatchObject({ ownerName: "Sacha Commercial", typeName: ref.prospectTypes[0]!.name });
    expect(forSales?.values).toMatchObject({ ownerId: sales.id, typeId: ref.prospectTypes[0]!.id, originId: ref.origins[0]!.id });
  });

  it("returns null for another partner's prospect, both ways", async () => {
    expect(await getProspectFile(partnerA, bMain.id, db)).toBeNull();
    expect(await getProspectFile(partnerB, aMain.id, db)).toBeNull();
  });

  it("returns null for an unknown id", async () => {
    expect(await getProspectFile(sales, "inexistant", db)).toBeNull();
  });

  it("gives SALES any prospect with its internal notes", async () => {
    const fileA = await getProspectFile(sales, aMain.id, db);
    const fileB = await getProspectFile(sales, bMain.id, db);
    expect(fileA?.info.internalNotes).toBe("Note interne A");
    expect(fileB?.info.internalNotes).toBe("Note interne B");
    expect(fileB?.values.contacts).toHaveLength(1);
  });
});

describe("findProspects: internal filters", () => {
  // Own rows, all named "Filtre …", so the search isolates them from the rows above.
  let ref: Awaited<ReturnType<typeof ensureReferenceData>>;
  let rep: Actor;
  let f: Record<"pmeRep" | "pmeOther" | "etiClientRep" | "directPerson", { id: string }>;
  let orgAId: string;
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  const q = "Filtre";

  beforeAll(async () => {
    ref = await ensureReferenceData(db);
    rep = toActor(await createUser(db, { role: "SALES", name: "Rémi Commercial", passwordHash }));
    const [pme, eti] = ref.prospectTypes;
    const [web, salon] = ref.origins;
    orgAId = partnerA.partnerId!;
    f = {
      pmeRep: await createProspect(db, { name: "Filtre PME rep", partnerId: orgAId, typeId: pme!.id, originId: web!.id, ownerId: rep.id }),
      pmeOther: await createProspect(db, { name: "Filtre PME autre", partnerId: orgAId, typeId: pme!.id, originId: salon!.id, ownerId: sales.id }),
      etiClientRep: await createProspect(db, {
        name: "Filtre ETI client",
        partnerId: partnerB.partnerId!,
        typeId: eti!.id,
        originId: web!.id,
        ownerId: rep.id,
        stage: "CLIENT",
      }),
      directPerson: await createProspect(db, { name: "Filtre particulier", kind: "PERSON", partnerId: null }),
    };
  });

  it("filters by type, origin, rep, stage and partner, each alone", async () => {
    const [pme] = ref.prospectTypes;
    const [web] = ref.origins;
    expect(ids((await findProspects(sales, params({ q, type: pme!.id }), db)).rows)).toEqual(ids([f.pmeRep, f.pmeOther]));
    expect(ids((await findProspects(sales, params({ q, origin: web!.id }), db)).rows)).toEqual(ids([f.pmeRep, f.etiClientRep]));
    expect(ids((await findProspects(sales, params({ q, owner: rep.id }), db)).rows)).toEqual(ids([f.pmeRep, f.etiClientRep]));
    expect(ids((await findProspects(sales, params({ q, stage: "CLIENT" }), db)).rows)).toEqual(ids([f.etiClientRep]));
    expect(ids((await findProspects(sales, params({ q, partner: orgAId }), db)).rows)).toEqual(ids([f.pmeRep, f.pmeOther]));
  });

  it("combines filters (AND) and counts only what matches", async () => {
    const [pme] = ref.prospectTypes;
    const [web] = ref.origins;
    const result = await findProspects(sales, params({ q, type: pme!.id, origin: web!.id, owner: rep.id }), db);
    expect(ids(result.rows)).toEqual(ids([f.pmeRep]));
    expect(result.total).toBe(1);
    const none = await findProspects(sales, params({ q, type: pme!.id, stage: "CLIENT" }), db);
    expect(none.total).toBe(0);
  });

  it("« Mes prospects » lists the actor's own files only", async () => {
    expect(ids((await findProspects(rep, params({ q, view: "mine" }), db)).rows)).toEqual(ids([f.pmeRep, f.etiClientRep]));
    expect(ids((await findProspects(sales, params({ q, view: "mine" }), db)).rows)).toEqual(ids([f.pmeOther]));
    const unknownType = await findProspects(sales, params({ q, type: "inexistant" }), db);
    expect(unknownType.total).toBe(0);
  });

  it("ignores the internal filters for a partner: no way to reach another organisation's rows", async () => {
    const withOtherPartner = await findProspects(partnerA, params({ q, partner: partnerB.partnerId!, perPage: 100 }), db);
    expect(ids(withOtherPartner.rows)).toEqual(ids([f.pmeRep, f.pmeOther]));
    const byOwner = await findProspects(partnerA, params({ q, owner: rep.id, stage: "CLIENT", view: "mine" }), db);
    expect(ids(byOwner.rows)).toEqual(ids([f.pmeRep, f.pmeOther]));
    const b = await findProspects(partnerB, params({ q, partner: orgAId }), db);
    expect(ids(b.rows)).toEqual(ids([f.etiClientRep]));
  });
});
