// The rollups behind the manager home (migration 20261206150100_stage_week_rollups) stay equal
// to the live aggregate after every kind of change, written by whatever (here Prisma directly,
// as a script or the API would), and a rolled-back change leaves them untouched. The expected
// values are computed here in JavaScript from the rows themselves (Paris months and weeks from
// lib/objectives/period), not with the triggers' SQL functions.
import { beforeAll, describe, expect, it } from "vitest";
import { parisDayOf } from "@/lib/dates";
import { weekBounds } from "@/lib/objectives/period";
import { findActionReport } from "@/lib/reports/action-reports";
import { createAction, createOpportunity, createProspect, createUser, ensureReferenceData, type ReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let ref: ReferenceData;
let prospectId: string;
let typeId: string;
let alice: string;
let bruno: string;
const stage = (i: number) => ref.pipelineStages[i]!.id;

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  typeId = ref.actionTypes[0]!.id;
  prospectId = (await createProspect(db, { name: "Prospect des cumuls" })).id;
  alice = (await createUser(db, { role: "SALES", name: "Alice Cumul", passwordHash })).id;
  bruno = (await createUser(db, { role: "SALES", name: "Bruno Cumul", passwordHash })).id;
});

const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

async function liveStageRollup(): Promise<string[]> {
  const rows = await db.opportunity.findMany({
    select: { stageId: true, status: true, ownerId: true, expectedCloseDate: true, closedAt: true, amountCents: true },
  });
  const totals = new Map<string, { count: number; amount: number }>();
  for (const o of rows) {
    const month =
      o.status === "OPEN"
        ? o.expectedCloseDate && monthOf(o.expectedCloseDate.toISOString().slice(0, 10))
        : o.closedAt && monthOf(parisDayOf(o.closedAt));
    const key = `${o.stageId}|${o.status}|${o.ownerId ?? "-"}|${month ?? "-"}`;
    const t = totals.get(key) ?? { count: 0, amount: 0 };
    totals.set(key, { count: t.count + 1, amount: t.amount + o.amountCents });
  }
  return [...totals].map(([key, t]) => `${key}|${t.count}|${t.amount}`).sort();
}

async function storedStageRollup(): Promise<string[]> {
  const rows = await db.opportunityStageRollup.findMany({ where: { count: { not: 0 } } });
  return rows
    .map((r) => `${r.stageId}|${r.status}|${r.ownerId ?? "-"}|${r.month ? r.month.toISOString().slice(0, 10) : "-"}|${r.count}|${r.amountCents}`)
    .sort();
}

async function liveWeekRollup(): Promise<string[]> {
  const rows = await db.action.findMany({ select: { assigneeId: true, startAt: true, dueAt: true, done: true } });
  const counts = new Map<string, number>();
  for (const a of rows) {
    const at = a.startAt ?? a.dueAt;
    if (!a.assigneeId || !at) continue;
    const key = `${a.assigneeId}|${weekBounds(at).firstDay.toISOString().slice(0, 10)}|${a.done}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}|${n}`).sort();
}

async function storedWeekRollup(): Promise<string[]> {
  const rows = await db.actionWeekRollup.findMany({ where: { count: { not: 0 } } });
  return rows.map((r) => `${r.assigneeId}|${r.weekStart.toISOString().slice(0, 10)}|${r.done}|${r.count}`).sort();
}

async function expectStageRollupLive() {
  const live = await liveStageRollup();
  expect(live.length).toBeGreaterThan(0);
  expect(await storedStageRollup()).toEqual(live);
}

async function expectWeekRollupLive() {
  const live = await liveWeekRollup();
  expect(live.length).toBeGreaterThan(0);
  expect(await storedWeekRollup()).toEqual(live);
}

const day = (value: string) => new Date(`${value}T00:00:00.000Z`);

