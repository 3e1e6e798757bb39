// The background worker: delivers the e-mail outbox and runs periodic maintenance, on pg-boss
// in the app's own PostgreSQL (schema "pgboss"). Started by the app launcher (unless
// RUN_WORKER_IN_APP=false) and by `npm run worker`; any number of instances may run at once.
//
// How a queued e-mail gets sent:
// - enqueueEmail() NOTIFYs on commit; each instance LISTENs and, on a notification or every
//   `dispatchIntervalMs` anyway, sends a job to the pg-boss queue "outbox.dispatch".
// - That queue has the "short" policy: at most one dispatch job waits at a time across all
//   instances, so kicks coalesce however many instances or e-mails there are.
// - The job handler drains due rows with FOR UPDATE SKIP LOCKED (lib/worker/dispatch.ts), so
//   two dispatches running on two instances never send the same message.
// A lost NOTIFY (listener reconnecting) only delays a message until the next periodic kick.
// pg-boss's cron (minute granularity) runs the hourly orphan-file sweep, once per cluster.
//
// Task reminders: every instance runs claimDueReminders right at start (a reminder that fell
// due while no worker ran fires as soon as one is back) and then every `reminderIntervalMs`.
// Claims use FOR UPDATE SKIP LOCKED, so instances never deliver the same reminder twice.
import { randomUUID } from "node:crypto";
import os from "node:os";
import PgBoss from "pg-boss";
import pg from "pg";
import { getWorkerEnv } from "@/lib/env";
import { createLogger } from "@/lib/operations/logger";
import { OUTBOX_CHANNEL } from "@/lib/mail/outbox-channel";
import { createMailTransport } from "@/lib/mail/transport";
import { registerImportQueue } from "@/lib/imports/worker-queue";
import { createPrismaClient } from "@/lib/prisma-client";
import { claimDueReminders } from "@/lib/reminders/claim-reminders";
import { registerMonthlyStatementJob } from "@/lib/commissions/monthly-job";
import type { Storage } from "@/lib/storage/types";
import { dispatchDueEmails, type DispatchOptions } from "@/lib/worker/dispatch";
import { createWorkerStorage, isServerOnlyImportError } from "@/lib/worker/storage";

export const DISPATCH_QUEUE = "outbox.dispatch";
export const SWEEP_QUEUE = "maintenance.sweep-orphan-files";
const PGBOSS_SCHEMA = "pgboss";
// Attachment files no row references for a day are leftovers of crashed uploads. A day, not an
// hour: a copy restored next to this one, sharing the folder, must not lose its fresh uploads.
const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const REMINDER_BATCH = 100;

export type StartWorkerOptions = {
  databaseUrl: string;
  log?: (message: string) => void;
  // Default: SMTP_URL from the environment; null forces local delivery (kept in « Boîte d'envoi »).
  smtpUrl?: string | null;
  mailFrom?: string;
  // Default: the configured file store (local disk or S3), for e-mail attachments and the sweep.
  storage?: Storage;
  // How often each instance asks for a dispatch without being woken by a NOTIFY.
  dispatchIntervalMs?: number;
  // pg-boss polling of the dispatch queue (seconds, at least 0.5).
  pollingIntervalSeconds?: number;
  // Default batch size, grace and lease: SMTP_BATCH_SIZE, SMTP_STUCK_AFTER_SECONDS, SMTP_LEASE_SECONDS.
  dispatch?: Pick<DispatchOptions, "batchSize" | "maxAttempts" | "backoffBaseMs" | "backoffMaxMs" | "stuckAfterMs" | "leaseMs">;
  // How often this worker records its heartbeat (read by /api/health/ready).
  heartbeatIntervalMs?: number;
  // Cron of the orphan-file sweep; false leaves maintenance to other instances.
  sweepCron?: string | false;
  // How often due task reminders are looked for (15 s by default).
  reminderIntervalMs?: number;
  // Base of the links in reminder e-mails; default NEXTAUTH_URL.
  appUrl?: string;
};

