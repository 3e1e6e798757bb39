// The e-mail outbox end to end: enqueued in a business transaction, delivered by the worker to a
// real SMTP server (smtp-server on 127.0.0.1), retried with backoff, FAILED after the last try
// with the admins notified, never sent twice even by concurrent workers.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { escapeHtml } from "@/lib/mail/escape";
import { renderEmailLayout } from "@/lib/mail/layout";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createMailTransport } from "@/lib/mail/transport";
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { LocalDiskStorage } from "@/lib/storage/local";
import { startWorker, type WorkerHandle } from "@/lib/worker";
import { claimDueEmails, dispatchDueEmails } from "@/lib/worker/dispatch";
import { createAction, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";
import { linksIn, startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const FROM = "CRM Partenaires <no-reply@crm.test>";

let sink: SmtpSink;
let storageDir: string;
let storage: LocalDiskStorage;
let seq = 0;

function message(overrides: Partial<Parameters<typeof enqueueEmail>[1]> = {}) {
  seq += 1;
  const { html, text } = renderEmailLayout({
    heading: `Message ${seq}`,
    paragraphs: ["Bonjour,", "Voici votre lien."],
    action: { label: "Ouvrir", url: `https://crm.test/onboarding/jeton-${seq}` },
  });
  return { dedupeKey: `test:${seq}`, to: [`client${seq}@exemple.test`], subject: `Sujet ${seq}`, html, text, ...overrides };
}

async function enqueue(input: Parameters<typeof enqueueEmail>[1]) {
  return db.$transaction((tx) => enqueueEmail(tx, input));
}

function smtpDispatch(overrides: Partial<Parameters<typeof dispatchDueEmails>[1]> = {}) {
  return {
    transport: createMailTransport({ smtpUrl: sink.url, from: FROM }),
    loadAttachment: (key: string) => storage.get(key),
    backoffBaseMs: 60_000,
    backoffMaxMs: 3_600_000,
    maxAttempts: 3,
    ...overrides,
  };
}

// Makes every waiting message due now, as if its backoff had elapsed.
async function elapseBackoff() {
  await db.$executeRaw`UPDATE "OutboxEmail" SET "nextAttemptAt" = now() - interval '1 second' WHERE "status" = 'PENDING'`;
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-outbox-"));
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
  await sink.close();
});

describe("enqueueEmail", () => {
  it("queues once per dedupe key, even from concurrent transactions", async () => {
    const input = message();
    const first = await enqueue(input);
    const again = await enqueue({ ...input, subject: "Autre sujet" });
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });

    const racing = message();
    const results = await Promise.all([enqueue(racing), enqueue(racing), enqueue(racing)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.outboxEmail.count()).toBe(2);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, subject: input.subject, toAddresses: input.to });
  });

  it("is part of the caller's transaction: a rollback queues nothing", async () => {
    const input = message();
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, input);
        throw new Error("la modification métier échoue");
      }),
    ).rejects.toThrow("la modification métier échoue");
    expect(await db.outboxEmail.count({ where: { dedupeKey: input.dedupeKey } })).toBe(0);
  });

  it("refuses an invalid address and strips line breaks from the subject", async () => {
    await expect(enqueue(message({ to: ["pas-une-adresse"] }))).rejects.toThrow(/Adresse e-mail invalide/);
    await expect(enqueue(message({ to: ["a@exemple.test\r\nBcc: evil@x.test"] }))).rejects.toThrow(/Adresse e-mail invalide/);
    const { id } = await enqueue(message({ subject: "Dossier\r\nBcc: evil@x.test" }));
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.subject).toBe("Dossier Bcc: evil@x.test");
  });
});

