// The objectives widget on known data: column totals, the target and share achieved over a month
// and a quarter, the rep filter (a SALES user sees only his own), Paris-time period edges, and
// « Actions de la semaine » across the October clock change; plus « Définir l'objectif ».
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getObjectivesBoard, type ObjectivesBoard } from "@/lib/objectives/queries";
import { REP_INVALID_MESSAGE } from "@/lib/objectives/targets";
import { getWeeklyActions } from "@/lib/objectives/weekly-actions";
import {
  createAction,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
  type ReferenceData,
} from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { setSalesTargetAction } = await import("@/lib/objectives/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });
const day = (value: string) => new Date(`${value}T00:00:00.000Z`);
const euros = (n: number) => n * 100;

// Sunday 22 November 2026, 11:00 in Paris.
const NOW = new Date("2026-11-22T10:00:00Z");

let ref: ReferenceData;
let alice: Actor; // SALES
let bruno: Actor; // SALES
let manon: Actor; // MANAGER
let partner: Actor;
const stage = (label: string) => ref.pipelineStages.find((s) => s.label === label)!.id;

function column(board: ObjectivesBoard, label: string) {
  const found = board.columns.find((c) => c.label === label);
  if (!found) throw new Error(`no column ${label}`);
  return { count: found.count, amount: found.amountCents, titles: found.cards.map((c) => c.title).sort() };
}

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  alice = toActor(await createUser(db, { role: "SALES", name: "Alice Vendeuse", passwordHash }));
  bruno = toActor(await createUser(db, { role: "SALES", name: "Bruno Vendeur", passwordHash }));
  manon = toActor(await createUser(db, { role: "MANAGER", name: "Manon Manager", passwordHash }));
  await createUser(db, { role: "SALES", name: "Ancien Commercial", passwordHash, active: false });
  const org = await createPartner(db);
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));

  const prospect = await createProspect(db, { name: "Boulangerie Dupain" });
  const opp = (title: string, data: Parameters<typeof createOpportunity>[1] extends infer D ? Omit<D & object, "prospectId"> : never) =>
    createOpportunity(db, { prospectId: prospect.id, title, ...data });
  // Alice
  await opp("A1 ouverte proche", { ownerId: alice.id, stageId: stage("Qualification"), amountCents: euros(10_000), expectedCloseDate: day("2026-11-30") });
  await opp("A2 ouverte sans date", { ownerId: alice.id, stageId: stage("Proposition"), amountCents: euros(5_000) });
  await opp("A3 ouverte lointaine", { ownerId: alice.id, stageId: stage("Proposition"), amountCents: euros(7_000), expectedCloseDate: day("2027-03-01") });
  await opp("A4 ouverte en retard", { ownerId: alice.id, stageId: stage("Négociation"), amountCents: euros(3_000), expectedCloseDate: day("2026-09-01") });
  await opp("A5 gagnée novembre", { ownerId: alice.id, stageId: stage("Conclue"), status: "WON", amountCents: euros(20_000), closedAt: new Date("2026-11-05T10:00:00Z") });
  await opp("A6 gagnée octobre", { ownerId: alice.id, stageId: stage("Conclue"), status: "WON", amountCents: euros(8_000), closedAt: new Date("2026-10-10T10:00:00Z") });
  await opp("A7 gagnée août", { ownerId: alice.id, stageId: stage("Conclue"), status: "WON", amountCents: euros(4_000), closedAt: new Date("2026-08-01T10:00:00Z") });
  await opp("A8 perdue novembre", { ownerId: alice.id, stageId: stage("Perdue"), status: "LOST", amountCents: euros(2_000), closedAt: new Date("2026-11-10T10:00:00Z") });
  // Bruno: two wins half an hour either side of a Paris month edge.
  await opp("B1 ouverte", { ownerId: bruno.id, stageId: stage("Qualification"), amountCents: euros(6_000), expectedCloseDate: day("2026-11-28") });
  await opp("B2 gagnée 1er décembre 00:30", { ownerId: bruno.id, stageId: stage("Conclue"), status: "WON", amountCents: euros(12_000), closedAt: new Date("2026-11-30T23:30:00Z") });
  await opp("B3 gagnée 1er novembre 00:30", { ownerId: bruno.id, stageId: stage("Conclue"), status: "WON", amountCents: euros(1_000), closedAt: new Date("2026-10-31T23:30:00Z") });

  await db.salesTarget.createMany({
    data: [
      { userId: alice.id, periodStart: day("2026-10-01"), amountCents: euros(10_000) },
      { userId: alice.id, periodStart: day("2026-11-01"), amountCents: euros(15_000) },
      { userId: alice.id, periodStart: day("2026-12-01"), amountCents: euros(15_000) },
      { userId: alice.id, periodStart: day("2027-01-01"), amountCents: euros(99_000) },
      { userId: bruno.id, periodStart: day("2026-11-01"), amountCents: euros(20_000) },
    ],
  });
});

