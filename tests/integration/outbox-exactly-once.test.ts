// The failures an operator met (issue 11): a worker killed while the relay holds its reply, two
// workers on a slow relay, a 5xx retried like a 4xx, a new Message-ID on every attempt. Each is
// reproduced here against a real SMTP server (smtp-server on 127.0.0.1).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { renderEmailLayout } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createMailTransport, smtpQueueId } from "@/lib/mail/transport";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { LocalDiskStorage } from "@/lib/storage/local";
import { dispatchDueEmails } from "@/lib/worker/dispatch";
import { createUser } from "@/tests/factories";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";
import { startSmtpSink, type CapturedMessage, type SmtpSink } from "@/tests/support/smtp-sink";

const db = getTestDb();
const FROM = "CRM Partenaires <no-reply@crm.test>";
const root = path.resolve(import.meta.dirname, "../..");
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

let sink: SmtpSink;
let storageDir: string;
let storage: LocalDiskStorage;
let seq = 0;
const children: ChildProcess[] = [];

async function enqueueMany(count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    seq += 1;
    const { html, text } = renderEmailLayout({ heading: `Message ${seq}`, paragraphs: ["Bonjour,"] });
    const { id } = await db.$transaction((tx) =>
      enqueueEmail(tx, { dedupeKey: `${prefix}:${seq}`, to: [`${prefix}${i}@exemple.test`], subject: `${prefix} ${i}`, html, text }),
    );
    ids.push(id);
  }
  return ids;
}

function byRecipient(messages: CapturedMessage[]): Map<string, CapturedMessage[]> {
  const map = new Map<string, CapturedMessage[]>();
  for (const m of messages) {
    for (const to of m.envelope.to) map.set(to, [...(map.get(to) ?? []), m]);
  }
  return map;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// The command behind `npm run worker`, configured the way an operator would.
function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: getTestDatabaseUrl(),
      SMTP_URL: sink.url,
      MAIL_FROM: FROM,
      STORAGE_DIR: storageDir,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  children.push(child);
  return child;
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-once-"));
  storage = new LocalDiskStorage(storageDir);
});

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(async () => {
  sink = await startSmtpSink();
  await db.notification.deleteMany();
  await db.outboxEmail.deleteMany();
});

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }
  await sink.close();
});

describe("SMTP replies", () => {
  it("records the relay's acceptance and queue id, with a Message-ID derived from the outbox row", async () => {
    const [id] = await enqueueMany(1, "accepted");
    const transport = createMailTransport({ smtpUrl: sink.url, from: FROM });
    expect(await dispatchDueEmails(db, { transport, loadAttachment: (k) => storage.get(k) })).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.messageId).toBe(`<${id}@crm.test>`);
    expect(mail?.messageId).toBe(row.messageId);
    expect(row).toMatchObject({ status: "SENT", smtpQueueId: "Q000001", leaseOwner: null, leaseUntil: null });
    expect(row.smtpResponse).toMatch(/^250 .*queued as Q000001/);
  });

  it("keeps the same Message-ID on a retry after a 4xx", async () => {
    const [id] = await enqueueMany(1, "retry");
    const transport = createMailTransport({ smtpUrl: sink.url, from: FROM });
    const options = { transport, loadAttachment: (k: string) => storage.get(k) };
    sink.failWith({ code: 451, message: "Essayez plus tard" });
    expect(await dispatchDueEmails(db, options)).toEqual({ sent: 0, retried: 1, failed: 0 });
    const first = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    sink.failWith(null);
    await db.$executeRaw`UPDATE "OutboxEmail" SET "nextAttemptAt" = now() WHERE "id" = ${id}`;
    expect(await dispatchDueEmails(db, options)).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(first.messageId).toBe(`<${id}@crm.test>`);
    expect(mail?.messageId).toBe(first.messageId);
  });

  it("treats a 5xx as final: FAILED after one attempt, admins notified", async () => {
    const admin = await createUser(db, { role: "ADMIN", passwordHash });
    const [id] = await enqueueMany(1, "refused");
    sink.failWith({ code: 550, message: "Boîte inconnue" });
    const transport = createMailTransport({ smtpUrl: sink.url, from: FROM });
    expect(await dispatchDueEmails(db, { transport, loadAttachment: (k) => storage.get(k), maxAttempts: 8 })).toEqual({
      sent: 0,
      retried: 0,
      failed: 1,
    });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain("550");
    expect(sink.attempts()).toBe(1);
    const notes = await db.notification.findMany({ where: { userId: admin.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]?.link).toBe(`/admin/outbox/${id}`);
  });

  it("reads the queue id of the usual relays", () => {
    expect(smtpQueueId("250 2.0.0 Ok: queued as 4XyZ12AbC")).toBe("4XyZ12AbC");
    expect(smtpQueueId("250 OK id=1tAbCd-000123-4X")).toBe("1tAbCd-000123-4X");
    expect(smtpQueueId("250 2.6.0 <a1b2@mail.example> [InternalId=1] Queued mail for delivery")).toBe("a1b2@mail.example");
    expect(smtpQueueId("250 Accepted")).toBeNull();
  });
});