describe("delivery through SMTP", () => {
  it("delivers recipient, subject, link and attachment, with no header injected by a typed name", async () => {
    const pdf = Buffer.from("%PDF-1.4\n% pièce jointe de test\n");
    await storage.put("attachments/test/bilan.pdf", pdf, "application/pdf");
    const evilName = "Dupont\r\nBcc: evil@x.test";
    const { html, text } = renderEmailLayout({
      heading: `Bonjour ${evilName}`,
      paragraphs: [`${evilName} <script>alert(1)</script> vous a recommandé.`],
      action: { label: "Compléter mon dossier", url: "https://crm.test/onboarding/abc123" },
    });
    const { id } = await enqueue({
      dedupeKey: "delivery:1",
      to: [{ address: "client@exemple.test", name: evilName }],
      subject: `Votre dossier ${evilName}`,
      html,
      text,
      attachments: [{ fileName: "bilan\r\nX-Evil: 1.pdf", mimeType: "application/pdf", storageKey: "attachments/test/bilan.pdf" }],
    });

    const result = await dispatchDueEmails(db, smtpDispatch());
    expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);

    expect(mail?.envelope.to).toEqual(["client@exemple.test"]);
    expect(mail?.envelope.from).toBe("no-reply@crm.test");
    expect(mail?.subject).toBe("Votre dossier Dupont Bcc: evil@x.test");
    expect(mail?.bcc).toBeUndefined();
    expect(mail?.headers.has("x-evil")).toBe(false);
    const rawHeaders = mail!.raw.toString("utf8").split(/\r\n\r\n/)[0]!;
    expect(rawHeaders).not.toMatch(/^bcc:/im);
    expect(rawHeaders).not.toMatch(/^x-evil:/im);
    const to = Array.isArray(mail?.to) ? mail?.to[0] : mail?.to;
    expect(to?.value).toEqual([{ address: "client@exemple.test", name: "Dupont Bcc: evil@x.test" }]);

    expect(linksIn(mail!)).toContain("https://crm.test/onboarding/abc123");
    expect(mail?.html).toContain('href="https://crm.test/onboarding/abc123"');
    expect(mail?.html).toContain(escapeHtml("<script>alert(1)</script>"));
    expect(mail?.html).not.toContain("<script>");

    expect(mail?.attachments).toHaveLength(1);
    expect(mail?.attachments[0]?.filename).toBe("bilan X-Evil: 1.pdf");
    expect(mail?.attachments[0]?.contentType).toBe("application/pdf");
    expect(Buffer.compare(mail!.attachments[0]!.content, pdf)).toBe(0);

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "SENT", transport: "smtp", attempts: 1 });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("marks the EMAIL action it carries out done on delivery, not when queued", async () => {
    const refs = await ensureReferenceData(db);
    const emailType = refs.actionTypes.find((t) => t.category === "EMAIL")!;
    const prospect = await createProspect(db);
    const action = await createAction(db, { prospectId: prospect.id, typeId: emailType.id, subject: "Envoi du devis" });
    await enqueue(message({ actionId: action.id }));
    expect((await db.action.findUniqueOrThrow({ where: { id: action.id } })).done).toBe(false);

    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 1, retried: 0, failed: 0 });
    const sent = await db.outboxEmail.findFirstOrThrow({ where: { actionId: action.id } });
    const done = await db.action.findUniqueOrThrow({ where: { id: action.id } });
    expect(done.done).toBe(true);
    expect(done.doneAt?.getTime()).toBe(sent.sentAt?.getTime());
  });

  it("keeps no onboarding token once SMTP has delivered the message; local delivery keeps it readable", async () => {
    const token = "Zk3vQ9x_Lm2-Pt8sWq4rYb7nHc1dJe5fGa6hKi0oUuA";
    const { html, text } = renderEmailLayout({
      heading: "Bienvenue",
      paragraphs: ["Votre lien personnel :"],
      action: { label: "Compléter mon dossier", url: `https://crm.test/onboarding/${token}` },
    });
    const { id } = await enqueue({ dedupeKey: "onboarding-link:redact", to: ["client@exemple.test"], subject: "Lien", html, text });

    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 1, retried: 0, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(linksIn(mail!)).toContain(`https://crm.test/onboarding/${token}`);
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("SENT");
    expect(row.html + row.text).not.toContain(token);
    expect(row.text).toContain("/onboarding/[lien retiré après envoi]");

    const local = await enqueue({ ...message(), dedupeKey: "onboarding-link:local" });
    await dispatchDueEmails(db, { ...smtpDispatch(), transport: createMailTransport({ from: FROM }) });
    const kept = await db.outboxEmail.findUniqueOrThrow({ where: { id: local.id } });
    expect(kept).toMatchObject({ status: "SENT", transport: "local" });
    expect(kept.text).toMatch(/\/onboarding\/jeton-\d+/);
  });

  it("retries with growing delays after SMTP refusals, then marks FAILED and notifies the admins", async () => {
    const admin = await createUser(db, { role: "ADMIN", passwordHash });
    const sales = await createUser(db, { role: "SALES", passwordHash });
    const { id } = await enqueue(message({ subject: "Relance" }));
    sink.failWith({ code: 451, message: "Service temporairement indisponible" });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 2; attempt++) {
      expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 0, retried: 1, failed: 0 });
      const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "PENDING", attempts: attempt });
      expect(row.lastError).toContain("451");
      delays.push(row.nextAttemptAt.getTime() - row.lastAttemptAt!.getTime());
      // Not due yet: a dispatch now sends nothing.
      expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 0, retried: 0, failed: 0 });
      await elapseBackoff();
    }
    expect(delays[0]).toBeGreaterThanOrEqual(59_000);
    expect(delays[0]).toBeLessThanOrEqual(61_000);
    expect(delays[1]).toBeGreaterThanOrEqual(119_000);
    expect(delays[1]).toBeLessThanOrEqual(121_000);

    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 0, retried: 0, failed: 1 });
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 3, sentAt: null });
    expect(failed.lastError).toContain("Service temporairement indisponible");
    expect(sink.messages).toHaveLength(0);
    expect(sink.attempts()).toBe(3);

    const notifications = await db.notification.findMany();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({ userId: admin.id, kind: "SYSTEM", link: `/admin/outbox/${id}`, readAt: null });
    expect(notifications[0]?.body).toContain("Relance");
    expect(notifications.some((n) => n.userId === sales.id)).toBe(false);

    // Nothing more happens to a FAILED message.
    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it("sends a message on a later try once the server accepts again", async () => {
    const { id } = await enqueue(message());
    sink.failWith({ code: 421, message: "Trop de connexions" });
    await dispatchDueEmails(db, smtpDispatch());
    sink.failWith(null);
    await elapseBackoff();
    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("reclaims a message left SENDING by a crashed worker, and gives up on one that keeps crashing", async () => {
    const stuck = await enqueue(message());
    const poison = await enqueue(message());
    await db.$executeRaw`UPDATE "OutboxEmail" SET "status" = 'SENDING', "attempts" = 1, "lastAttemptAt" = now() - interval '20 minutes' WHERE "id" = ${stuck.id}`;
    await db.$executeRaw`UPDATE "OutboxEmail" SET "status" = 'SENDING', "attempts" = 3, "lastAttemptAt" = now() - interval '20 minutes' WHERE "id" = ${poison.id}`;
    const fresh = await enqueue(message());
    await db.$executeRaw`UPDATE "OutboxEmail" SET "status" = 'SENDING', "attempts" = 1, "lastAttemptAt" = now() - interval '1 minute' WHERE "id" = ${fresh.id}`;

    expect(await dispatchDueEmails(db, smtpDispatch({ stuckAfterMs: 10 * 60_000 }))).toEqual({ sent: 1, retried: 0, failed: 1 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({ status: "SENT", attempts: 2 });
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({ status: "FAILED" });
    // Another worker may still be sending this one: left alone.
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "SENDING", attempts: 1 });
    expect(sink.messages).toHaveLength(1);
  });

  it("keeps a message whose attachment cannot be read for a later try", async () => {
    const { id } = await enqueue(
      message({ attachments: [{ fileName: "absent.pdf", mimeType: "application/pdf", storageKey: "attachments/absent/x.pdf" }] }),
    );
    expect(await dispatchDueEmails(db, smtpDispatch())).toEqual({ sent: 0, retried: 1, failed: 0 });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toContain("attachments/absent/x.pdf");
  });
});

