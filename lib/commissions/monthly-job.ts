// The worker's monthly settlement: at the start of each month (Europe/Paris), the DRAFT
// statements of the previous month, once per cluster (pg-boss cron + singleton queue).
// Idempotent, so a rerun or a second instance changes nothing.
import type PgBoss from "pg-boss";
import { addMonths, parisMonthOf } from "@/lib/commissions/compute";
import { generateStatementsForMonth } from "@/lib/commissions/generate-statements";
import type { Db } from "@/lib/prisma-client";

export const STATEMENTS_QUEUE = "commissions.monthly-statements";
// 03:15 on the 1st, Paris time: after midnight's last financings, before anyone looks.
export const STATEMENTS_CRON = "15 3 1 * *";

// The month a run on `now` settles: the Paris calendar month before it.
export function monthToSettle(now: Date): string {
  return addMonths(parisMonthOf(now), -1);
}

export async function registerMonthlyStatementJob(boss: PgBoss, db: Db, log: (message: string) => void): Promise<void> {
  await boss.createQueue(STATEMENTS_QUEUE, { name: STATEMENTS_QUEUE, policy: "singleton", retryLimit: 3, expireInSeconds: 60 * 60 });
  await boss.schedule(STATEMENTS_QUEUE, STATEMENTS_CRON, {}, { tz: "Europe/Paris" });
  await boss.work(STATEMENTS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const result = await generateStatementsForMonth(db, monthToSettle(new Date()));
    if (result.statements) log(`Relevés de commissions ${result.month} : ${result.statements} en préparation, ${result.linesAttached} ligne(s)`);
    return result;
  });
}
