// Every dashboard list is scoped: partner A sees only its prospects, their actions and their
// clients' invoices; the internal team sees everyone's invoices and its own assigned actions.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { InvoiceStatus } from "@/lib/generated/prisma/enums";
import {
  DASHBOARD_LIST_SIZE,
  findLatestInvoices,
  findLatestProspects,
  findUpcomingActions,
  getDashboard,
} from "@/lib/dashboard/queries";
import {
  createAction,
  createInvoice,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
} from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const hour = 3_600_000;
const day = 24 * hour;
const now = Date.now();

type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

const ALL_STATUSES: InvoiceStatus[] = ["SUBMITTED", "VALIDATED", "FINANCED", "PAID", "REJECTED"];

let partnerA: Actor;
let partnerB: Actor;
let partnerC: Actor;
let sales: Actor;
let manager: Actor;
const prospectsOf: Record<"A" | "B", Set<string>> = { A: new Set(), B: new Set() };
const invoicesOf: Record<"A" | "B", Map<string, { status: InvoiceStatus; at: Date }>> = { A: new Map(), B: new Map() };

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  const typeId = ref.actionTypes[0]!.id;
  const orgA = await createPartner(db, { name: "Cabinet Alpha" });
  const orgB = await createPartner(db, { name: "Cabinet Beta" });
  const orgC = await createPartner(db, { name: "Cabinet Gamma" });
  partnerA = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, passwordHash }));
  partnerB = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, passwordHash }));
  partnerC = toActor(await createUser(db, { role: "PARTNER", partnerId: orgC.id, passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  manager = toActor(await createUser(db, { role: "MANAGER", passwordHash }));

  for (const [key, org, offset] of [
    ["A", orgA, 0],
    ["B", orgB, 1],
  ] as const) {
    // Seven prospects each, interleaved in time so "latest" must really filter by scope.
    const prospects = [];
    for (let i = 0; i < 7; i++) {
      prospects.push(
        await createProspect(db, {
          name: `${key}-prospect-${i}`,
          partnerId: org.id,
          stage: i < 2 ? "CLIENT" : "PROSPECT",
          createdAt: new Date(now - (20 - i * 2 - offset) * day),
        }),
      );
    }
    prospects.forEach((p) => prospectsOf[key].add(p.id));

    // Invoices in every status on the two clients, the step times spread over days.
    for (const [c, client] of prospects.slice(0, 2).entries()) {
      for (const [s, status] of ALL_STATUSES.entries()) {
        for (let n = 0; n < 2; n++) {
          const at = new Date(now - (c * 10 + s * 2 + n + offset * 0.5) * hour);
          const invoice = await createInvoice(db, { clientId: client.id, status, at, supplierName: `Fournisseur ${key}` });
          invoicesOf[key].set(invoice.id, { status, at });
        }
      }
    }

    const [p0, p1, p2] = [prospects[0]!, prospects[1]!, prospects[2]!];
    const opportunity = await createOpportunity(db, { prospectId: p0.id, stageId: ref.pipelineStages[0]!.id });
    await createAction(db, { prospectId: p0.id, typeId, subject: `${key} en retard`, dueAt: new Date(now - 2 * day), assigneeId: sales.id });
    await createAction(db, { prospectId: p1.id, typeId, subject: `${key} demain`, dueAt: new Date(now + day), assigneeId: sales.id });
    await createAction(db, { prospectId: p2.id, typeId, subject: `${key} dans 3 jours`, dueAt: new Date(now + 3 * day), assigneeId: manager.id });
    await createAction(db, { prospectId: p0.id, typeId, subject: `${key} sans échéance`, dueAt: null, assigneeId: sales.id });
    await createAction(db, { prospectId: p1.id, typeId, subject: `${key} faite`, dueAt: new Date(now + 2 * day), done: true, doneAt: new Date(), assigneeId: sales.id });
    await createAction(db, {
      prospectId: p2.id,
      typeId,
      subject: `${key} étape d'opportunité`,
      dueAt: new Date(now + 4 * day),
      opportunityId: opportunity.id,
      assigneeId: sales.id,
    });
  }
});

describe("« Derniers clients »", () => {
  it("lists partner A's latest prospects only, newest first", async () => {
    const rows = await findLatestProspects(partnerA, db);
    expect(rows).toHaveLength(DASHBOARD_LIST_SIZE);
    expect(rows.every((r) => prospectsOf.A.has(r.id))).toBe(true);
    expect(rows.map((r) => r.name)).toEqual(["A-prospect-6", "A-prospect-5", "A-prospect-4", "A-prospect-3", "A-prospect-2"]);
    expect(rows[0]).toMatchObject({ status: "IN_DISCUSSION", stage: "PROSPECT" });
  });

  it("lists partner B's own, and everyone's for SALES", async () => {
    const forB = await findLatestProspects(partnerB, db);
    expect(forB.every((r) => prospectsOf.B.has(r.id))).toBe(true);
    const forSales = await findLatestProspects(sales, db);
    // B's prospects are one day younger than A's at each step.
    expect(forSales.map((r) => r.name).slice(0, 2)).toEqual(["B-prospect-6", "A-prospect-6"]);
  });

  it("is empty for a partner without prospects", async () => {
    expect(await findLatestProspects(partnerC, db)).toEqual([]);
  });
});

describe("« Prochaines actions »", () => {
  it("gives partner A the undone actions on its prospects, soonest first, internal steps excluded", async () => {
    const rows = await findUpcomingActions(partnerA, db);
    expect(rows.map((r) => r.subject)).toEqual(["A en retard", "A demain", "A dans 3 jours", "A sans échéance"]);
    expect(rows.every((r) => prospectsOf.A.has(r.prospect.id))).toBe(true);
  });

  it("gives partner B only its own", async () => {
    const rows = await findUpcomingActions(partnerB, db);
    expect(rows.map((r) => r.subject)).toEqual(["B en retard", "B demain", "B dans 3 jours", "B sans échéance"]);
  });

  it("gives SALES the undone actions assigned to them, across partners", async () => {
    const rows = await findUpcomingActions(sales, db);
    const subjects = rows.map((r) => r.subject);
    expect(subjects.slice(0, 4)).toEqual(["A en retard", "B en retard", "A demain", "B demain"]);
    expect(subjects).toContain("A étape d'opportunité");
    expect(subjects).not.toContain("A dans 3 jours");
    expect(subjects.some((s) => s.endsWith("faite"))).toBe(false);
    // Undated actions come last.
    expect(subjects.slice(-2).every((s) => s.endsWith("sans échéance"))).toBe(true);
  });

  it("gives the MANAGER the whole team's undone actions, soonest first", async () => {
    const rows = await findUpcomingActions(manager, db);
    const subjects = rows.map((r) => r.subject);
    expect(subjects.slice(0, 4)).toEqual(["A en retard", "B en retard", "A demain", "B demain"]);
    expect(subjects).toContain("A dans 3 jours");
    expect(subjects.some((s) => s.endsWith("faite"))).toBe(false);
  });

  it("is empty for a partner without prospects", async () => {
    expect(await findUpcomingActions(partnerC, db)).toEqual([]);
  });
});

describe("« Dernières factures … »", () => {
  const listed = ["SUBMITTED", "VALIDATED", "FINANCED"] as const;

  it.each(listed)("lists partner A's %s invoices only, latest step first", async (status) => {
    const rows = await findLatestInvoices(partnerA, status, db);
    const expected = [...invoicesOf.A.entries()]
      .filter(([, v]) => v.status === status)
      .sort(([, x], [, y]) => y.at.getTime() - x.at.getTime())
      .slice(0, DASHBOARD_LIST_SIZE);
    expect(rows.map((r) => r.id)).toEqual(expected.map(([id]) => id));
    expect(rows.map((r) => r.statusAt.getTime())).toEqual(expected.map(([, v]) => v.at.getTime()));
    expect(rows.every((r) => prospectsOf.A.has(r.client.id) && r.supplierName === "Fournisseur A")).toBe(true);
  });

  it.each(listed)("keeps partner A's %s invoices away from partner B", async (status) => {
    const rows = await findLatestInvoices(partnerB, status, db);
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => invoicesOf.B.has(r.id) && !invoicesOf.A.has(r.id))).toBe(true);
  });

  it.each(listed)("gives SALES the %s invoices of every partner", async (status) => {
    const rows = await findLatestInvoices(sales, status, db);
    expect(rows).toHaveLength(DASHBOARD_LIST_SIZE);
    const ids = rows.map((r) => r.id);
    expect(ids.some((id) => invoicesOf.A.has(id))).toBe(true);
    expect(ids.some((id) => invoicesOf.B.has(id))).toBe(true);
    const all = [...invoicesOf.A.values(), ...invoicesOf.B.values()].filter((v) => v.status === status);
    const newest = Math.max(...all.map((v) => v.at.getTime()));
    expect(rows[0]?.statusAt.getTime()).toBe(newest);
  });
});