describe("concurrent workers", () => {
  it("claim disjoint messages: two dispatchers on two connections send each message exactly once", async () => {
    const count = 40;
    for (let i = 0; i < count; i++) await enqueue(message({ subject: `Concurrent ${i}` }));
    const other: Db = createPrismaClient(getTestDatabaseUrl(), { max: 2 });
    try {
      const results = await Promise.all([
        dispatchDueEmails(db, smtpDispatch({ batchSize: 3 })),
        dispatchDueEmails(other, smtpDispatch({ batchSize: 3 })),
      ]);
      expect(results[0].sent + results[1].sent).toBe(count);
      expect(results[0].sent).toBeGreaterThan(0);
      expect(results[1].sent).toBeGreaterThan(0);
    } finally {
      await other.$disconnect();
    }
    const subjects = sink.messages.map((m) => m.subject);
    expect(subjects).toHaveLength(count);
    expect(new Set(subjects).size).toBe(count);
    expect(await db.outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(count);
  });

  it("a claim skips rows another transaction holds", async () => {
    await enqueue(message());
    await enqueue(message());
    const other: Db = createPrismaClient(getTestDatabaseUrl(), { max: 2 });
    try {
      await other.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "OutboxEmail" ORDER BY "createdAt" LIMIT 1 FOR UPDATE`;
        const claimed = await claimDueEmails(db, 10, 600_000);
        expect(claimed).toHaveLength(1);
        expect(claimed[0]?.id).not.toBe(locked[0]?.id);
      });
    } finally {
      await other.$disconnect();
    }
  });
});

describe("startWorker (pg-boss)", () => {
  const handles: WorkerHandle[] = [];
  const logs: string[] = [];
  const start = async (options: Partial<Parameters<typeof startWorker>[0]> = {}) => {
    const handle = await startWorker({
      databaseUrl: getTestDatabaseUrl(),
      smtpUrl: sink.url,
      mailFrom: FROM,
      storage,
      sweepCron: false,
      pollingIntervalSeconds: 0.5,
      log: (m) => logs.push(m),
      ...options,
    });
    handles.push(handle);
    return handle;
  };

  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.stop()));
  });

  it("sends a committed e-mail within moments, woken by NOTIFY rather than its timer", async () => {
    await start({ dispatchIntervalMs: 60_000 });
    // The worker's first kick has run; only the NOTIFY of this commit can wake it now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const started = Date.now();
    await enqueue(message({ subject: "Réveil par NOTIFY" }));
    const [mail] = await sink.waitFor(1, 5000);
    expect(mail?.subject).toBe("Réveil par NOTIFY");
    expect(Date.now() - started).toBeLessThan(5000);
    await expect.poll(async () => (await db.outboxEmail.findFirst())?.status, { timeout: 3000 }).toBe("SENT");
  });

  it("two running workers deliver each message exactly once", async () => {
    await Promise.all([start({ dispatchIntervalMs: 300 }), start({ dispatchIntervalMs: 300 })]);
    const count = 25;
    await Promise.all(Array.from({ length: count }, (_, i) => enqueue(message({ subject: `Parallèle ${i}` }))));
    await sink.waitFor(count, 20_000);
    // Give a duplicate, if any, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(sink.messages).toHaveLength(count);
    expect(new Set(sink.messages.map((m) => m.subject)).size).toBe(count);
    expect(await db.outboxEmail.count({ where: { status: "SENT" } })).toBe(count);
  });

  it("without SMTP_URL keeps messages as SENT through the local transport, sending nothing", async () => {
    await start({ smtpUrl: null, dispatchIntervalMs: 300 });
    const { id } = await enqueue(message());
    await expect
      .poll(async () => (await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status, { timeout: 5000 })
      .toBe("SENT");
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ transport: "local", attempts: 1 });
    expect(sink.messages).toHaveLength(0);
  });

  it("stops cleanly and is idempotent", async () => {
    const handle = await start();
    await handle.stop();
    await handle.stop();
    expect(logs).toContain("Arrêté");
  });
});

describe("npm run worker", () => {
  it("runs alone on DATABASE_URL, delivers, and exits 0 on SIGTERM", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const child = spawn(
      process.execPath,
      // The command behind `npm run worker` (package.json).
      ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: getTestDatabaseUrl(), SMTP_URL: sink.url, MAIL_FROM: FROM, STORAGE_DIR: storageDir },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 20_000 }).toContain("Démarré");
      await enqueue(message({ subject: "Depuis npm run worker" }));
      const [mail] = await sink.waitFor(1, 10_000);
      expect(mail?.subject).toBe("Depuis npm run worker");
    } finally {
      child.kill("SIGTERM");
    }
    const code = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain("Arrêté");
  }, 40_000);
});
