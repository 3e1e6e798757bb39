// In-app notifications: who gets them, idempotency, and that a user only ever sees, reads or
// follows their own.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { notifySalesTeam, notifyUsers } from "@/lib/notifications/notify";
import { unreadLabel } from "@/lib/notifications/labels";
import { countUnreadNotifications, findNotifications } from "@/lib/notifications/queries";
import { parseKeysetRequest } from "@/lib/pagination/keyset";
import { createPartner, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { markAllNotificationsReadAction, markNotificationReadAction } = await import("@/lib/notifications/actions");
const { POST: openNotification } = await import("@/app/(app)/notifications/[id]/route");
const { GET: unreadCount } = await import("@/app/api/notifications/unread-count/route");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

type U = Awaited<ReturnType<typeof createUser>>;
const actorOf = (u: U): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let sales: U;
let sales2: U;
let manager: U;
let inactiveSales: U;
let admin: U;
let partner: U;

beforeAll(async () => {
  const org = await createPartner(db);
  sales = await createUser(db, { role: "SALES", passwordHash });
  sales2 = await createUser(db, { role: "SALES", passwordHash });
  manager = await createUser(db, { role: "MANAGER", passwordHash });
  inactiveSales = await createUser(db, { role: "SALES", passwordHash, active: false });
  admin = await createUser(db, { role: "ADMIN", passwordHash });
  partner = await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash });
});

beforeEach(async () => {
  await db.notification.deleteMany();
  session.actor = null;
});

describe("notifySalesTeam / notifyUsers", () => {
  it("notifies every active SALES and MANAGER user once, even when called again in a retry", async () => {
    const input = { kind: "PROSPECT_READY" as const, title: "Dossier prêt : Dupont SA", body: "Par Cabinet X", link: "/prospects/p1", dedupeKeyPrefix: "ready:p1:2026" };
    const first = await db.$transaction((tx) => notifySalesTeam(tx, input));
    const again = await db.$transaction((tx) => notifySalesTeam(tx, input));
    expect(first.created).toBe(3);
    expect(again.created).toBe(0);
    const rows = await db.notification.findMany({ orderBy: { userId: "asc" } });
    expect(rows.map((r) => r.userId).sort()).toEqual([sales.id, sales2.id, manager.id].sort());
    expect(rows.some((r) => [inactiveSales.id, admin.id, partner.id].includes(r.userId))).toBe(false);
    expect(rows[0]).toMatchObject({ kind: "PROSPECT_READY", title: "Dossier prêt : Dupont SA", link: "/prospects/p1", readAt: null });
  });

  it("rolls back with the caller's transaction", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await notifyUsers(tx, { userIds: [sales.id], kind: "SYSTEM", title: "x" });
        throw new Error("échec");
      }),
    ).rejects.toThrow("échec");
    expect(await db.notification.count()).toBe(0);
  });

  it("refuses a link to another site", async () => {
    for (const link of ["https://evil.test", "//evil.test/x", "javascript:alert(1)", "/\\evil.test"]) {
      await expect(notifyUsers(db, { userIds: [sales.id], kind: "SYSTEM", title: "x", link })).rejects.toThrow(/in-app path/);
    }
  });
});