describe("« Dernières factures » without a step time", () => {
  it("lists the invoices lacking that step's time after the dated ones, at their submission time", async () => {
    const org = await createPartner(db, { name: "Cabinet Delta" });
    const partnerD = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
    const client = await createProspect(db, { name: "Client Delta", partnerId: org.id });
    const t0 = Date.UTC(2026, 4, 1);
    const older = await createInvoice(db, { clientId: client.id, status: "VALIDATED", at: new Date(t0) });
    const newer = await createInvoice(db, { clientId: client.id, status: "VALIDATED", at: new Date(t0 + 86_400_000) });
    const undated = await createInvoice(db, { clientId: client.id, status: "VALIDATED", at: new Date(t0 + 2 * 86_400_000) });
    await db.invoice.update({ where: { id: undated.id }, data: { validatedAt: null } });
    const rows = await findLatestInvoices(partnerD, "VALIDATED", db);
    expect(rows.map((r) => r.id)).toEqual([newer.id, older.id, undated.id]);
    expect(rows[2]?.statusAt).toEqual(undated.submittedAt);
    expect((await findLatestInvoices(partnerD, "VALIDATED", db, 2)).map((r) => r.id)).toEqual([newer.id, older.id]);
  });
});

describe("getDashboard", () => {
  it("assembles partner A's dashboard from its rows only", async () => {
    const dashboard = await getDashboard(partnerA, db);
    expect(dashboard.latestProspects.every((p) => prospectsOf.A.has(p.id))).toBe(true);
    expect(dashboard.upcomingActions.every((a) => prospectsOf.A.has(a.prospect.id))).toBe(true);
    for (const list of [dashboard.submittedInvoices, dashboard.validatedInvoices, dashboard.financedInvoices]) {
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((inv) => invoicesOf.A.has(inv.id))).toBe(true);
    }
    expect(dashboard.submittedInvoices.every((inv) => invoicesOf.A.get(inv.id)?.status === "SUBMITTED")).toBe(true);
    expect(dashboard.financedInvoices.every((inv) => invoicesOf.A.get(inv.id)?.status === "FINANCED")).toBe(true);
  });

  it("is all empty for a partner with nothing", async () => {
    expect(await getDashboard(partnerC, db)).toEqual({
      latestProspects: [],
      upcomingActions: [],
      submittedInvoices: [],
      validatedInvoices: [],
      financedInvoices: [],
    });
  });
});
