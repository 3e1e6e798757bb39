// Task reminders: setting, moving and removing the alarm; the worker's claim (at least once,
// shown once) with two concurrent claimers and after an outage; the toast hand-out; and the
// worker loop.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient } from "@/lib/prisma-client";
import { claimDueReminders } from "@/lib/reminders/claim-reminders";
import { reminderFormSchema } from "@/lib/reminders/schemas";
import { REMINDER_IN_PAST, REMINDER_ON_DONE_TASK, setReminder } from "@/lib/reminders/set-reminder";
import { claimToasts } from "@/lib/reminders/toasts";
import { utcToParisLocalInput } from "@/lib/dates";
import { LocalDiskStorage } from "@/lib/storage/local";
import { startWorker, type WorkerHandle } from "@/lib/worker";
import { createAction, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { setReminderAction } = await import("@/lib/reminders/actions");
const { POST: postToasts } = await import("@/app/api/notifications/toasts/route");
const toastsRoute = (headers: Record<string, string> = {}) =>
  postToasts(new Request("http://localhost:3000/api/notifications/toasts", { method: "POST", headers }));

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type U = Awaited<ReturnType<typeof createUser>>;
const actorOf = (u: U): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let sales: U;
let sales2: U;
let partnerA: U;
let partnerB: U;
let typeId: string;
let prospectId: string;
let partnerProspectId: string;

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  typeId = ref.actionTypes[0]!.id;
  const orgA = await createPartner(db);
  const orgB = await createPartner(db);
  sales = await createUser(db, { role: "SALES", passwordHash, name: "Alice Commerciale", email: "alice@exemple.test" });
  sales2 = await createUser(db, { role: "SALES", passwordHash, name: "Bruno Commercial" });
  partnerA = await createUser(db, { role: "PARTNER", partnerId: orgA.id, passwordHash });
  partnerB = await createUser(db, { role: "PARTNER", partnerId: orgB.id, passwordHash });
  prospectId = (await createProspect(db, { name: "Dupont <SA>" })).id;
  partnerProspectId = (await createProspect(db, { name: "Martin SARL", partnerId: orgA.id })).id;
});

beforeEach(async () => {
  await db.notification.deleteMany();
  await db.outboxEmail.deleteMany();
  await db.auditEvent.deleteMany();
  await db.action.deleteMany();
  session.actor = null;
});

async function task(
  data: Partial<{ subject: string; dueAt: Date | null; assigneeId: string | null; createdById: string | null; reminderAt: Date | null; reminderByEmail: boolean; done: boolean; prospectId: string }> = {},
) {
  return createAction(db, {
    prospectId,
    typeId,
    subject: "Rappeler la DAF",
    assigneeId: sales.id,
    createdById: sales.id,
    dueAt: new Date("2026-11-30T14:00:00Z"),
    ...data,
  });
}

const parisIn = (ms: number) => utcToParisLocalInput(new Date(Date.now() + ms));
const values = (input: { actionId: string; reminderAt: string; byEmail?: boolean }) => reminderFormSchema.parse(input);