describe("reading notifications", () => {
  async function seed() {
    await notifyUsers(db, { userIds: [sales.id], kind: "SYSTEM", title: "Ancienne", link: "/prospects/a" });
    await new Promise((r) => setTimeout(r, 5));
    await notifyUsers(db, { userIds: [sales.id], kind: "PROSPECT_READY", title: "Récente", link: "/prospects/b" });
    await notifyUsers(db, { userIds: [sales2.id], kind: "SYSTEM", title: "Pour un autre" });
    return db.notification.findMany({ where: { userId: sales.id }, orderBy: { createdAt: "asc" } });
  }

  it("lists only the owner's notifications, newest first, paginated", async () => {
    await seed();
    for (let i = 0; i < 25; i++) await notifyUsers(db, { userIds: [sales.id], kind: "REMINDER", title: `Rappel ${i}` });
    const page1 = await findNotifications(db, sales.id, { unreadOnly: false });
    expect(page1.total).toBe(27);
    expect(page1.totalIsLowerBound).toBe(false);
    expect(page1.unread).toBe(27);
    expect(page1.rows).toHaveLength(20);
    expect(page1.rows[0]?.title).toBe("Rappel 24");
    expect(page1).toMatchObject({ hasPrevious: false, hasNext: true });
    // Keyset: the next page starts after the last row shown, the last page reads from the end.
    const page2 = await findNotifications(db, sales.id, { unreadOnly: false }, parseKeysetRequest({ after: page1.endCursor }));
    expect(page2.rows).toHaveLength(7);
    expect(page2).toMatchObject({ hasPrevious: true, hasNext: false });
    expect(page2.rows.map((r) => r.title).slice(-2)).toEqual(["Récente", "Ancienne"]);
    const last = await findNotifications(db, sales.id, { unreadOnly: false }, { kind: "last" });
    expect(last.rows.map((r) => r.id).slice(-7)).toEqual(page2.rows.map((r) => r.id));
    const back = await findNotifications(db, sales.id, { unreadOnly: false }, parseKeysetRequest({ before: page2.startCursor }));
    expect(back.rows.map((r) => r.id)).toEqual(page1.rows.map((r) => r.id));
    expect([...page1.rows, ...page2.rows].some((r) => r.title === "Pour un autre")).toBe(false);
  });

  it("marks one as read through the action, only for its owner", async () => {
    const [old] = await seed();
    session.actor = actorOf(sales2);
    const refused = await markNotificationReadAction({ id: old!.id });
    expect(refused).toMatchObject({ ok: false, error: "Cette notification n'existe plus." });
    expect((await db.notification.findUniqueOrThrow({ where: { id: old!.id } })).readAt).toBeNull();

    session.actor = actorOf(sales);
    expect(await markNotificationReadAction({ id: old!.id })).toEqual({ ok: true, data: undefined });
    expect((await db.notification.findUniqueOrThrow({ where: { id: old!.id } })).readAt).toBeInstanceOf(Date);
    expect(await countUnreadNotifications(db, sales.id)).toBe(1);

    session.actor = null;
    expect((await markNotificationReadAction({ id: old!.id })).ok).toBe(false);
  });

  it("marks all of the user's notifications as read, and no one else's", async () => {
    await seed();
    session.actor = actorOf(sales);
    expect(await markAllNotificationsReadAction()).toEqual({ ok: true, data: { count: 2 } });
    expect(await countUnreadNotifications(db, sales.id)).toBe(0);
    expect(await countUnreadNotifications(db, sales2.id)).toBe(1);
  });

  it("opening a notification (POST, same site only) marks it read and goes to its target; another user's is left alone", async () => {
    const [, recent] = await seed();
    const url = `http://localhost:3000/notifications/${recent!.id}`;
    const params = { params: Promise.resolve({ id: recent!.id }) };

    session.actor = actorOf(sales);
    const crossSite = await openNotification(new Request(url, { method: "POST", headers: { origin: "https://evil.test", host: "localhost:3000" } }), params);
    expect(crossSite.status).toBe(403);
    expect((await db.notification.findUniqueOrThrow({ where: { id: recent!.id } })).readAt).toBeNull();

    session.actor = actorOf(sales2);
    const foreign = await openNotification(new Request(url, { method: "POST" }), params);
    expect(foreign.status).toBe(303);
    expect(foreign.headers.get("location")).toBe("http://localhost:3000/notifications");
    expect((await db.notification.findUniqueOrThrow({ where: { id: recent!.id } })).readAt).toBeNull();

    session.actor = actorOf(sales);
    const own = await openNotification(new Request(url, { method: "POST", headers: { origin: "http://localhost:3000", host: "localhost:3000" } }), { params: Promise.resolve({ id: recent!.id }) });
    expect(own.status).toBe(303);
    expect(own.headers.get("location")).toBe("http://localhost:3000/prospects/b");
    expect((await db.notification.findUniqueOrThrow({ where: { id: recent!.id } })).readAt).toBeInstanceOf(Date);

    session.actor = null;
    const anonymous = await openNotification(new Request(url, { method: "POST" }), { params: Promise.resolve({ id: recent!.id }) });
    expect(anonymous.headers.get("location")).toBe("http://localhost:3000/login");
  });

  it("gives the bell the signed-in user's unread count", async () => {
    await seed();
    session.actor = actorOf(sales);
    expect(await (await unreadCount()).json()).toEqual({ count: 2 });
    session.actor = actorOf(partner);
    expect(await (await unreadCount()).json()).toEqual({ count: 0 });
    session.actor = null;
    expect((await unreadCount()).status).toBe(401);
  });

  it("stops the bell's count at 100 (shown « 99+ »), while the notifications page counts them all", async () => {
    await db.notification.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({ userId: sales2.id, kind: "SYSTEM" as const, title: `Alerte ${i}` })),
    });
    session.actor = actorOf(sales2);
    expect(await (await unreadCount()).json()).toEqual({ count: 100 });
    expect(unreadLabel(100)).toBe("Notifications, plus de 99 non lues");
    expect(await countUnreadNotifications(db, sales2.id)).toBe(105);
  });
});