describe("OpportunityStageRollup", () => {
  it("equals the live per-stage, per-owner, per-month totals after inserts, updates and deletes", async () => {
    const a = await createOpportunity(db, { prospectId, stageId: stage(0), ownerId: alice, amountCents: 100_00, expectedCloseDate: day("2026-11-30") });
    const b = await createOpportunity(db, { prospectId, stageId: stage(0), ownerId: alice, amountCents: 250_00, expectedCloseDate: day("2026-11-02") });
    const c = await createOpportunity(db, { prospectId, stageId: stage(1), amountCents: 40_00 });
    await expectStageRollupLive();

    // A stage move, an owner change, a new amount, an expected date into another month.
    await db.opportunity.update({ where: { id: a.id }, data: { stageId: stage(1) } });
    await expectStageRollupLive();
    await db.opportunity.update({ where: { id: b.id }, data: { ownerId: bruno } });
    await expectStageRollupLive();
    await db.opportunity.update({ where: { id: b.id }, data: { amountCents: 999_00 } });
    await expectStageRollupLive();
    await db.opportunity.update({ where: { id: b.id }, data: { expectedCloseDate: day("2026-12-01") } });
    await expectStageRollupLive();
    await db.opportunity.update({ where: { id: c.id }, data: { ownerId: alice, expectedCloseDate: day("2027-01-15") } });
    await expectStageRollupLive();
    // Won half an hour into 1 December in Paris (still 30 November in UTC): December's.
    await db.opportunity.update({ where: { id: a.id }, data: { status: "WON", closedAt: new Date("2026-11-30T23:30:00Z") } });
    await expectStageRollupLive();
    expect(await db.opportunityStageRollup.findFirst({ where: { status: "WON", count: 1 }, select: { month: true } })).toEqual({
      month: day("2026-12-01"),
    });
    // A save that changes nothing counted (the title) leaves the totals as they are.
    await db.opportunity.update({ where: { id: c.id }, data: { title: "Renommée" } });
    await expectStageRollupLive();
    // Reopened, then gone.
    await db.opportunity.update({ where: { id: a.id }, data: { status: "OPEN", closedAt: null } });
    await expectStageRollupLive();
    await db.opportunity.delete({ where: { id: b.id } });
    await expectStageRollupLive();
  });

  it("follows the owner set to nobody when the user is deleted", async () => {
    const leaving = await createUser(db, { role: "SALES", name: "Parti Cumul", passwordHash });
    await createOpportunity(db, { prospectId, stageId: stage(2), ownerId: leaving.id, amountCents: 70_00, expectedCloseDate: day("2026-10-10") });
    await expectStageRollupLive();
    await db.user.delete({ where: { id: leaving.id } });
    await expectStageRollupLive();
    expect(await db.opportunityStageRollup.count({ where: { ownerId: leaving.id, count: { not: 0 } } })).toBe(0);
  });
});

describe("ActionWeekRollup", () => {
  it("equals the live per-rep, per-Paris-week, done/not done counts after inserts, updates and deletes", async () => {
    // Monday 2 November 2026 00:30 in Paris is still Sunday in UTC: that week is the 2nd's.
    const x = await createAction(db, { prospectId, typeId, assigneeId: alice, dueAt: new Date("2026-11-01T23:30:00Z") });
    const y = await createAction(db, { prospectId, typeId, assigneeId: alice, dueAt: new Date("2026-11-04T10:00:00Z") });
    const z = await createAction(db, { prospectId, typeId, assigneeId: bruno, startAt: new Date("2026-11-10T09:00:00Z"), dueAt: new Date("2026-11-03T09:00:00Z") });
    // Not in any rep's week: unassigned, or neither start nor due time.
    await createAction(db, { prospectId, typeId, assigneeId: null });
    const undated = await createAction(db, { prospectId, typeId, assigneeId: alice, dueAt: null });
    await expectWeekRollupLive();
    expect(await db.actionWeekRollup.findUnique({ where: { assigneeId_weekStart_done: { assigneeId: alice, weekStart: day("2026-11-02"), done: false } } })).toMatchObject({ count: 2 });

    await db.action.update({ where: { id: x.id }, data: { done: true, doneAt: new Date() } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: x.id }, data: { done: false, doneAt: null } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: y.id }, data: { assigneeId: bruno } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: y.id }, data: { dueAt: new Date("2026-11-12T10:00:00Z") } });
    await expectWeekRollupLive();
    // An appointment is placed by its start, whatever its due time.
    await db.action.update({ where: { id: z.id }, data: { startAt: new Date("2026-11-17T09:00:00Z") } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: z.id }, data: { startAt: null } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: undated.id }, data: { dueAt: new Date("2026-11-05T08:00:00Z") } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: y.id }, data: { assigneeId: null } });
    await expectWeekRollupLive();
    await db.action.update({ where: { id: x.id }, data: { subject: "Renommée" } });
    await expectWeekRollupLive();
    await db.action.delete({ where: { id: x.id } });
    await expectWeekRollupLive();
    // A prospect deleted takes its actions (cascade) and their counts with it.
    const gone = await createProspect(db, { name: "Prospect supprimé" });
    await createAction(db, { prospectId: gone.id, typeId, assigneeId: bruno, dueAt: new Date("2026-11-12T10:00:00Z") });
    await expectWeekRollupLive();
    await db.prospect.delete({ where: { id: gone.id } });
    await expectWeekRollupLive();
  });
});

