import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTestDb } from "@/tests/setup/db";
import { DEMO_PARTNERS, DEMO_USERS, seedDemoData } from "@/prisma/seed";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/prisma/seed";

const db = getTestDb();

async function counts() {
  const [users, partners, prospects, contacts, actions, opportunities, invoices, actionTypes, stages] = await Promise.all([
    db.user.count(),
    db.partner.count(),
    db.prospect.count(),
    db.contact.count(),
    db.action.count(),
    db.opportunity.count(),
    db.invoice.count(),
    db.actionType.count(),
    db.pipelineStage.count(),
  ]);
  return { users, partners, prospects, contacts, actions, opportunities, invoices, actionTypes, stages };
}

describe("demo seed", () => {
  let first: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    const result = await seedDemoData(db, { now: new Date("2026-11-22T09:00:00Z") });
    expect(result.skipped).toBe(false);
    first = await counts();
  }, 120_000);

  afterAll(async () => {
    await db.$disconnect();
  });

  it("creates the documented demo accounts with the documented password", async () => {
    expect(first.users).toBe(DEMO_USERS.length);
    expect(first.partners).toBe(DEMO_PARTNERS.length);
    const partner = await db.user.findUniqueOrThrow({
      where: { email: "partenaire@demo.fr" },
      omit: { passwordHash: false },
    });
    expect(partner.role).toBe("PARTNER");
    expect(await verifyPassword(partner.passwordHash, DEMO_PASSWORD)).toBe(true);
    for (const p of DEMO_PARTNERS) {
      expect(await db.user.count({ where: { partner: { name: p.name } } })).toBe(2);
    }
  });

  it("fills every status, stage and invoice status, with one favourite contact per prospect", async () => {
    expect(first.prospects).toBeGreaterThanOrEqual(55);
    for (const status of ["IN_DISCUSSION", "READY_TO_START", "NOT_INTERESTED"] as const) {
      expect(await db.prospect.count({ where: { status } })).toBeGreaterThan(0);
    }
    for (const stage of ["PROSPECT", "ONBOARDING", "CLIENT"] as const) {
      expect(await db.prospect.count({ where: { stage } })).toBeGreaterThan(0);
    }
    for (const status of ["SUBMITTED", "VALIDATED", "FINANCED", "PAID", "REJECTED"] as const) {
      expect(await db.invoice.count({ where: { status } })).toBeGreaterThan(0);
    }
    const withoutFavourite = await db.prospect.count({ where: { contacts: { none: { isFavorite: true } } } });
    expect(withoutFavourite).toBe(0);
    expect(await db.action.count({ where: { previousActionId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.action.count({ where: { opportunityId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.action.count({ where: { done: false, dueAt: { gt: new Date("2026-11-22T09:00:00Z") } } })).toBeGreaterThan(0);
    expect(await db.action.count({ where: { done: true } })).toBeGreaterThan(0);
    // Nothing is marked done at a time still to come.
    expect(await db.action.count({ where: { done: true, doneAt: { gt: new Date("2026-11-22T09:00:00Z") } } })).toBe(0);
    const stagesUsed = await db.opportunity.groupBy({ by: ["stageId"] });
    expect(stagesUsed.length).toBeGreaterThanOrEqual(3);
    // Both reps have a target for the seed's own month, so the objectives widget has a share to show.
    expect(await db.salesTarget.count({ where: { periodStart: new Date("2026-11-01T00:00:00Z") } })).toBe(2);
  });

  it("gives the partners a year of commission lines and statements: paid, validated, in preparation", async () => {
    const months = await db.commissionLine.groupBy({ by: ["periodMonth"] });
    expect(months.length).toBeGreaterThanOrEqual(11);
    expect(await db.commissionLine.count({ where: { kind: "NETWORK" } })).toBeGreaterThan(0);
    for (const status of ["DRAFT", "VALIDATED", "PAID"] as const) {
      expect(await db.commissionStatement.count({ where: { status } })).toBeGreaterThan(0);
    }
    // October 2026, the month before the seed's own, is the one left for the admin to validate.
    const drafts = await db.commissionStatement.findMany({ where: { status: "DRAFT" }, select: { periodMonth: true } });
    expect(new Set(drafts.map((d) => d.periodMonth.toISOString().slice(0, 7)))).toEqual(new Set(["2026-10"]));
    const numbers = (await db.commissionStatement.findMany({ where: { number: { startsWith: "REL-2026-" } }, select: { number: true } }))
      .map((s) => Number(s.number!.slice(-4)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it("is idempotent: a second run adds nothing", async () => {
    const again = await seedDemoData(db, { now: new Date("2026-11-22T09:00:00Z") });
    expect(again.skipped).toBe(true);
    expect(await counts()).toEqual(first);
  }, 120_000);
});
