// Report figures on known data: actions done / not done with each filter (period in Paris
// days, rep, partner, origin, prospect type), revenue per rep per Paris month, and the custom
// lists (create with a unique name per user, rename, delete, rows with their filters).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseKeysetRequest } from "@/lib/pagination/keyset";
import { findActionReport } from "@/lib/reports/action-reports";
import { parseReportParams, type ReportParams } from "@/lib/reports/filters";
import { findRevenueReport, NO_REP_LABEL } from "@/lib/reports/revenue-report";
import { findSavedListRows } from "@/lib/reports/saved-list-rows";
import { getSavedListOrThrow, listSavedLists, nameTakenMessage } from "@/lib/reports/saved-lists";
import { EMPTY_SAVED_LIST_FILTERS } from "@/lib/reports/saved-list-schemas";
import { getTestDb } from "@/tests/setup/db";
import { createReportsFixture } from "./reports-fixture";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/reports/actions");

const db = getTestDb();
let fx: Awaited<ReturnType<typeof createReportsFixture>>;

const params = (values: Record<string, string | undefined> = {}): ReportParams => parseReportParams(values);
const subjects = (rows: { subject: string }[]) => rows.map((r) => r.subject);

beforeAll(async () => {
  fx = await createReportsFixture(db);
});

beforeEach(() => {
  session.actor = fx.manager;
});

describe("« Actions faites »", () => {
  it("lists every done action, latest first, nested steps included for the internal team, with counts per type", async () => {
    const report = await findActionReport(fx.manager, "done", params(), db);
    expect(report.total).toBe(4);
    expect(subjects(report.rows)).toEqual([fx.actions.a2.subject, fx.actions.a4.subject, fx.actions.a1.subject, fx.actions.a3.subject]);
    expect(report.countsByType).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: fx.call.name, count: 2 }),
        expect.objectContaining({ name: fx.meeting.name, count: 2 }),
      ]),
    );
    expect(report.rows[0]).toMatchObject({ prospect: { id: fx.prospects.p2.id, name: "Beta Paris" }, assignee: { name: "Bruno Rep" } });
  });

  it("applies the period to doneAt in Paris days", async () => {
    const march = await findActionReport(fx.manager, "done", params({ from: "2026-03-01", to: "2026-03-31" }), db);
    // a3 was done at 23:30 UTC on 28 February, i.e. 1 March in Paris; a2 on 1 April in Paris.
    expect(subjects(march.rows).sort()).toEqual([fx.actions.a1.subject, fx.actions.a3.subject, fx.actions.a4.subject].sort());
    const february = await findActionReport(fx.manager, "done", params({ to: "2026-02-28" }), db);
    expect(february.total).toBe(0);
  });

  it("filters by rep (assignee), partner, origin and prospect type", async () => {
    const byRep = await findActionReport(fx.manager, "done", params({ owner: fx.repB.id }), db);
    expect(subjects(byRep.rows).sort()).toEqual([fx.actions.a2.subject, fx.actions.a3.subject].sort());
    for (const filter of [{ partner: fx.partners.p2.id }, { origin: fx.origins.o2.id }, { type: fx.types.t2.id }]) {
      const report = await findActionReport(fx.manager, "done", params(filter), db);
      expect(subjects(report.rows)).toEqual([fx.actions.a2.subject]);
      expect(report.countsByType).toEqual([expect.objectContaining({ name: fx.meeting.name, count: 1 })]);
    }
    const combined = await findActionReport(fx.manager, "done", params({ partner: fx.partners.p1.id, owner: fx.repA.id, from: "2026-03-12" }), db);
    expect(subjects(combined.rows)).toEqual([fx.actions.a4.subject]);
  });

  it("pages by keyset: a stale page number is ignored, « Suivant » starts after the last row", async () => {
    const report = await findActionReport(fx.manager, "done", { ...params(), perPage: 25, page: 9 }, db);
    expect(report.rows).toHaveLength(4);
    expect(report).toMatchObject({ hasPrevious: false, hasNext: false });
    const all = report.rows.map((r) => r.id);
    // perPage is normally one of the page-size options; 2 makes pages of these four rows.
    const pageOfTwo = { ...params(), perPage: 2 };
    const one = await findActionReport(fx.manager, "done", pageOfTwo, db);
    expect(one.rows.map((r) => r.id)).toEqual(all.slice(0, 2));
    expect(one.hasNext).toBe(true);
    const two = await findActionReport(fx.manager, "done", pageOfTwo, db, parseKeysetRequest({ after: one.endCursor }));
    expect(two.rows.map((r) => r.id)).toEqual(all.slice(2, 4));
    expect(two).toMatchObject({ hasPrevious: true, hasNext: false });
    const last = await findActionReport(fx.manager, "done", pageOfTwo, db, { kind: "last" });
    expect(last.rows.map((r) => r.id)).toEqual(all.slice(-2));
  });

  it("is not found for a partner", async () => {
    await expect(findActionReport(fx.partner, "done", params(), db)).rejects.toThrow(AppError);
  });
});