async function liveDoneRollup(): Promise<string[]> {
  const rows = await db.action.findMany({ where: { done: true, doneAt: { not: null } }, select: { typeId: true, doneAt: true } });
  const counts = new Map<string, number>();
  for (const a of rows) {
    const key = `${a.typeId}|${parisDayOf(a.doneAt!)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key}|${n}`).sort();
}

async function storedDoneRollup(): Promise<string[]> {
  const rows = await db.actionDoneDayRollup.findMany({ where: { count: { not: 0 } } });
  return rows.map((r) => `${r.typeId}|${r.day.toISOString().slice(0, 10)}|${r.count}`).sort();
}

async function expectDoneRollupLive() {
  const live = await liveDoneRollup();
  expect(live.length).toBeGreaterThan(0);
  expect(await storedDoneRollup()).toEqual(live);
}

describe("ActionDoneDayRollup", () => {
  it("equals the live per-type, per-Paris-day count of done actions, and gives the report its counts", async () => {
    const otherType = ref.actionTypes[1]!.id;
    // 23:30 UTC on 28 February is 1 March in Paris.
    const p = await createAction(db, { prospectId, typeId, done: true, doneAt: new Date("2026-02-28T23:30:00Z") });
    const q = await createAction(db, { prospectId, typeId, done: true, doneAt: new Date("2026-03-05T10:00:00Z") });
    const r = await createAction(db, { prospectId, typeId: otherType });
    await expectDoneRollupLive();
    await db.action.update({ where: { id: r.id }, data: { done: true, doneAt: new Date("2026-03-02T08:00:00Z") } });
    await expectDoneRollupLive();
    await db.action.update({ where: { id: q.id }, data: { typeId: otherType } });
    await expectDoneRollupLive();
    await db.action.update({ where: { id: p.id }, data: { doneAt: new Date("2026-04-01T09:00:00Z") } });
    await expectDoneRollupLive();
    await db.action.update({ where: { id: p.id }, data: { done: false, doneAt: null } });
    await expectDoneRollupLive();
    await db.action.update({ where: { id: p.id }, data: { done: true, doneAt: new Date("2026-02-28T23:30:00Z") } });
    await expectDoneRollupLive();

    const manager = await createUser(db, { role: "MANAGER", name: "Manon Cumul", passwordHash });
    const actor = { id: manager.id, email: manager.email, name: manager.name, role: manager.role, partnerId: null };
    const filters = { from: "2026-03-01", to: "2026-03-31", owner: "", partner: "", origin: "", type: "" };
    const report = await findActionReport(actor, "done", { ...filters, page: 1, perPage: 25 }, db);
    const live = await db.action.groupBy({
      by: ["typeId"],
      where: { done: true, doneAt: { gte: new Date("2026-02-28T23:00:00Z"), lt: new Date("2026-03-31T22:00:00Z") } },
      _count: { _all: true },
    });
    expect(report.countsByType.map((c) => [c.typeId, c.count]).sort()).toEqual(live.map((g) => [g.typeId, g._count._all]).sort());
    expect(report.total).toBe(3);
    expect(report.rows).toHaveLength(3);

    await db.action.delete({ where: { id: q.id } });
    await expectDoneRollupLive();
  });
});

describe("a rolled-back transaction", () => {
  it("leaves both rollups as they were", async () => {
    const opp = await createOpportunity(db, { prospectId, stageId: stage(0), ownerId: alice, amountCents: 10_00, expectedCloseDate: day("2026-11-20") });
    const action = await createAction(db, { prospectId, typeId, assigneeId: alice, dueAt: new Date("2026-11-20T10:00:00Z") });
    const stagesBefore = await storedStageRollup();
    const weeksBefore = await storedWeekRollup();
    const doneBefore = await storedDoneRollup();
    await expect(
      db.$transaction(async (tx) => {
        await tx.opportunity.update({ where: { id: opp.id }, data: { stageId: stage(1), amountCents: 5_00 } });
        await tx.opportunity.create({ data: { prospectId, stageId: stage(2), title: "Annulée", amountCents: 1_00 } });
        await tx.action.update({ where: { id: action.id }, data: { done: true, doneAt: new Date(), assigneeId: bruno } });
        await tx.action.create({ data: { prospectId, typeId, subject: "Annulée", assigneeId: alice, dueAt: new Date("2026-11-21T10:00:00Z") } });
        // Inside the transaction the rollups already count the change.
        expect(await tx.opportunityStageRollup.count({ where: { stageId: stage(2), status: "OPEN", ownerId: null, month: null, count: { gt: 0 } } })).toBe(1);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await storedStageRollup()).toEqual(stagesBefore);
    expect(await storedWeekRollup()).toEqual(weeksBefore);
    expect(await storedDoneRollup()).toEqual(doneBefore);
    await expectStageRollupLive();
    await expectWeekRollupLive();
  });
});
