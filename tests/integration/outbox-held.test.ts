// After a restore, e-mails that were waiting or in flight are held (« Suspendu après
// restauration »): the worker never sends them by itself; an admin releases or drops each.
import { beforeEach, describe, expect, it } from "vitest";
import { sendingDuration } from "@/lib/mail/labels";
import { DROPPED_AFTER_RESTORE, dropHeldEmail, holdUnsentEmails, releaseHeldEmail } from "@/lib/mail/held";
import { enqueueEmail } from "@/lib/mail/outbox";
import { createMailTransport } from "@/lib/mail/transport";
import { dispatchDueEmails } from "@/lib/worker/dispatch";
import { getTestDb } from "@/tests/setup/db";
import { startSmtpSink } from "@/tests/support/smtp-sink";

const db = getTestDb();

async function enqueue(key: string) {
  const { id } = await db.$transaction((tx) =>
    enqueueEmail(tx, { dedupeKey: key, to: [`${key}@exemple.test`], subject: key, html: "<p>x</p>", text: "x" }),
  );
  return id;
}

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
});

describe("held e-mails", () => {
  it("are never sent by the worker; released ones are, dropped ones stay FAILED", async () => {
    const sink = await startSmtpSink();
    try {
      const pending = await enqueue("pending");
      const inFlight = await enqueue("inflight");
      const sent = await enqueue("sent");
      await db.outboxEmail.update({ where: { id: sent }, data: { status: "SENT", sentAt: new Date() } });
      await db.outboxEmail.update({ where: { id: inFlight }, data: { status: "SENDING", attempts: 1, lastAttemptAt: new Date(Date.now() - 3600_000) } });

      expect(await holdUnsentEmails(db)).toBe(2);
      const options = { transport: createMailTransport({ smtpUrl: sink.url, from: "CRM <no-reply@crm.test>" }), loadAttachment: async () => Buffer.alloc(0) };
      expect(await dispatchDueEmails(db, { ...options, stuckAfterMs: 0 })).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(sink.messages).toHaveLength(0);

      await releaseHeldEmail(db, pending);
      expect(await dispatchDueEmails(db, options)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(sink.messages.map((m) => m.subject)).toEqual(["pending"]);

      await dropHeldEmail(db, inFlight);
      expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: inFlight } })).toMatchObject({ status: "FAILED", lastError: DROPPED_AFTER_RESTORE });
      await expect(releaseHeldEmail(db, inFlight)).rejects.toThrow("Ce message n'est plus suspendu.");
      await expect(dropHeldEmail(db, "absent")).rejects.toThrow("Ce message n'existe plus.");
    } finally {
      await sink.close();
    }
  });

  it("the outbox page says how long a message has been « En cours d'envoi »", () => {
    const now = new Date("2026-12-06T10:00:00Z");
    expect(sendingDuration(new Date("2026-12-06T09:59:48Z"), now)).toBe("12 s");
    expect(sendingDuration(new Date("2026-12-06T09:56:40Z"), now)).toBe("3 min 20 s");
    expect(sendingDuration(new Date("2026-12-06T07:55:00Z"), now)).toBe("2 h 05 min");
  });
});
