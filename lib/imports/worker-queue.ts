// The import queue of the background worker (lib/worker): the app only writes the ImportJob row;
// each worker instance asks for a run every few seconds, the "short" policy coalesces those asks
// into one waiting job, and the run drains every waiting import (claimed with SKIP LOCKED, so
// instances never share one). A worker that dies mid-import leaves a stale lease that the next
// run takes over; rows already settled stay settled.
import type PgBoss from "pg-boss";
import { createCompanySearchClient } from "@/lib/company-search/client";
import { getWorkerEnv } from "@/lib/env";
import type { Db } from "@/lib/prisma-client";
import { runImportJobs } from "@/lib/imports/run-import";

export const IMPORT_QUEUE = "imports.run";

export async function registerImportQueue(
  boss: PgBoss,
  db: Db,
  options: { log: (message: string) => void; shouldStop: () => boolean; intervalMs?: number },
): Promise<void> {
  await boss.createQueue(IMPORT_QUEUE, { name: IMPORT_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 60 * 60 });
  // One registry client for the worker process: its rate limit holds across imports.
  const env = getWorkerEnv();
  const registry = createCompanySearchClient({ baseUrl: env.COMPANY_SEARCH_URL, timeoutMs: env.COMPANY_SEARCH_TIMEOUT_MS });
  await boss.work(IMPORT_QUEUE, { pollingIntervalSeconds: 1 }, async () => {
    try {
      return { imports: await runImportJobs(db, { shouldStop: options.shouldStop, log: options.log, registry }) };
    } catch (error) {
      options.log(`Import interrompu : ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  });
  const ask = () => {
    if (options.shouldStop()) return;
    boss.send(IMPORT_QUEUE, {}).catch((error: unknown) => options.log(`Impossible de planifier les imports : ${String(error)}`));
  };
  ask();
  const timer = setInterval(ask, options.intervalMs ?? 2000);
  boss.on("stopped", () => clearInterval(timer));
}