describe("« Actions non faites »", () => {
  it("lists pending actions soonest first, undated last, with the period on dueAt", async () => {
    const all = await findActionReport(fx.manager, "notDone", params(), db);
    expect(subjects(all.rows)).toEqual([fx.actions.t1.subject, fx.actions.t2.subject, fx.actions.t3.subject]);
    const march = await findActionReport(fx.manager, "notDone", params({ from: "2026-03-01", to: "2026-03-31" }), db);
    expect(subjects(march.rows)).toEqual([fx.actions.t1.subject]);
    const fromApril = await findActionReport(fx.manager, "notDone", params({ from: "2026-04-01" }), db);
    expect(subjects(fromApril.rows)).toEqual([fx.actions.t2.subject]);
  });

  it("filters by rep, partner, origin and type", async () => {
    expect(subjects((await findActionReport(fx.manager, "notDone", params({ owner: fx.repA.id }), db)).rows)).toEqual([
      fx.actions.t1.subject,
      fx.actions.t3.subject,
    ]);
    for (const filter of [{ partner: fx.partners.p2.id }, { origin: fx.origins.o2.id }, { type: fx.types.t2.id }]) {
      expect(subjects((await findActionReport(fx.manager, "notDone", params(filter), db)).rows)).toEqual([fx.actions.t2.subject]);
    }
  });
});

