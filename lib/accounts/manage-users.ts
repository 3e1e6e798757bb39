// « Utilisateurs »: invitation, edits, deactivation, sessions and reset links, by an admin (any
// user) or a manager (PARTNER users only: invite, resend, deactivate, reactivate). Every change
// is audited (AuditEvent on the user) and written to the authentication log.
import "server-only";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import { renderInvitationEmail, renderPasswordResetEmail } from "@/lib/accounts/emails";
import type { InviteUserValues, UpdateUserValues } from "@/lib/accounts/schemas";
import { issueAccountToken } from "@/lib/accounts/tokens";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { revokeUserSessions } from "@/lib/auth/server-session";
import { diffForAudit, recordAudit } from "@/lib/audit/record";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Db, DbClient } from "@/lib/prisma-client";

// An invited user has no password until they choose one through the link: no hash verifies.
export const NO_PASSWORD_HASH = "";

export const EMAIL_TAKEN_MESSAGE = "Un compte existe déjà avec cette adresse e-mail.";
export const LAST_ADMIN_MESSAGE = "C'est le dernier administrateur actif : nommez-en un autre avant de le désactiver ou de changer son rôle.";
export const SELF_MESSAGE = "Vous ne pouvez pas désactiver votre propre compte ni changer votre propre rôle.";
export const STAFF_ONLY_ADMIN_MESSAGE = "Seul un administrateur peut gérer les comptes de l'équipe interne.";
export const INACTIVE_PARTNER_MESSAGE = "Cette organisation est désactivée : réactivez-la avant d'y inviter quelqu'un.";
export const UNKNOWN_PARTNER_MESSAGE = "Organisation introuvable.";

const TARGET_SELECT = { id: true, email: true, name: true, role: true, partnerId: true, active: true, passwordHash: true } as const;

type Target = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null; active: boolean; passwordHash: string };

// A manager only ever touches PARTNER accounts, and only to invite, deactivate or reactivate them.
function assertMayManage(actor: Actor, target: { role: Actor["role"] }, adminOnly: boolean): void {
  if (can(actor.role, "user:manage")) return;
  if (!adminOnly && can(actor.role, "user:manage:partner") && target.role === "PARTNER") return;
  throw new AppError("FORBIDDEN", STAFF_ONLY_ADMIN_MESSAGE);
}