describe("slow relay, two workers", () => {
  it("never lets the second worker take a message the first is still sending", async () => {
    // Every reply takes 700 ms while the lease is 450 ms and the grace 150 ms: without lease
    // renewal the tail of each claimed batch looks abandoned long before its turn comes.
    sink.setReplyDelay(700);
    const count = 8;
    await enqueueMany(count, "slow");
    const other: Db = createPrismaClient(getTestDatabaseUrl(), { max: 2 });
    const settings = { batchSize: 4, leaseMs: 450, stuckAfterMs: 150 };
    const transport = createMailTransport({ smtpUrl: sink.url, from: FROM });
    const runUntilDone = async (client: Db) => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        await dispatchDueEmails(client, { ...settings, transport, loadAttachment: (k) => storage.get(k) });
        if ((await db.outboxEmail.count({ where: { status: { not: "SENT" } } })) === 0) return;
        await sleep(100);
      }
    };
    try {
      await Promise.all([runUntilDone(db), runUntilDone(other)]);
    } finally {
      await other.$disconnect();
    }
    await sleep(800);
    const perRecipient = byRecipient(sink.messages);
    expect(perRecipient.size).toBe(count);
    for (const [, copies] of perRecipient) expect(copies).toHaveLength(1);
    expect(await db.outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(count);
  });
});

describe("worker killed while the relay holds its reply", () => {
  it("resends only after the grace period, with the same Message-ID; the other messages go once", { timeout: 60_000 }, async () => {
    sink.setReplyDelay(60_000);
    const ids = await enqueueMany(3, "crash");
    const settings = { SMTP_LEASE_SECONDS: "2", SMTP_STUCK_AFTER_SECONDS: "3", SMTP_BATCH_SIZE: "1" };
    const first = spawnWorker(settings);
    // The relay has the first body and sits on its reply: kill -9 right inside that window.
    await sink.waitFor(1, 20_000);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const killedAt = Date.now();
    const inFlight = await db.outboxEmail.findFirstOrThrow({ where: { status: "SENDING" } });
    expect(inFlight.messageId).toBe(`<${inFlight.id}@crm.test>`);

    sink.setReplyDelay(0);
    spawnWorker(settings);
    await expect
      .poll(async () => db.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } }), { timeout: 30_000, interval: 250 })
      .toBe(3);
    await sleep(500);

    const perRecipient = byRecipient(sink.messages);
    expect(perRecipient.size).toBe(3);
    const duplicated = [...perRecipient.values()].filter((copies) => copies.length > 1);
    // The limit of SMTP, stated in the README: at most one duplicate, same Message-ID.
    expect(duplicated).toHaveLength(1);
    expect(duplicated[0]).toHaveLength(2);
    expect(duplicated[0]!.map((m) => m.messageId)).toEqual([inFlight.messageId, inFlight.messageId]);
    for (const copies of perRecipient.values()) expect(new Set(copies.map((m) => m.messageId)).size).toBe(1);

    const resent = await db.outboxEmail.findUniqueOrThrow({ where: { id: inFlight.id } });
    expect(resent).toMatchObject({ status: "SENT", attempts: 2 });
    expect(resent.smtpQueueId).toMatch(/^Q\d+$/);
    // Not before the lease (2 s) plus the grace (3 s) ran out.
    expect(resent.lastAttemptAt!.getTime()).toBeGreaterThanOrEqual(inFlight.lastAttemptAt!.getTime() + 5000 - 50);
    expect(Date.now() - killedAt).toBeGreaterThan(2000);
  });
});