describe("setReminder", () => {
  it("sets the alarm typed in Paris time, audits it, and moving it re-arms a fired one", async () => {
    const t = await task();
    const at = parisIn(2 * HOUR);
    const first = await setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: at, byEmail: true }));
    expect(utcToParisLocalInput(first.reminderAt!)).toBe(at);
    expect(first.reminderByEmail).toBe(true);
    let row = await db.action.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.reminderAt?.toISOString()).toBe(first.reminderAt!.toISOString());
    expect(row.reminderByEmail).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: t.id } });
    expect(audit).toMatchObject({ action: "UPDATE", prospectId, actorId: sales.id });
    expect(audit.changes).toMatchObject({ reminderAt: { from: null, to: first.reminderAt!.toISOString() }, reminderByEmail: { from: false, to: true } });

    // It fires; moving it to a new time clears reminderSentAt so it fires again then.
    await db.action.update({ where: { id: t.id }, data: { reminderSentAt: new Date() } });
    const moved = await setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: parisIn(3 * HOUR), byEmail: true }));
    row = await db.action.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.reminderAt?.toISOString()).toBe(moved.reminderAt!.toISOString());
    expect(row.reminderSentAt).toBeNull();

    // Same time, only the e-mail choice changes: a fired alarm stays fired.
    await db.action.update({ where: { id: t.id }, data: { reminderSentAt: new Date() } });
    await setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: utcToParisLocalInput(moved.reminderAt!), byEmail: false }));
    row = await db.action.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.reminderByEmail).toBe(false);
    expect(row.reminderSentAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: t.id } })).toBe(3);
  });

  it("removes the alarm: it never fires", async () => {
    const t = await task({ reminderAt: new Date(Date.now() + HOUR), reminderByEmail: true });
    const result = await setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: "" }));
    expect(result).toEqual({ reminderAt: null, reminderByEmail: false });
    const row = await db.action.findUniqueOrThrow({ where: { id: t.id } });
    expect(row).toMatchObject({ reminderAt: null, reminderByEmail: false, reminderSentAt: null });
    expect(await claimDueReminders(db, { now: new Date(Date.now() + 2 * HOUR) })).toMatchObject({ claimed: 0 });
  });

  it("refuses a time in the past, a task already done, and another partner's task", async () => {
    const t = await task();
    await expect(setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: parisIn(-2 * HOUR) }))).rejects.toMatchObject({
      code: "VALIDATION",
      message: REMINDER_IN_PAST,
    });
    const done = await task({ done: true });
    await expect(setReminder(db, actorOf(sales), values({ actionId: done.id, reminderAt: parisIn(HOUR) }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: REMINDER_ON_DONE_TASK,
    });
    const partnerTask = await task({ prospectId: partnerProspectId, assigneeId: partnerA.id, createdById: partnerA.id });
    await expect(
      setReminder(db, actorOf(partnerB), values({ actionId: partnerTask.id, reminderAt: parisIn(HOUR) })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The partner who owns the prospect may set one on its own action.
    const own = await setReminder(db, actorOf(partnerA), values({ actionId: partnerTask.id, reminderAt: parisIn(HOUR) }));
    expect(own.reminderAt).toBeInstanceOf(Date);
    expect((await db.action.findUniqueOrThrow({ where: { id: t.id } })).reminderAt).toBeNull();
  });
});

describe("setReminderAction", () => {
  it("authenticates, validates in French and saves", async () => {
    const t = await task();
    expect(await setReminderAction({ actionId: t.id, reminderAt: parisIn(HOUR), byEmail: false })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/session a expiré/),
    });
    session.actor = actorOf(sales);
    expect(await setReminderAction({ actionId: t.id, reminderAt: "31/02/2026", byEmail: false })).toMatchObject({
      ok: false,
      fieldErrors: { reminderAt: ["Date ou heure du rappel invalide."] },
    });
    expect(await setReminderAction({ actionId: t.id, reminderAt: parisIn(-HOUR), byEmail: false })).toMatchObject({
      ok: false,
      error: REMINDER_IN_PAST,
      fieldErrors: { reminderAt: [REMINDER_IN_PAST] },
    });
    const saved = await setReminderAction({ actionId: t.id, reminderAt: parisIn(HOUR), byEmail: true });
    expect(saved).toMatchObject({ ok: true, data: { reminderByEmail: true } });
    expect(await setReminderAction({ actionId: "inconnue", reminderAt: "", byEmail: false })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/n'existe pas/),
    });
  });
});