async function loadTarget(tx: DbClient, id: string): Promise<Target> {
  const user = await tx.user.findUnique({ where: { id }, select: TARGET_SELECT });
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

async function assertPartnerUsable(tx: DbClient, partnerId: string | null): Promise<{ name: string } | null> {
  if (!partnerId) return null;
  const partner = await tx.partner.findUnique({ where: { id: partnerId }, select: { name: true, active: true } });
  if (!partner) throw new AppError("VALIDATION", UNKNOWN_PARTNER_MESSAGE, { partnerId: [UNKNOWN_PARTNER_MESSAGE] });
  if (!partner.active) throw new AppError("VALIDATION", INACTIVE_PARTNER_MESSAGE, { partnerId: [INACTIVE_PARTNER_MESSAGE] });
  return partner;
}

// Serialises admin changes so two admins cannot each demote "the other last admin" at once.
async function lockAdmins(tx: DbClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('crm:last-admin'))`;
}

async function assertNotLastAdmin(tx: DbClient, target: Target): Promise<void> {
  if (target.role !== "ADMIN" || !target.active) return;
  const others = await tx.user.count({ where: { role: "ADMIN", active: true, id: { not: target.id } } });
  if (others === 0) throw new AppError("CONFLICT", LAST_ADMIN_MESSAGE);
}

async function queueLinkEmail(tx: DbClient, user: { id: string; email: string; name: string }, kind: "INVITATION" | "PASSWORD_RESET", createdById: string | null, organisation: string | null) {
  const { token, expiresAt } = await issueAccountToken(tx, { userId: user.id, kind, createdById });
  const url = `${appUrl()}/acces/${token}`;
  const email =
    kind === "INVITATION"
      ? renderInvitationEmail({ url, name: user.name, organisation, expiresAt })
      : renderPasswordResetEmail({ url, name: user.name, expiresAt });
  // The token's own hash keeps the key unique per link without putting the token in the table.
  await enqueueEmail(tx, { dedupeKey: `account-link:${user.id}:${expiresAt.getTime()}`, to: [{ address: user.email, name: user.name }], ...email });
  return { expiresAt };
}

export async function inviteUser(db: Db, actor: Actor, values: InviteUserValues): Promise<{ id: string }> {
  assertMayManage(actor, values, false);
  return db.$transaction(async (tx) => {
    const partner = await assertPartnerUsable(tx, values.partnerId);
    const existing = await tx.user.findUnique({ where: { email: values.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", EMAIL_TAKEN_MESSAGE, { email: [EMAIL_TAKEN_MESSAGE] });
    const user = await tx.user.create({
      data: { email: values.email, name: values.name, role: values.role, partnerId: values.partnerId, passwordHash: NO_PASSWORD_HASH },
      select: { id: true, email: true, name: true },
    });
    await queueLinkEmail(tx, user, "INVITATION", actor.id, partner?.name ?? null);
    await recordAudit(tx, {
      entityType: "User",
      entityId: user.id,
      actorId: actor.id,
      action: "CREATE",
      changes: { email: values.email, name: values.name, role: values.role, partnerId: values.partnerId },
    });
    await recordAuthEvent(tx, { kind: "USER_INVITED", userId: user.id, email: values.email, actorId: actor.id });
    return { id: user.id };
  });
}

// A new link voids the previous one; only for a user who has not chosen a password yet.
export async function resendInvitation(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await loadTarget(tx, userId);
    assertMayManage(actor, target, false);
    if (target.passwordHash !== NO_PASSWORD_HASH) throw new AppError("CONFLICT", "Ce compte est déjà activé : envoyez plutôt un lien de réinitialisation.");
    if (!target.active) throw new AppError("CONFLICT", "Ce compte est désactivé : réactivez-le d'abord.");
    const partner = await assertPartnerUsable(tx, target.partnerId);
    await queueLinkEmail(tx, target, "INVITATION", actor.id, partner?.name ?? null);
    await recordAuthEvent(tx, { kind: "INVITATION_RESENT", userId, actorId: actor.id });
  });
}

export async function updateUser(db: Db, actor: Actor, values: UpdateUserValues): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const target = await loadTarget(tx, values.id);
    assertMayManage(actor, target, true);
    if (target.id === actor.id && values.role !== target.role) throw new AppError("FORBIDDEN", SELF_MESSAGE);
    if (values.role !== "ADMIN") await assertNotLastAdmin(tx, target);
    if (values.partnerId !== target.partnerId) await assertPartnerUsable(tx, values.partnerId);
    const changes = diffForAudit(target, values, ["name", "role", "partnerId"]);
    if (!changes) return;
    await tx.user.update({ where: { id: target.id }, data: { name: values.name, role: values.role, partnerId: values.partnerId }, select: { id: true } });
    // A new role or organisation applies to the open sessions at their next request (re-read).
    await recordAudit(tx, { entityType: "User", entityId: target.id, actorId: actor.id, action: "UPDATE", changes });
    await recordAuthEvent(tx, { kind: "USER_UPDATED", userId: target.id, actorId: actor.id, details: changes });
  });
}

// Deactivation closes every session at once; reactivation restores sign-in (not the sessions).
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const target = await loadTarget(tx, userId);
    assertMayManage(actor, target, false);
    if (target.active === active) return;
    if (!active && target.id === actor.id) throw new AppError("FORBIDDEN", SELF_MESSAGE);
    if (!active) await assertNotLastAdmin(tx, target);
    await tx.user.update({ where: { id: userId }, data: { active }, select: { id: true } });
    if (!active) {
      await revokeUserSessions(tx, userId);
      await tx.accountToken.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await recordAudit(tx, { entityType: "User", entityId: userId, actorId: actor.id, action: "UPDATE", changes: { active: { from: !active, to: active } } });
    await recordAuthEvent(tx, { kind: active ? "USER_REACTIVATED" : "USER_DEACTIVATED", userId, actorId: actor.id });
  });
}

// « Fermer toutes les sessions ».
export async function closeUserSessions(db: Db, actor: Actor, userId: string): Promise<number> {
  return db.$transaction(async (tx) => {
    const target = await loadTarget(tx, userId);
    assertMayManage(actor, target, true);
    const count = await revokeUserSessions(tx, userId);
    await recordAuthEvent(tx, { kind: "SESSIONS_REVOKED", userId, actorId: actor.id, details: { count } });
    return count;
  });
}

// « Réinitialiser le mot de passe »: the user gets a 1 h link; the admin never sees or sets it.
// The current password keeps working until the link is used.
export async function sendPasswordReset(db: Db, actor: Actor, userId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const target = await loadTarget(tx, userId);
    assertMayManage(actor, target, true);
    if (!target.active) throw new AppError("CONFLICT", "Ce compte est désactivé : réactivez-le d'abord.");
    await queueLinkEmail(tx, target, target.passwordHash === NO_PASSWORD_HASH ? "INVITATION" : "PASSWORD_RESET", actor.id, null);
    await recordAuthEvent(tx, { kind: "PASSWORD_RESET_REQUESTED", userId, actorId: actor.id });
  });
}
