// Accounts administration: invitation and reset links, the password policy, sessions ended by
// deactivation, password change and « Fermer toutes les sessions », the last-admin guard,
// managers limited to partner accounts, and organisations (agreement, deactivation, audit).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { inviteUser, closeUserSessions, resendInvitation, sendPasswordReset, setUserActive, updateUser, LAST_ADMIN_MESSAGE } from "@/lib/accounts/manage-users";
import { createPartnerOrganisation, setPartnerActive, updatePartnerOrganisation } from "@/lib/accounts/partners";
import { changePassword, INVALID_ACCOUNT_LINK_MESSAGE, requestPasswordReset, setPasswordWithToken } from "@/lib/accounts/passwords";
import { checkPassword, passwordUserInputs } from "@/lib/accounts/password-policy";
import { createPartnerSchema, inviteUserSchema } from "@/lib/accounts/schemas";
import { findUsableTokenByToken } from "@/lib/accounts/tokens";
import { findAgreementInForce } from "@/lib/agreements/agreement-in-force";
import type { Actor } from "@/lib/auth/actor";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { createSession, loadSessionActor } from "@/lib/auth/server-session";
import { createPartner, createUser, DEFAULT_TEST_PASSWORD } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
const policy = { idleSeconds: 8 * 3600, absoluteSeconds: 7 * 24 * 3600 };
const meta = { ip: "203.0.113.9", userAgent: "Vitest" };
const STRONG = "cheval agrafe batterie correcte";

type U = Awaited<ReturnType<typeof createUser>>;
const actorOf = (u: U): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

