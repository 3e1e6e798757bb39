// The admin side: « Boîte d'envoi » (list, « Renvoyer ») and « Clés API » (created once, revoked),
// each reserved to administrators.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { listApiKeys } from "@/lib/api-keys/manage";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import { findOutboxEmails, getOutboxEmail } from "@/lib/mail/queries";
import { parseOutboxListParams } from "@/lib/mail/schemas";
import { createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { resendOutboxEmailAction } = await import("@/lib/mail/actions");
const { createApiKeyAction, revokeApiKeyAction } = await import("@/lib/api-keys/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
type U = Awaited<ReturnType<typeof createUser>>;
const actorOf = (u: U): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let admin: Actor;
let manager: Actor;

beforeAll(async () => {
  admin = actorOf(await createUser(db, { role: "ADMIN", passwordHash }));
  manager = actorOf(await createUser(db, { role: "MANAGER", passwordHash }));
});

beforeEach(async () => {
  await db.outboxEmail.deleteMany();
  session.actor = admin;
});

async function queued(n: number) {
  return db.$transaction((tx) =>
    enqueueEmail(tx, { dedupeKey: `admin:${n}`, to: [`c${n}@exemple.test`], subject: `Sujet ${n}`, html: "<p>x</p>", text: "x" }),
  );
}

describe("« Boîte d'envoi »", () => {
  it("lists messages by status with counts, and shows one", async () => {
    const a = await queued(1);
    const b = await queued(2);
    await db.outboxEmail.update({ where: { id: b.id }, data: { status: "FAILED", attempts: 8, lastError: "550 Boîte inconnue" } });
    const all = await findOutboxEmails(db, parseOutboxListParams({}));
    expect(all.total).toBe(2);
    expect(all.counts).toEqual({ PENDING: 1, SENDING: 0, SENT: 0, FAILED: 1, HELD: 0 });
    const failed = await findOutboxEmails(db, parseOutboxListParams({ status: "FAILED", sort: "nimporte", page: "-3" }));
    expect(failed.rows.map((r) => r.id)).toEqual([b.id]);
    expect(failed.rows[0]).toMatchObject({ lastError: "550 Boîte inconnue", attempts: 8, toAddresses: ["c2@exemple.test"] });
    expect(await getOutboxEmail(db, a.id)).toMatchObject({ subject: "Sujet 1", text: "x", html: "<p>x</p>", dedupeKey: "admin:1" });
    expect(await getOutboxEmail(db, "inconnu")).toBeNull();
  });

  it("« Renvoyer » puts a FAILED message back in the queue for a fresh series of attempts", async () => {
    const { id } = await queued(3);
    await db.outboxEmail.update({ where: { id }, data: { status: "FAILED", attempts: 8, lastError: "421 Indisponible" } });
    expect(await resendOutboxEmailAction({ id })).toEqual({ ok: true, data: undefined });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 0, lastError: "421 Indisponible" });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());

    expect(await resendOutboxEmailAction({ id })).toMatchObject({ ok: false, error: "Seul un message en échec peut être renvoyé." });
    expect(await resendOutboxEmailAction({ id: "inconnu" })).toMatchObject({ ok: false, error: "Ce message n'existe plus." });
  });

  it("is refused to anyone but an administrator", async () => {
    const { id } = await queued(4);
    await db.outboxEmail.update({ where: { id }, data: { status: "FAILED" } });
    session.actor = manager;
    expect(await resendOutboxEmailAction({ id })).toMatchObject({ ok: false, error: APP_ERROR_MESSAGES.FORBIDDEN });
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("FAILED");
  });
});

describe("« Clés API »", () => {
  it("creates a key shown once, usable until revoked", async () => {
    const created = await createApiKeyAction({ name: "  Plateforme – production  " });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.name).toBe("Plateforme – production");
    expect(created.data.key.startsWith(created.data.prefix)).toBe(true);
    const listed = await listApiKeys(db);
    expect(JSON.stringify(listed)).not.toContain(created.data.key);
    expect(listed.find((k) => k.id === created.data.id)).toMatchObject({ prefix: created.data.prefix, revokedAt: null, createdBy: { name: admin.name } });
    expect(await authenticateApiKey(db, `Bearer ${created.data.key}`)).not.toBeNull();

    expect(await revokeApiKeyAction({ id: created.data.id })).toEqual({ ok: true, data: undefined });
    expect(await authenticateApiKey(db, `Bearer ${created.data.key}`)).toBeNull();
    expect((await listApiKeys(db)).find((k) => k.id === created.data.id)?.revokedAt).toBeInstanceOf(Date);
  });

  it("asks for a name", async () => {
    expect(await createApiKeyAction({ name: "   " })).toMatchObject({
      ok: false,
      fieldErrors: { name: ["Donnez un nom à la clé (par exemple « Plateforme de financement – production »)."] },
    });
  });

  it("is refused to anyone but an administrator", async () => {
    session.actor = manager;
    expect(await createApiKeyAction({ name: "Pirate" })).toMatchObject({ ok: false, error: APP_ERROR_MESSAGES.FORBIDDEN });
    const [existing] = await listApiKeys(db);
    expect(await revokeApiKeyAction({ id: existing!.id })).toMatchObject({ ok: false, error: APP_ERROR_MESSAGES.FORBIDDEN });
    expect(await db.apiKey.count({ where: { name: "Pirate" } })).toBe(0);
  });
});
