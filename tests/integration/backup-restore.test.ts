// `npm run backup` during writes → `npm run restore` into an empty database and file store →
// row counts and SHA-256 match the manifest, and no e-mail leaves by itself (issue 11).
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createMailTransport } from "@/lib/mail/transport";
import { createBackup } from "@/lib/operations/backup/create-backup";
import { sha256 } from "@/lib/operations/backup/manifest";
import { restoreBackup } from "@/lib/operations/backup/restore-backup";
import { createPrismaClient } from "@/lib/prisma-client";
import { LocalDiskStorage } from "@/lib/storage/local";
import { dispatchDueEmails } from "@/lib/worker/dispatch";
import { createContact, createProspect, createUser } from "@/tests/factories";
import { createThrowawayDatabase, getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";
import { startSmtpSink } from "@/tests/support/smtp-sink";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "crm-backup-test-"));
  await chmod(tmp, 0o755);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("backs up during writes, restores into an empty database, matches the manifest, sends nothing", { timeout: 120_000 }, async () => {
    const source = new LocalDiskStorage(path.join(tmp, "uploads-source"));
    const user = await createUser(db, { role: "SALES", passwordHash });
    for (let i = 0; i < 5; i++) {
      const prospect = await createProspect(db);
      await createContact(db, { prospectId: prospect.id });
      const data = randomBytes(2048 + i);
      const key = `attachments/${prospect.id}/${i}.pdf`;
      await source.put(key, data, "application/pdf");
      await db.attachment.create({
        data: { prospectId: prospect.id, fileName: `piece-${i}.pdf`, mimeType: "application/pdf", sizeBytes: data.length, sha256: sha256(data), storageKey: key, uploadedById: user.id },
      });
    }
    const { id: waiting } = await db.$transaction((tx) =>
      enqueueEmail(tx, { dedupeKey: "backup:waiting", to: ["client@exemple.test"], subject: "En attente", html: "<p>x</p>", text: "x" }),
    );
    const { id: inFlight } = await db.$transaction((tx) =>
      enqueueEmail(tx, { dedupeKey: "backup:inflight", to: ["autre@exemple.test"], subject: "En vol", html: "<p>x</p>", text: "x" }),
    );
    await db.outboxEmail.update({ where: { id: inFlight }, data: { status: "SENDING", attempts: 1, lastAttemptAt: new Date() } });

    // Writes keep coming while the backup runs.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await createProspect(db);
        written += 1;
      }
    })();
    const archive = path.join(tmp, "sauvegarde.tar.gz");
    const manifest = await createBackup({
      databaseUrl: getTestDatabaseUrl(),
      storage: source,
      secrets: { "nextauth-secret": "secret-de-test-0123456789abcdef0123" },
      outFile: archive,
    });
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(0);
    expect((await stat(archive)).mode & 0o077).toBe(0);
    expect(manifest.files).toHaveLength(5);
    expect(manifest.tables.Attachment).toBe(5);
    expect(manifest.tables.Prospect).toBeGreaterThanOrEqual(5);
    expect(manifest.tables.WorkerHeartbeat).toBeUndefined();

    const target = await createThrowawayDatabase();
    const restoredStorage = new LocalDiskStorage(path.join(tmp, "uploads-restored"));
    const sink = await startSmtpSink();
    try {
      const result = await restoreBackup({ archive, databaseUrl: target.url, storage: restoredStorage });
      expect(result.heldEmails).toBe(2);
      expect(result.secrets).toEqual({ "nextauth-secret": "secret-de-test-0123456789abcdef0123" });

      const restored = createPrismaClient(target.url, { max: 2 });
      try {
        // Counts as in the manifest, table by table (restoreBackup checked them too).
        for (const [table, count] of Object.entries(manifest.tables)) {
          const rows = await restored.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}"`);
          expect(Number(rows[0]?.n), table).toBe(count);
        }
        for (const file of manifest.files) expect(sha256(await restoredStorage.get(file.key))).toBe(file.sha256);
        const attachments = await restored.attachment.findMany();
        for (const a of attachments) expect(sha256(await restoredStorage.get(a.storageKey))).toBe(a.sha256);

        // The copy is another installation: its uploads and sweep use a prefix of their own.
        const [original, copy] = await Promise.all([db.installation.findFirstOrThrow(), restored.installation.findFirstOrThrow()]);
        expect(copy.installId).toMatch(/^[0-9a-f]{32}$/);
        expect(copy.installId).not.toBe(original.installId);
        expect(await restored.outboxEmail.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ status: "HELD" });
        expect(await restored.outboxEmail.findUniqueOrThrow({ where: { id: inFlight } })).toMatchObject({ status: "HELD" });
        // A worker on the restored copy sends nothing by itself, even past every grace period.
        const outcome = await dispatchDueEmails(restored, {
          transport: createMailTransport({ smtpUrl: sink.url, from: "CRM <no-reply@crm.test>" }),
          loadAttachment: (key) => restoredStorage.get(key),
          stuckAfterMs: 0,
        });
        expect(outcome).toEqual({ sent: 0, retried: 0, failed: 0 });
        expect(sink.messages).toHaveLength(0);
      } finally {
        await restored.$disconnect();
      }

      // Never over existing data.
      await expect(restoreBackup({ archive, databaseUrl: target.url, storage: restoredStorage })).rejects.toThrow(
        /La base cible n'est pas vide/,
      );
    } finally {
      await sink.close();
      await target.drop();
    }
  });
});