beforeEach(() => {
  session.actor = manon;
});

describe("objectives board", () => {
  it("gives each active column, in order, its count and amount for one rep over the month", async () => {
    const board = await getObjectivesBoard(manon, { period: "mois", repId: alice.id }, db, NOW);
    expect(board.repId).toBe(alice.id);
    expect(board.columns.map((c) => c.label)).toEqual(["Qualification", "Découverte des besoins", "Proposition", "Négociation", "Conclue", "Perdue"]);
    expect(column(board, "Qualification")).toEqual({ count: 1, amount: euros(10_000), titles: ["A1 ouverte proche"] });
    expect(column(board, "Découverte des besoins")).toEqual({ count: 0, amount: 0, titles: [] });
    // Undated and overdue open ones stay on the board; one expected next year does not.
    expect(column(board, "Proposition")).toEqual({ count: 1, amount: euros(5_000), titles: ["A2 ouverte sans date"] });
    expect(column(board, "Négociation")).toEqual({ count: 1, amount: euros(3_000), titles: ["A4 ouverte en retard"] });
    expect(column(board, "Conclue")).toEqual({ count: 1, amount: euros(20_000), titles: ["A5 gagnée novembre"] });
    expect(column(board, "Perdue")).toEqual({ count: 1, amount: euros(2_000), titles: ["A8 perdue novembre"] });
    expect(board.targetCents).toBe(euros(15_000));
    expect(board.achievedCents).toBe(euros(20_000));
    expect(board.share).toBe(133);
  });

  it("colours the cards: won, closing within 30 days, the rest neutral", async () => {
    const board = await getObjectivesBoard(manon, { period: "mois", repId: alice.id }, db, NOW);
    const categories = Object.fromEntries(board.columns.flatMap((c) => c.cards).map((c) => [c.title, c.category]));
    expect(categories).toEqual({
      "A1 ouverte proche": "closing-soon",
      "A2 ouverte sans date": "neutral",
      "A4 ouverte en retard": "neutral",
      "A5 gagnée novembre": "won",
      "A8 perdue novembre": "lost",
    });
    const card = board.columns[0]!.cards[0]!;
    expect(card.prospect.name).toBe("Boulangerie Dupain");
    expect(card.owner?.name).toBe("Alice Vendeuse");
  });

  it("adds up the three monthly targets of the quarter and the wins closed in it", async () => {
    const board = await getObjectivesBoard(manon, { period: "trimestre", repId: alice.id }, db, NOW);
    expect(board.targetCents).toBe(euros(40_000));
    expect(board.achievedCents).toBe(euros(28_000));
    expect(board.share).toBe(70);
    expect(column(board, "Conclue")).toMatchObject({ count: 2, amount: euros(28_000) });
  });

  it("sums every rep for « Tous les représentants », with month edges in Paris time", async () => {
    const month = await getObjectivesBoard(manon, { period: "mois" }, db, NOW);
    expect(month.repId).toBeNull();
    expect(month.repOptions.map((r) => r.name)).toEqual(["Alice Vendeuse", "Bruno Vendeur", "Manon Manager"]);
    // B3 (1 November 00:30 Paris) counts for November; B2 (1 December 00:30 Paris) does not.
    expect(column(month, "Conclue")).toEqual({ count: 2, amount: euros(21_000), titles: ["A5 gagnée novembre", "B3 gagnée 1er novembre 00:30"] });
    expect(column(month, "Qualification")).toMatchObject({ count: 2, amount: euros(16_000) });
    expect(month.targetCents).toBe(euros(35_000));
    expect(month.share).toBe(60);

    const quarter = await getObjectivesBoard(manon, { period: "trimestre" }, db, NOW);
    expect(quarter.targetCents).toBe(euros(60_000));
    expect(quarter.achievedCents).toBe(euros(41_000));
    expect(quarter.share).toBe(68);

    const year = await getObjectivesBoard(manon, { period: "annee", repId: alice.id }, db, NOW);
    expect(year.achievedCents).toBe(euros(32_000));
    expect(year.targetCents).toBe(euros(40_000));
  });

  it("shows a SALES user his own opportunities only, whatever rep he asks for", async () => {
    const board = await getObjectivesBoard(bruno, { period: "mois", repId: alice.id }, db, NOW);
    expect(board.repId).toBe(bruno.id);
    expect(board.repOptions).toEqual([]);
    const titles = board.columns.flatMap((c) => c.cards.map((card) => card.title)).sort();
    expect(titles).toEqual(["B1 ouverte", "B3 gagnée 1er novembre 00:30"]);
    expect(board.targetCents).toBe(euros(20_000));
    expect(board.achievedCents).toBe(euros(1_000));
    expect(board.share).toBe(5);
  });

  it("falls back to all reps for an unknown rep, and refuses a partner", async () => {
    const board = await getObjectivesBoard(manon, { period: "mois", repId: "inconnu" }, db, NOW);
    expect(board.repId).toBeNull();
    await expect(getObjectivesBoard(partner, { period: "mois" }, db, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("sends ten cards of a column until « Afficher les N suivantes » opens it, for the rollup and the live board alike", async () => {
    const carla = toActor(await createUser(db, { role: "SALES", name: "Carla Nombreuse", passwordHash }));
    const prospect = await createProspect(db, { name: "Imprimerie Pleine" });
    for (let i = 1; i <= 12; i++) {
      await createOpportunity(db, {
        prospectId: prospect.id,
        title: `C${String(i).padStart(2, "0")}`,
        ownerId: carla.id,
        stageId: stage("Découverte des besoins"),
        amountCents: euros(1_000),
        expectedCloseDate: day(`2026-11-${String(i + 10).padStart(2, "0")}`),
      });
    }
    const column = (board: ObjectivesBoard) => board.columns.find((c) => c.label === "Découverte des besoins")!;
    for (const actor of [manon, carla]) {
      const closed = column(await getObjectivesBoard(actor, { period: "mois", repId: carla.id }, db, NOW));
      expect(closed).toMatchObject({ count: 12, expanded: false });
      // The first ten by expected close date: the column reads the same once opened.
      expect(closed.cards.map((c) => c.title)).toEqual(["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10"]);
      const opened = column(
        await getObjectivesBoard(actor, { period: "mois", repId: carla.id, expanded: [stage("Découverte des besoins"), "inconnue"] }, db, NOW),
      );
      expect(opened).toMatchObject({ count: 12, expanded: true });
      expect(opened.cards.map((c) => c.title)).toEqual(["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08", "C09", "C10", "C11", "C12"]);
    }
    // Out of the other widgets' rep lists.
    await db.user.update({ where: { id: carla.id }, data: { active: false } });
  });

  it("has no share when no target is set", async () => {
    const board = await getObjectivesBoard(manon, { period: "mois", repId: manon.id }, db, NOW);
    expect(board.targetCents).toBe(0);
    expect(board.share).toBeNull();
  });
});

describe("« Définir l'objectif »", () => {
  it("creates then replaces a rep's monthly target, for managers only", async () => {
    const created = await setSalesTargetAction({ userId: bruno.id, month: "2026-12", amount: "18 000" });
    expect(created.ok).toBe(true);
    const replaced = await setSalesTargetAction({ userId: bruno.id, month: "2026-12", amount: "19 500,50" });
    expect(replaced.ok).toBe(true);
    const rows = await db.salesTarget.findMany({ where: { userId: bruno.id, periodStart: day("2026-12-01") } });
    expect(rows.map((r) => r.amountCents)).toEqual([1_950_050]);
    const quarter = await getObjectivesBoard(manon, { period: "trimestre", repId: bruno.id }, db, NOW);
    expect(quarter.targetCents).toBe(euros(20_000) + 1_950_050);

    expect(await setSalesTargetAction({ userId: partner.id, month: "2026-12", amount: "1000" })).toEqual({
      ok: false,
      error: REP_INVALID_MESSAGE,
      fieldErrors: { userId: [REP_INVALID_MESSAGE] },
    });
    const invalid = await setSalesTargetAction({ userId: bruno.id, month: "décembre", amount: "-5" });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["amount", "month"]);

    session.actor = alice;
    const refused = await setSalesTargetAction({ userId: alice.id, month: "2026-12", amount: "1" });
    expect(refused).toMatchObject({ ok: false, error: "Vous n'avez pas les droits nécessaires pour cette opération." });
    expect(await db.salesTarget.count({ where: { userId: alice.id, periodStart: day("2026-12-01") } })).toBe(1);
  });
});

describe("« Actions de la semaine »", () => {
  // Wednesday 21 October 2026; the clocks go back on Sunday 25 October at 03:00.
  const DST_WEEK_NOW = new Date("2026-10-21T12:00:00Z");

  beforeAll(async () => {
    const prospect = await createProspect(db);
    const typeId = ref.actionTypes.find((t) => !t.isAppointment)!.id;
    const meetingId = ref.actionTypes.find((t) => t.isAppointment)!.id;
    const act = (assigneeId: string, data: { dueAt: Date; startAt?: Date; done?: boolean; typeId?: string }) =>
      createAction(db, { prospectId: prospect.id, typeId, assigneeId, ...data, doneAt: data.done ? data.dueAt : null });
    // Monday 19 October 00:30 Paris (summer time): in, done.
    await act(alice.id, { dueAt: new Date("2026-10-18T22:30:00Z"), done: true });
    // Sunday 18 October 23:30 Paris: the week before.
    await act(alice.id, { dueAt: new Date("2026-10-18T21:30:00Z"), done: true });
    // Sunday 25 October 23:30 Paris (winter time): in, although 7 × 24 h after Monday 00:00 is past.
    await act(alice.id, { dueAt: new Date("2026-10-25T22:30:00Z") });
    // Monday 26 October 00:30 Paris: the week after.
    await act(alice.id, { dueAt: new Date("2026-10-25T23:30:00Z") });
    // An appointment counts by its start, not by its due time.
    await act(alice.id, { typeId: meetingId, startAt: new Date("2026-10-22T08:00:00Z"), dueAt: new Date("2026-11-30T08:00:00Z"), done: true });
    await act(alice.id, { typeId: meetingId, startAt: new Date("2026-11-02T08:00:00Z"), dueAt: new Date("2026-10-22T08:00:00Z") });
    await act(bruno.id, { dueAt: new Date("2026-10-23T09:00:00Z") });
  });

  it("counts done and planned per rep over Monday to Monday in Paris across the clock change", async () => {
    const weekly = await getWeeklyActions(manon, db, DST_WEEK_NOW);
    expect(weekly.week.start.toISOString()).toBe("2026-10-18T22:00:00.000Z");
    expect(weekly.week.end.toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(weekly.rows).toEqual([
      { userId: alice.id, name: "Alice Vendeuse", planned: 3, done: 2 },
      { userId: bruno.id, name: "Bruno Vendeur", planned: 1, done: 0 },
      { userId: manon.id, name: "Manon Manager", planned: 0, done: 0 },
    ]);
  });

  it("gives a SALES user his own row only, and refuses a partner", async () => {
    const weekly = await getWeeklyActions(bruno, db, DST_WEEK_NOW);
    expect(weekly.rows).toEqual([{ userId: bruno.id, name: "Bruno Vendeur", planned: 1, done: 0 }]);
    await expect(getWeeklyActions(partner, db, DST_WEEK_NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