describe("claimDueReminders", () => {
  it("after an outage, fires a reminder due an hour ago once: the assignee's notification, then nothing", async () => {
    const reminderAt = new Date(Date.now() - HOUR);
    const t = await task({ subject: "Relancer le devis", reminderAt, dueAt: new Date("2026-11-30T14:00:00Z") });
    const first = await claimDueReminders(db);
    expect(first).toEqual({ claimed: 1, notified: 1, emailed: 0 });
    const again = await claimDueReminders(db);
    expect(again).toEqual({ claimed: 0, notified: 0, emailed: 0 });

    const notifications = await db.notification.findMany();
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      userId: sales.id,
      kind: "REMINDER",
      title: "Rappel : Relancer le devis",
      body: "Dupont <SA> — échéance le 30/11/2026 15:00",
      link: `/actions/${t.id}`,
      dedupeKey: `reminder:${t.id}:${sales.id}:${reminderAt.toISOString()}`,
      shownAt: null,
      readAt: null,
    });
    expect((await db.action.findUniqueOrThrow({ where: { id: t.id } })).reminderSentAt).not.toBeNull();
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("with two claimers on two connections, each reminder reaches each user exactly once", async () => {
    const past = Date.now() - 10 * MINUTE;
    await db.action.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        prospectId,
        typeId,
        subject: `Tâche ${i}`,
        assigneeId: i % 2 === 0 ? sales.id : sales2.id,
        createdById: sales.id,
        reminderAt: new Date(past + i * 1000),
        reminderByEmail: i % 4 === 0,
      })),
    });
    const a = createPrismaClient(getTestDatabaseUrl(), { max: 2 });
    const b = createPrismaClient(getTestDatabaseUrl(), { max: 2 });
    try {
      const results = await Promise.all([
        claimDueReminders(a, { limit: 7 }),
        claimDueReminders(b, { limit: 7 }),
        claimDueReminders(a, { limit: 7 }),
        claimDueReminders(b, { limit: 7 }),
      ]);
      let rest = 0;
      for (;;) {
        const [x, y] = await Promise.all([claimDueReminders(a, { limit: 7 }), claimDueReminders(b, { limit: 7 })]);
        rest += x.claimed + y.claimed;
        if (x.claimed + y.claimed === 0) break;
      }
      expect(results.reduce((sum, r) => sum + r.claimed, 0) + rest).toBe(40);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
    const notifications = await db.notification.findMany({ select: { userId: true, link: true } });
    expect(notifications).toHaveLength(40);
    expect(new Set(notifications.map((n) => n.link)).size).toBe(40);
    expect(notifications.filter((n) => n.userId === sales.id)).toHaveLength(20);
    expect(await db.outboxEmail.count()).toBe(10);
    expect(await db.action.count({ where: { reminderSentAt: null } })).toBe(0);
  });

  it("skips a reminder another transaction holds, and takes it once released", async () => {
    const t = await task({ reminderAt: new Date(Date.now() - MINUTE) });
    const other = createPrismaClient(getTestDatabaseUrl(), { max: 1 });
    try {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = other.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Action" WHERE id = ${t.id} FOR UPDATE`;
          locked();
          await held;
        },
        { timeout: 20_000 },
      );
      await isLocked;
      expect(await claimDueReminders(db)).toMatchObject({ claimed: 0 });
      release();
      await holder;
      expect(await claimDueReminders(db)).toMatchObject({ claimed: 1, notified: 1 });
    } finally {
      await other.$disconnect();
    }
  });

  it("is shown once even if the same alarm is claimed again after a crash; a moved alarm fires anew", async () => {
    const reminderAt = new Date(Date.now() - 5 * MINUTE);
    const t = await task({ reminderAt, reminderByEmail: true });
    expect(await claimDueReminders(db)).toEqual({ claimed: 1, notified: 1, emailed: 1 });
    // As if the row had come back unsent (a crash after the notification was written).
    await db.action.update({ where: { id: t.id }, data: { reminderSentAt: null } });
    expect(await claimDueReminders(db)).toEqual({ claimed: 1, notified: 0, emailed: 0 });
    expect(await db.notification.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);

    await setReminder(db, actorOf(sales), values({ actionId: t.id, reminderAt: parisIn(2 * MINUTE), byEmail: true }));
    expect(await claimDueReminders(db)).toMatchObject({ claimed: 0 });
    expect(await claimDueReminders(db, { now: new Date(Date.now() + 5 * MINUTE) })).toEqual({ claimed: 1, notified: 1, emailed: 1 });
    expect(await db.notification.count()).toBe(2);
    expect(await db.outboxEmail.count()).toBe(2);
  });

  it("never fires for a task done or deleted, nor before its time", async () => {
    const past = new Date(Date.now() - HOUR);
    await task({ subject: "Faite", reminderAt: past, done: true });
    const deleted = await task({ subject: "Supprimée", reminderAt: past });
    await db.action.delete({ where: { id: deleted.id } });
    const gone = await createProspect(db, { name: "Supprimé SA" });
    await task({ subject: "Prospect supprimé", reminderAt: past, prospectId: gone.id });
    await db.prospect.delete({ where: { id: gone.id } });
    await task({ subject: "Plus tard", reminderAt: new Date(Date.now() + HOUR) });
    await task({ subject: "Sans rappel" });

    expect(await claimDueReminders(db)).toEqual({ claimed: 0, notified: 0, emailed: 0 });
    expect(await db.notification.count()).toBe(0);
    const later = await claimDueReminders(db, { now: new Date(Date.now() + 2 * HOUR) });
    expect(later).toMatchObject({ claimed: 1, notified: 1 });
    expect((await db.notification.findFirstOrThrow()).title).toBe("Rappel : Plus tard");
  });

  it("notifies the creator of an unassigned task, and nobody for a deactivated assignee", async () => {
    const past = new Date(Date.now() - MINUTE);
    const unassigned = await task({ subject: "Sans responsable", assigneeId: null, createdById: sales2.id, reminderAt: past });
    const inactive = await createUser(db, { role: "SALES", passwordHash, active: false });
    await task({ subject: "Compte désactivé", assigneeId: inactive.id, reminderAt: past, reminderByEmail: true });
    expect(await claimDueReminders(db)).toEqual({ claimed: 2, notified: 1, emailed: 0 });
    expect(await db.notification.findFirstOrThrow()).toMatchObject({ userId: sales2.id, link: `/actions/${unassigned.id}` });
  });

  it("queues one e-mail when asked, escaped, linking to the task", async () => {
    const reminderAt = new Date(Date.now() - MINUTE);
    const t = await task({ subject: "Appeler <script>alert(1)</script>", reminderAt, reminderByEmail: true });
    expect(await claimDueReminders(db, { appUrl: "https://crm.exemple.test/" })).toEqual({ claimed: 1, notified: 1, emailed: 1 });
    const email = await db.outboxEmail.findFirstOrThrow();
    expect(email).toMatchObject({
      dedupeKey: `reminder:${t.id}:${reminderAt.toISOString()}`,
      toAddresses: ['"Alice Commerciale" <alice@exemple.test>'],
      subject: "Rappel : Appeler <script>alert(1)</script>",
      status: "PENDING",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("Appeler &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(email.html).toContain("Dupont &lt;SA&gt;");
    expect(email.html).toContain(`https://crm.exemple.test/actions/${t.id}`);
    expect(email.text).toContain(`Ouvrir la tâche : https://crm.exemple.test/actions/${t.id}`);
    // The e-mail is not the action's own delivery: the task stays to do.
    expect(email.actionId).toBeNull();
  });
});

describe("toasts", () => {
  async function notification(userId: string, data: { kind?: "REMINDER" | "ASSIGNMENT" | "PROSPECT_READY"; title?: string; createdAt?: Date } = {}) {
    return db.notification.create({
      data: { userId, kind: data.kind ?? "REMINDER", title: data.title ?? "Rappel : Tâche", link: "/actions/x", createdAt: data.createdAt },
    });
  }

  it("hands each recent reminder or assignment out once, to its user only", async () => {
    await notification(sales.id, { title: "Rappel : Un" });
    await notification(sales.id, { kind: "ASSIGNMENT", title: "Nouvelle tâche" });
    await notification(sales.id, { kind: "PROSPECT_READY", title: "Dossier prêt" });
    await notification(sales.id, { title: "Trop ancien", createdAt: new Date(Date.now() - 25 * HOUR) });
    await notification(sales2.id, { title: "Rappel : Bruno" });

    const first = await claimToasts(db, sales.id);
    expect(first.map((t) => t.title)).toEqual(["Rappel : Un", "Nouvelle tâche"]);
    expect(first[0]).toMatchObject({ kind: "REMINDER", link: "/actions/x" });
    expect(await claimToasts(db, sales.id)).toEqual([]);
    // Shown is not read: the bell still counts them.
    expect(await db.notification.count({ where: { userId: sales.id, readAt: null } })).toBe(4);
    expect((await claimToasts(db, sales2.id)).map((t) => t.title)).toEqual(["Rappel : Bruno"]);
  });

  it("two tabs polling at once get each toast once between them", async () => {
    for (let i = 0; i < 6; i += 1) await notification(sales.id, { title: `Rappel ${i}` });
    const other = createPrismaClient(getTestDatabaseUrl(), { max: 1 });
    try {
      const [a, b, c] = await Promise.all([claimToasts(db, sales.id), claimToasts(other, sales.id), claimToasts(db, sales.id)]);
      const titles = [...a, ...b, ...c].map((t) => t.title).sort();
      expect(titles).toEqual(["Rappel 0", "Rappel 1", "Rappel 2", "Rappel 3", "Rappel 4", "Rappel 5"]);
    } finally {
      await other.$disconnect();
    }
  });

  it("POST /api/notifications/toasts: 401 when signed out, refused cross-site, then each toast once", async () => {
    await notification(sales.id, { title: "Rappel : Route" });
    const anonymous = await toastsRoute();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ error: "Non connecté." });

    session.actor = actorOf(sales);
    const crossSite = await toastsRoute({ "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const response = await toastsRoute({ "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { toasts: { title: string; link: string; kind: string; createdAt: string }[] };
    expect(body.toasts).toHaveLength(1);
    expect(body.toasts[0]).toMatchObject({ title: "Rappel : Route", kind: "REMINDER", link: "/actions/x" });
    expect(await (await toastsRoute()).json()).toEqual({ toasts: [] });
  });

  it("a reminder claimed by the worker pops up once", async () => {
    await task({ subject: "De bout en bout", reminderAt: new Date(Date.now() - MINUTE) });
    await claimDueReminders(db);
    session.actor = actorOf(sales);
    const body = (await (await toastsRoute()).json()) as { toasts: { title: string }[] };
    expect(body.toasts.map((t) => t.title)).toEqual(["Rappel : De bout en bout"]);
    expect(await (await toastsRoute()).json()).toEqual({ toasts: [] });
  });
});

describe("startWorker's reminder loop", () => {
  let storageDir: string;
  let handle: WorkerHandle | undefined;
  const logs: string[] = [];

  beforeAll(async () => {
    storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-reminders-"));
  });

  afterAll(async () => {
    await handle?.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  it("fires at start what fell due while it was down, then keeps looking; stops cleanly", async () => {
    const missed = await task({ subject: "Pendant la panne", reminderAt: new Date(Date.now() - HOUR) });
    handle = await startWorker({
      databaseUrl: getTestDatabaseUrl(),
      smtpUrl: null,
      storage: new LocalDiskStorage(storageDir),
      sweepCron: false,
      pollingIntervalSeconds: 0.5,
      dispatchIntervalMs: 60_000,
      reminderIntervalMs: 200,
      log: (m) => logs.push(m),
    });
    // The first pass ran before startWorker returned.
    expect(await db.notification.findMany({ select: { link: true } })).toEqual([{ link: `/actions/${missed.id}` }]);

    const later = await task({ subject: "Pendant le service", reminderAt: new Date(Date.now() + 300) });
    await expect.poll(async () => db.notification.count({ where: { link: `/actions/${later.id}` } }), { timeout: 5000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await db.notification.count()).toBe(2);
    expect(logs.some((m) => m.startsWith("Rappels : 1 déclenché(s)"))).toBe(true);

    await handle.stop();
    handle = undefined;
    expect(logs).toContain("Arrêté");
    // Stopped: nothing fires any more.
    await task({ subject: "Après l'arrêt", reminderAt: new Date(Date.now() - MINUTE) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await db.notification.count()).toBe(2);
  });
});
