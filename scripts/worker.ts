// `npm run worker`: the background worker alone (e-mail outbox, maintenance), for deployments
// that run it apart from the app servers (RUN_WORKER_IN_APP=false). Uses DATABASE_URL, or the
// embedded PostgreSQL when the app is not running it. Stops cleanly on SIGINT/SIGTERM.
import { startWorker } from "@/lib/worker";
import { withDatabase } from "./with-database";

async function main() {
  let signalled: () => void = () => undefined;
  const stopRequested = new Promise<void>((resolve) => {
    signalled = resolve;
  });
  // `on`, not `once`: the embedded PostgreSQL's own handler steps aside only while another
  // listener remains, and stops the database under the worker's feet otherwise.
  process.on("SIGINT", () => signalled());
  process.on("SIGTERM", () => signalled());
  process.on("SIGHUP", () => signalled());
  // Started by the launcher: stop if it disappeared without stopping us (killed with -9).
  const supervisor = Number(process.env.CRM_SUPERVISOR_PID);
  if (supervisor) {
    setInterval(() => {
      if (process.ppid !== supervisor) signalled();
    }, 1000).unref();
  }

  await withDatabase(async (databaseUrl) => {
    const worker = await startWorker({ databaseUrl });
    await stopRequested;
    await worker.stop();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
