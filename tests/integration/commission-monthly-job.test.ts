// The worker's monthly settlement: registered once as a pg-boss cron in Paris time, and its
// run prepares the previous month's statements.
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { monthStartColumn } from "@/lib/commissions/compute";
import { generateStatementsForMonth } from "@/lib/commissions/generate-statements";
import { monthToSettle, registerMonthlyStatementJob, STATEMENTS_CRON, STATEMENTS_QUEUE } from "@/lib/commissions/monthly-job";
import { createInvoice, createPartner, createProspect } from "@/tests/factories";
import { backfillCommissions } from "@/lib/commissions/backfill";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";

const db = getTestDb();
let boss: PgBoss | undefined;

afterAll(async () => {
  await boss?.stop({ graceful: false });
});

describe("monthly statement job", () => {
  it("is scheduled on the 1st of each month, Paris time, and settles the month before", async () => {
    boss = new PgBoss({ connectionString: getTestDatabaseUrl(), schema: "pgboss_commissions_test", max: 2 });
    await boss.start();
    await registerMonthlyStatementJob(boss, db, () => undefined);
    await registerMonthlyStatementJob(boss, db, () => undefined);
    const schedules = await boss.getSchedules();
    expect(schedules.filter((s) => s.name === STATEMENTS_QUEUE)).toEqual([
      expect.objectContaining({ cron: STATEMENTS_CRON, timezone: "Europe/Paris" }),
    ]);

    const org = await createPartner(db);
    const client = await createProspect(db, { partnerId: org.id, stage: "CLIENT" });
    await createInvoice(db, { clientId: client.id, status: "FINANCED", at: new Date("2026-02-27T10:00:00Z") });
    await backfillCommissions(db);
    const month = monthToSettle(new Date("2026-03-01T02:15:00Z"));
    expect(month).toBe("2026-02");
    await generateStatementsForMonth(db, month);
    expect(await db.commissionStatement.count({ where: { partnerId: org.id, periodMonth: monthStartColumn("2026-02"), status: "DRAFT" } })).toBe(1);
  });
});