describe("« Chiffre d'affaires par représentant »", () => {
  const now = new Date("2026-11-22T10:00:00Z");

  it("sums won opportunities by rep and Paris month, best rep first, no rep last", async () => {
    const report = await findRevenueReport(fx.manager, { ...params({ from: "2026-01-01", to: "2026-04-30" }) }, now, db);
    expect(report.period.months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(report.reps.map((r) => ({ name: r.name, byMonth: r.byMonthCents, total: r.totalCents }))).toEqual([
      { name: "Bruno Rep", byMonth: [0, 0, 200_000, 30_000], total: 230_000 },
      { name: "Alice Rep", byMonth: [0, 150_000, 70_000, 0], total: 220_000 },
      { name: NO_REP_LABEL, byMonth: [0, 0, 10_000, 0], total: 10_000 },
    ]);
    expect(report.monthTotalsCents).toEqual([0, 150_000, 280_000, 30_000]);
    expect(report.totalCents).toBe(460_000);
  });

  it("cuts the period at Paris midnight", async () => {
    const report = await findRevenueReport(fx.manager, params({ from: "2026-02-01", to: "2026-03-31" }), now, db);
    // Closed 23:30 UTC on 31 January = 1 February in Paris: in. 22:00 UTC on 31 March = 1 April: out.
    expect(report.totalCents).toBe(100_000 + 50_000 + 200_000 + 10_000 + 70_000);
    expect(report.reps.find((r) => r.name === "Bruno Rep")?.byMonthCents).toEqual([0, 200_000]);
  });

  it("filters by rep, partner, origin and type", async () => {
    const period = { from: "2026-01-01", to: "2026-04-30" };
    const byRep = await findRevenueReport(fx.manager, params({ ...period, owner: fx.repA.id }), now, db);
    expect(byRep.reps.map((r) => [r.name, r.totalCents])).toEqual([["Alice Rep", 220_000]]);
    for (const filter of [{ partner: fx.partners.p2.id }, { origin: fx.origins.o2.id }, { type: fx.types.t2.id }]) {
      const report = await findRevenueReport(fx.manager, params({ ...period, ...filter }), now, db);
      expect(report.reps.map((r) => [r.name, r.totalCents])).toEqual([
        ["Bruno Rep", 230_000],
        ["Alice Rep", 70_000],
      ]);
    }
  });

  it("is empty outside the period and refused to partners", async () => {
    const report = await findRevenueReport(fx.manager, params({ from: "2025-01-01", to: "2025-12-31" }), now, db);
    expect(report.reps).toEqual([]);
    expect(report.totalCents).toBe(0);
    await expect(findRevenueReport(fx.partner, params(), now, db)).rejects.toThrow(AppError);
  });
});

describe("« Listes sur mesure »", () => {
  const prospectList = (name: string) => ({
    name,
    entity: "PROSPECT" as const,
    columns: ["name", "status", "owner", "partner"],
    filters: { ...EMPTY_SAVED_LIST_FILTERS, partner: "" },
  });

  it("saves a list per user with a unique name, and explains a duplicate", async () => {
    const created = await actions.createSavedListAction(prospectList("Tous mes prospects"));
    expect(created.ok).toBe(true);
    const duplicate = await actions.createSavedListAction({ ...prospectList("  Tous mes prospects "), entity: "ACTION", columns: ["subject"] });
    const message = nameTakenMessage("Tous mes prospects");
    expect(duplicate).toEqual({ ok: false, error: message, fieldErrors: { name: [message] } });

    session.actor = fx.repA;
    expect((await actions.createSavedListAction(prospectList("Tous mes prospects"))).ok).toBe(true);
    expect(await db.savedList.count({ where: { name: "Tous mes prospects" } })).toBe(2);
  });

  it("refuses columns outside the whitelist and partners", async () => {
    const bad = await actions.createSavedListAction({ ...prospectList("Piège"), columns: ["name", "passwordHash"] });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { columns: ["Une des colonnes choisies n'existe pas pour cet objet."] } });
    session.actor = fx.partner;
    expect((await actions.createSavedListAction(prospectList("Partenaire"))).ok).toBe(false);
    expect(await db.savedList.count({ where: { name: { in: ["Piège", "Partenaire"] } } })).toBe(0);
  });

  it("renames (unique name) and deletes only one's own list", async () => {
    const first = await actions.createSavedListAction(prospectList("Liste A"));
    const second = await actions.createSavedListAction(prospectList("Liste B"));
    if (!first.ok || !second.ok) throw new Error("setup failed");
    const clash = await actions.renameSavedListAction({ id: second.data.id, name: "Liste A" });
    expect(clash).toMatchObject({ ok: false, fieldErrors: { name: [nameTakenMessage("Liste A")] } });
    expect((await actions.renameSavedListAction({ id: second.data.id, name: "Liste B bis" })).ok).toBe(true);

    session.actor = fx.repB;
    expect((await actions.renameSavedListAction({ id: first.data.id, name: "Volée" })).ok).toBe(false);
    expect((await actions.deleteSavedListAction({ id: first.data.id })).ok).toBe(false);
    await expect(getSavedListOrThrow(fx.repB, first.data.id, db)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listSavedLists(fx.repB, db)).toEqual([]);

    session.actor = fx.manager;
    expect((await actions.deleteSavedListAction({ id: first.data.id })).ok).toBe(true);
    expect(await db.savedList.findUnique({ where: { id: first.data.id } })).toBeNull();
    expect((await listSavedLists(fx.manager, db)).map((l) => l.name)).toContain("Liste B bis");
  });

  it("pages a list by keyset, in the list's order, every row once", async () => {
    const list = { name: "A", entity: "ACTION" as const, columns: ["subject"], filters: { ...EMPTY_SAVED_LIST_FILTERS, owner: fx.repA.id } };
    const whole = await findSavedListRows(fx.manager, list, { perPage: 100 }, db);
    expect(whole.rows.length).toBeGreaterThan(2);
    expect(whole).toMatchObject({ hasNext: false, totalIsLowerBound: false, total: whole.rows.length });
    const seen: string[] = [];
    let page = await findSavedListRows(fx.manager, list, { perPage: 2 }, db);
    seen.push(...page.rows.map((r) => r.id));
    while (page.hasNext) {
      page = await findSavedListRows(fx.manager, list, { perPage: 2 }, db, parseKeysetRequest({ after: page.endCursor }));
      seen.push(...page.rows.map((r) => r.id));
    }
    expect(seen).toEqual(whole.rows.map((r) => r.id));
    const last = await findSavedListRows(fx.manager, list, { perPage: 2 }, db, { kind: "last" });
    expect(last.rows.map((r) => r.id)).toEqual(seen.slice(-2));
  });

  it("shows the chosen columns with the list's filters", async () => {
    const prospects = await findSavedListRows(
      fx.manager,
      { name: "P", entity: "PROSPECT", columns: ["partner", "name", "status", "owner"], filters: { ...EMPTY_SAVED_LIST_FILTERS, partner: fx.partners.p1.id } },
      { perPage: 25 },
      db,
    );
    expect(prospects.columns.map((c) => c.label)).toEqual(["Nom", "Statut", "Commercial", "Partenaire"]);
    expect(prospects.rows).toEqual([
      { id: fx.prospects.p1.id, href: `/prospects/${fx.prospects.p1.id}`, cells: ["Alpha Lyon", "En discussion", "Alice Rep", "Cabinet Un"] },
    ]);

    const pending = await findSavedListRows(
      fx.manager,
      { name: "A", entity: "ACTION", columns: ["subject", "done", "assignee"], filters: { ...EMPTY_SAVED_LIST_FILTERS, done: "notDone", owner: fx.repA.id } },
      { perPage: 25 },
      db,
    );
    expect(pending.rows.map((r) => r.cells)).toEqual([
      // The whitelist's order, whatever order the keys were stored in.
      [fx.actions.t1.subject, "Alice Rep", false],
      [fx.actions.t3.subject, "Alice Rep", false],
    ]);
    expect(pending.rows[0]!.href).toBe(`/actions/${fx.actions.t1.id}`);

    const wonByB = await findSavedListRows(
      fx.manager,
      { name: "O", entity: "OPPORTUNITY", columns: ["owner", "amount", "status", "closedAt"], filters: { ...EMPTY_SAVED_LIST_FILTERS, opportunityStatus: "WON", owner: fx.repB.id } },
      { perPage: 25 },
      db,
    );
    expect(wonByB.total).toBe(2);
    // Owner, status, amount in euros (whitelist order).
    expect(wonByB.rows.map((r) => r.cells.slice(0, 3)).sort((a, b) => Number(a[2]) - Number(b[2]))).toEqual([
      ["Bruno Rep", "Gagnée", 300],
      ["Bruno Rep", "Gagnée", 2000],
    ]);
    expect(wonByB.rows[0]!.cells[3]).toBeInstanceOf(Date);
  });
});