async function openSession(userId: string) {
  return (await createSession(db, { userId, ip: null, userAgent: null }, policy)).id;
}
async function isOpen(sessionId: string, userId: string) {
  return (await loadSessionActor(db, sessionId, userId, policy)) !== null;
}
// The link of the latest e-mail sent to an address, as the recipient would click it.
async function latestLinkTo(address: string): Promise<string> {
  const mails = await db.outboxEmail.findMany({ orderBy: { createdAt: "desc" } });
  const mail = mails.find((m) => m.toAddresses.some((to) => to.includes(`<${address}>`)));
  if (!mail) throw new Error(`no e-mail to ${address}`);
  const match = /\/acces\/([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match?.[1]) throw new Error("no link in the e-mail");
  return match[1];
}
async function tokenId(token: string) {
  const row = await findUsableTokenByToken(db, token);
  return row?.id ?? "absent";
}

let admin: U;

beforeEach(async () => {
  await resetDatabase();
  admin = await createUser(db, { role: "ADMIN" });
});

afterAll(async () => {
  await resetDatabase();
});

describe("invitation", () => {
  it("sends a single-use link to choose a password, then the invitee can sign in", async () => {
    const partner = await createPartner(db);
    const values = inviteUserSchema.parse({ email: "Nina.Roux@Cabinet.test", name: "Nina Roux", role: "PARTNER", partnerId: partner.id });
    const { id } = await inviteUser(db, actorOf(admin), values);
    const mail = await db.outboxEmail.findFirstOrThrow();
    expect(mail).toMatchObject({ subject: "Votre accès au CRM Partenaires", toAddresses: ['"Nina Roux" <nina.roux@cabinet.test>'] });
    const token = await latestLinkTo("nina.roux@cabinet.test");
    const stored = await db.accountToken.findFirstOrThrow({ where: { userId: id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(72 * 3600 * 1000, -4);

    // No password yet: nothing signs in.
    expect((await authorizeCredentials({ email: "nina.roux@cabinet.test", password: "", ip: null }, db)).status).toBe("invalid");

    const link = await tokenId(token);
    await setPasswordWithToken(db, link, STRONG, meta);
    expect(await authorizeCredentials({ email: "nina.roux@cabinet.test", password: STRONG, ip: null }, db)).toMatchObject({ status: "ok" });

    // Single use.
    expect(await findUsableTokenByToken(db, token)).toBeNull();
    await expect(setPasswordWithToken(db, link, "une autre phrase de passe solide", meta)).rejects.toThrow(INVALID_ACCOUNT_LINK_MESSAGE);
    expect(await db.authEvent.count({ where: { userId: id, kind: { in: ["USER_INVITED", "PASSWORD_SET"] } } })).toBe(2);
  });

  it("refuses an expired link", async () => {
    const { id } = await inviteUser(db, actorOf(admin), inviteUserSchema.parse({ email: "a@exemple.test", name: "A B", role: "SALES", partnerId: "" }));
    const token = await latestLinkTo("a@exemple.test");
    await db.accountToken.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findUsableTokenByToken(db, token)).toBeNull();
  });

  it("voids the old link when the invitation is resent", async () => {
    const { id } = await inviteUser(db, actorOf(admin), inviteUserSchema.parse({ email: "b@exemple.test", name: "B C", role: "SALES", partnerId: "" }));
    const first = await latestLinkTo("b@exemple.test");
    const firstId = await tokenId(first);
    await new Promise((r) => setTimeout(r, 5));
    await resendInvitation(db, actorOf(admin), id);
    const second = await latestLinkTo("b@exemple.test");
    expect(second).not.toBe(first);
    expect(await findUsableTokenByToken(db, first)).toBeNull();
    await expect(setPasswordWithToken(db, firstId, STRONG, meta)).rejects.toThrow(INVALID_ACCOUNT_LINK_MESSAGE);
    expect(await findUsableTokenByToken(db, second)).not.toBeNull();
  });

  it("requires an organisation for a partner and forbids one for staff; refuses a taken e-mail", async () => {
    expect(inviteUserSchema.safeParse({ email: "x@exemple.test", name: "X", role: "PARTNER", partnerId: "" }).success).toBe(false);
    expect(inviteUserSchema.safeParse({ email: "x@exemple.test", name: "X", role: "SALES", partnerId: "p1" }).success).toBe(false);
    await expect(inviteUser(db, actorOf(admin), inviteUserSchema.parse({ email: admin.email.toUpperCase(), name: "X", role: "SALES", partnerId: "" }))).rejects.toThrow(
      "Un compte existe déjà",
    );
  });
});

describe("forgot password", () => {
  it("gives the same outcome for an unknown address and sends a 1 h link only to a real account", async () => {
    const user = await createUser(db, { role: "SALES", email: "claire@exemple.test", name: "Claire Dupuis" });
    await expect(requestPasswordReset(db, "personne@exemple.test", meta)).resolves.toBeUndefined();
    expect(await db.outboxEmail.count()).toBe(0);
    await expect(requestPasswordReset(db, "claire@exemple.test", meta)).resolves.toBeUndefined();
    const token = await latestLinkTo("claire@exemple.test");
    const row = await db.accountToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.kind).toBe("PASSWORD_RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(3600 * 1000, -4);

    const sid = await openSession(user.id);
    await setPasswordWithToken(db, await tokenId(token), STRONG, meta);
    expect(await isOpen(sid, user.id)).toBe(false);
    expect(await authorizeCredentials({ email: user.email, password: DEFAULT_TEST_PASSWORD, ip: null }, db)).toEqual({ status: "invalid" });
  });
});

describe("password policy", () => {
  it("refuses short and common French passwords and accepts a long passphrase", () => {
    expect(checkPassword("court").ok).toBe(false);
    expect(checkPassword("azertyuiop123").ok).toBe(false);
    expect(checkPassword("motdepasse123").ok).toBe(false);
    const weak = checkPassword("Soleil123456");
    expect(weak.ok).toBe(false);
    expect(weak.messages[0]).toMatch(/trop facile à deviner/);
    expect(checkPassword(STRONG).ok).toBe(true);
    expect(checkPassword("x".repeat(257)).ok).toBe(false);
  });

  it("counts the user's own name and e-mail as guessable", () => {
    const inputs = passwordUserInputs({ name: "Bérénice Castafiore", email: "berenice.castafiore@moulinsart.test" });
    expect(checkPassword("castafioremoulinsart", []).ok).toBe(true);
    expect(checkPassword("castafioremoulinsart", inputs).ok).toBe(false);
  });

  it("is enforced by the server when a link is used", async () => {
    const user = await createUser(db, { role: "SALES" });
    await sendPasswordReset(db, actorOf(admin), user.id);
    const token = await latestLinkTo(user.email);
    await expect(setPasswordWithToken(db, await tokenId(token), "azertyuiop123", meta)).rejects.toThrow(/trop facile/);
    expect(await findUsableTokenByToken(db, token)).not.toBeNull();
  });
});

describe("sessions ended by account changes", () => {
  it("changing one's password closes the other sessions, not the current one", async () => {
    const user = await createUser(db, { role: "SALES" });
    const current = await openSession(user.id);
    const other = await openSession(user.id);
    await expect(changePassword(db, user.id, current, { currentPassword: "mauvais", newPassword: STRONG }, meta)).rejects.toThrow("Le mot de passe actuel est incorrect.");
    expect(await isOpen(other, user.id)).toBe(true);
    await changePassword(db, user.id, current, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: STRONG }, meta);
    expect(await isOpen(current, user.id)).toBe(true);
    expect(await isOpen(other, user.id)).toBe(false);
    expect(await db.authEvent.count({ where: { userId: user.id, kind: "PASSWORD_CHANGED" } })).toBe(1);
  });

  it("deactivation closes every session and sign-in is refused; reactivation restores sign-in", async () => {
    const user = await createUser(db, { role: "SALES" });
    const sid = await openSession(user.id);
    await setUserActive(db, actorOf(admin), user.id, false);
    expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    await setUserActive(db, actorOf(admin), user.id, true);
    expect(await isOpen(sid, user.id)).toBe(false);
    expect(await authorizeCredentials({ email: user.email, password: DEFAULT_TEST_PASSWORD, ip: null }, db)).toMatchObject({ status: "ok" });
  });

  it("« Fermer toutes les sessions » closes them all", async () => {
    const user = await createUser(db, { role: "SALES" });
    const a = await openSession(user.id);
    const b = await openSession(user.id);
    expect(await closeUserSessions(db, actorOf(admin), user.id)).toBe(2);
    expect(await isOpen(a, user.id)).toBe(false);
    expect(await isOpen(b, user.id)).toBe(false);
  });
});

describe("who may change whom", () => {
  it("never deactivates or demotes the last active admin, nor oneself", async () => {
    await expect(setUserActive(db, actorOf(admin), admin.id, false)).rejects.toThrow(/propre compte/);
    await expect(updateUser(db, actorOf(admin), { id: admin.id, name: admin.name, role: "SALES", partnerId: null })).rejects.toThrow(/propre rôle/);
    const second = await createUser(db, { role: "ADMIN" });
    // The other admin may be demoted while `admin` remains…
    await updateUser(db, actorOf(admin), { id: second.id, name: second.name, role: "MANAGER", partnerId: null });
    // …but once `admin` is the only active one, a second admin cannot remove it.
    const third = await createUser(db, { role: "ADMIN" });
    await setUserActive(db, actorOf(admin), third.id, false);
    await db.user.update({ where: { id: third.id }, data: { active: true } });
    await setUserActive(db, actorOf(third), admin.id, false);
    await expect(setUserActive(db, actorOf(admin), third.id, false)).rejects.toThrow();
    await expect(updateUser(db, actorOf(third), { id: third.id, name: third.name, role: "SALES", partnerId: null })).rejects.toThrow();
    await db.user.update({ where: { id: admin.id }, data: { active: true } });
    await setUserActive(db, actorOf(admin), third.id, false);
    await expect(updateUser(db, actorOf(third), { id: admin.id, name: admin.name, role: "SALES", partnerId: null })).rejects.toThrow(LAST_ADMIN_MESSAGE);
  });

  it("lets a manager invite and deactivate partner users, and nothing about staff", async () => {
    const manager = await createUser(db, { role: "MANAGER" });
    const sales = await createUser(db, { role: "SALES" });
    const partner = await createPartner(db);
    const { id } = await inviteUser(db, actorOf(manager), inviteUserSchema.parse({ email: "p@exemple.test", name: "P Q", role: "PARTNER", partnerId: partner.id }));
    await setUserActive(db, actorOf(manager), id, false);
    await expect(inviteUser(db, actorOf(manager), inviteUserSchema.parse({ email: "s@exemple.test", name: "S T", role: "SALES", partnerId: "" }))).rejects.toThrow(/administrateur/);
    await expect(setUserActive(db, actorOf(manager), sales.id, false)).rejects.toThrow(/administrateur/);
    await expect(updateUser(db, actorOf(manager), { id, name: "Autre", role: "PARTNER", partnerId: partner.id })).rejects.toThrow(/administrateur/);
    await expect(closeUserSessions(db, actorOf(manager), id)).rejects.toThrow(/administrateur/);
  });
});

describe("partner organisations", () => {
  it("creates an organisation with its first agreement version from « 1,25 » and audits it", async () => {
    const values = createPartnerSchema.parse({
      name: "Cabinet Lefèvre",
      siren: "732 829 320",
      street: "3 rue de la Paix",
      postalCode: "75002",
      city: "Paris",
      contactEmail: "contact@lefevre.test",
      directRate: "1,25",
      networkRate: "",
      startsOn: "2026-01-01",
      entitlementMonths: "",
      notes: "Signée le 12/12/2025",
    });
    const { id } = await createPartnerOrganisation(db, actorOf(admin), values);
    expect(await findAgreementInForce(db, id, "2026-06-01")).toMatchObject({ directRateBps: 125, networkRateBps: 0, entitlementMonths: null, notes: "Signée le 12/12/2025" });
    await updatePartnerOrganisation(db, actorOf(admin), { id, name: "Cabinet Lefèvre & Associés", siren: "732829320", street: "3 rue de la Paix", postalCode: "75002", city: "Paris", contactEmail: "contact@lefevre.test" });
    const audit = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.entityType, a.action])).toEqual([
      ["Partner", "CREATE"],
      ["PartnerAgreement", "CREATE"],
      ["Partner", "UPDATE"],
    ]);
    expect(audit[2]?.changes).toEqual({ name: { from: "Cabinet Lefèvre", to: "Cabinet Lefèvre & Associés" } });
    expect(audit.every((a) => a.actorId === admin.id)).toBe(true);
  });

  it("rejects a bad rate and a bad SIREN with French messages", () => {
    const result = createPartnerSchema.safeParse({ name: "X", siren: "123456789", street: "", postalCode: "", city: "", contactEmail: "", directRate: "1,255", networkRate: "", startsOn: "2026-01-01", entitlementMonths: "", notes: "" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual(["directRate", "siren"]);
  });

  it("deactivating an organisation signs its users out at once and blocks sign-in; its prospects stay", async () => {
    const partner = await createPartner(db);
    const user = await createUser(db, { role: "PARTNER", partnerId: partner.id });
    const sid = await openSession(user.id);
    expect(await setPartnerActive(db, actorOf(admin), partner.id, false)).toEqual({ closedSessions: 1 });
    expect(await isOpen(sid, user.id)).toBe(false);
    expect(await authorizeCredentials({ email: user.email, password: DEFAULT_TEST_PASSWORD, ip: null }, db)).toEqual({ status: "invalid" });
    await setPartnerActive(db, actorOf(admin), partner.id, true);
    expect(await authorizeCredentials({ email: user.email, password: DEFAULT_TEST_PASSWORD, ip: null }, db)).toMatchObject({ status: "ok" });
    const audit = await db.auditEvent.findMany({ where: { entityId: partner.id, entityType: "Partner" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.changes)).toEqual([{ active: { from: true, to: false } }, { active: { from: false, to: true } }]);
  });
});