export type WorkerHandle = {
  // Asks for a dispatch now (as a NOTIFY would).
  kick(): Promise<void>;
  stop(): Promise<void>;
};

let workerLogger: ReturnType<typeof createLogger> | undefined;
function logger() {
  workerLogger ??= createLogger("crm-worker");
  return workerLogger;
}
const defaultLog = (message: string) => logger().info(message);

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startWorker(options: StartWorkerOptions): Promise<WorkerHandle> {
  const log = options.log ?? defaultLog;
  const env = getWorkerEnv();
  const smtpUrl = options.smtpUrl === undefined ? env.SMTP_URL : (options.smtpUrl ?? undefined);
  const transport = createMailTransport({ smtpUrl, from: options.mailFrom ?? env.MAIL_FROM });
  const sweepCron = options.sweepCron ?? "7 * * * *";
  const appUrl = options.appUrl ?? env.NEXTAUTH_URL ?? "http://localhost:3000";

  let storage: Storage;
  let sweepOrphanFiles: typeof import("@/lib/attachments/sweep-orphans").sweepOrphanFiles | undefined;
  try {
    storage = options.storage ?? (await createWorkerStorage(env));
    if (sweepCron) ({ sweepOrphanFiles } = await import("@/lib/attachments/sweep-orphans"));
  } catch (error) {
    if (isServerOnlyImportError(error)) {
      throw new Error(
        "Le worker charge des modules « server-only » : lancez-le avec la condition react-server " +
          "(`tsx --conditions=react-server …`, comme `npm run worker`).",
      );
    }
    throw error;
  }

  const db = createPrismaClient(options.databaseUrl, { max: 3 });
  const workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  const dispatchSettings = {
    batchSize: env.SMTP_BATCH_SIZE,
    stuckAfterMs: env.SMTP_STUCK_AFTER_SECONDS * 1000,
    leaseMs: env.SMTP_LEASE_SECONDS * 1000,
    ...stripUndefined(options.dispatch ?? {}),
  };
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: PGBOSS_SCHEMA,
    max: 4,
    application_name: "crm-worker",
  });
  boss.on("error", (error) => log(`pg-boss : ${errorText(error)}`));

  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let reminderTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  let reminderRun: Promise<void> | undefined;
  let listener: pg.Client | undefined;
  let connecting = false;

  try {
    await boss.start();
    await boss.createQueue(DISPATCH_QUEUE, { name: DISPATCH_QUEUE, policy: "short", retryLimit: 0, expireInSeconds: 15 * 60 });
    await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "singleton", retryLimit: 2, expireInSeconds: 60 * 60 });
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await db.$disconnect();
    throw error;
  }

  const dispatchWorkerId = await boss.work(
    DISPATCH_QUEUE,
    { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
    async () => {
      const started = Date.now();
      try {
        const result = await dispatchDueEmails(db, {
          ...dispatchSettings,
          workerId,
          transport,
          loadAttachment: (key) => storage.get(key),
          shouldStop: () => stopping,
          log,
        });
        if (result.sent || result.retried || result.failed) {
          log(`Boîte d'envoi : ${result.sent} envoyé(s), ${result.retried} à réessayer, ${result.failed} en échec`);
          // One structured line per job that did something (counts only, no addresses).
          if (!options.log) logger().info({ job: DISPATCH_QUEUE, durationMs: Date.now() - started, ...result }, "job");
        }
        return result;
      } catch (error) {
        log(`Distribution des e-mails interrompue : ${errorText(error)}`);
        throw error;
      }
    },
  );

  if (sweepCron && sweepOrphanFiles) {
    const sweep = sweepOrphanFiles;
    await boss.schedule(SWEEP_QUEUE, sweepCron, {}, { tz: "Europe/Paris" });
    await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: 30 }, async () => {
      const result = await sweep(ORPHAN_AGE_MS, { db, storage });
      if (result.deleted) log(`Fichiers orphelins supprimés : ${result.deleted} (sur ${result.scanned})`);
      return result;
    });
  }

  await registerMonthlyStatementJob(boss, db, log);
  await registerImportQueue(boss, db, { log, shouldStop: () => stopping });

  async function kick(): Promise<void> {
    if (stopping) return;
    try {
      await boss.send(DISPATCH_QUEUE, {});
      boss.notifyWorker(dispatchWorkerId);
    } catch (error) {
      log(`Impossible de planifier l'envoi des e-mails : ${errorText(error)}`);
    }
  }

  async function listen(): Promise<void> {
    if (listener || connecting || stopping) return;
    connecting = true;
    const client = new pg.Client({ connectionString: options.databaseUrl, application_name: "crm-worker-listen" });
    client.on("error", (error) => {
      log(`Écoute des nouveaux e-mails interrompue : ${errorText(error)}`);
      if (listener === client) listener = undefined;
      client.end().catch(() => undefined);
    });
    client.on("notification", () => void kick());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (stopping) await client.end();
      else listener = client;
    } catch (error) {
      log(`Écoute des nouveaux e-mails impossible : ${errorText(error)}`);
      await client.end().catch(() => undefined);
    } finally {
      connecting = false;
    }
  }

  // One pass at a time per instance: a slow pass is not overlapped by the next tick.
  function runReminders(): Promise<void> {
    if (stopping) return Promise.resolve();
    reminderRun ??= (async () => {
      try {
        for (;;) {
          const result = await claimDueReminders(db, { limit: REMINDER_BATCH, appUrl });
          if (result.claimed > 0) {
            log(`Rappels : ${result.claimed} déclenché(s), ${result.notified} notification(s), ${result.emailed} e-mail(s)`);
          }
          if (result.claimed < REMINDER_BATCH || stopping) break;
        }
      } catch (error) {
        log(`Rappels interrompus : ${errorText(error)}`);
      } finally {
        reminderRun = undefined;
      }
    })();
    return reminderRun;
  }

  async function beat(): Promise<void> {
    const now = new Date();
    try {
      await db.workerHeartbeat.upsert({
        where: { id: workerId },
        create: { id: workerId, hostname: os.hostname(), pid: process.pid, startedAt, lastSeenAt: now },
        update: { lastSeenAt: now },
      });
      // Rows of workers gone for a day are history, not supervision.
      await db.workerHeartbeat.deleteMany({ where: { lastSeenAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
    } catch (error) {
      log(`Battement de cœur non enregistré : ${errorText(error)}`);
    }
  }

  await beat();
  heartbeatTimer = setInterval(() => void beat(), options.heartbeatIntervalMs ?? 10_000);
  await listen();
  await kick();
  await runReminders();
  reminderTimer = setInterval(() => void runReminders(), options.reminderIntervalMs ?? 15_000);
  timer = setInterval(() => {
    void listen();
    void kick();
  }, options.dispatchIntervalMs ?? 5000);
  log(
    transport.kind === "smtp"
      ? "Démarré : envoi des e-mails par SMTP"
      : "Démarré : pas de SMTP_URL, les e-mails restent dans la « Boîte d'envoi »",
  );

  let stopped: Promise<void> | undefined;
  return {
    kick,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (timer) clearInterval(timer);
        timer = undefined;
        if (reminderTimer) clearInterval(reminderTimer);
        reminderTimer = undefined;
        if (heartbeatTimer) clearInterval(heartbeatTimer);
        heartbeatTimer = undefined;
        // A pass in progress commits or rolls back before the database client closes.
        await reminderRun;
        const current = listener;
        listener = undefined;
        await current?.end().catch(() => undefined);
        // Lets a dispatch in progress finish its current message, then closes pg-boss's pool.
        await boss.stop({ graceful: true, timeout: 30_000 });
        transport.close();
        await db.workerHeartbeat.deleteMany({ where: { id: workerId } }).catch(() => undefined);
        await db.$disconnect();
        log("Arrêté");
      })();
      return stopped;
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
