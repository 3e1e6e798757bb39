// Choosing a password through an invitation or reset link, changing one's own, and asking for a
// reset link (« Mot de passe oublié ? »). Each new password passes the policy, and ends the
// user's other sessions.
import "server-only";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import { renderPasswordResetEmail } from "@/lib/accounts/emails";
import { NO_PASSWORD_HASH } from "@/lib/accounts/manage-users";
import { checkPassword, passwordUserInputs } from "@/lib/accounts/password-policy";
import { findUsableTokenById, issueAccountToken } from "@/lib/accounts/tokens";
import { hashPassword, verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { revokeUserSessions } from "@/lib/auth/server-session";
import { accountThrottleKey, clearThrottle } from "@/lib/auth/throttle";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enqueueEmail } from "@/lib/mail/outbox";
import type { Db } from "@/lib/prisma-client";

export const INVALID_ACCOUNT_LINK_MESSAGE = "Ce lien n'est plus valable (déjà utilisé, remplacé par un plus récent ou expiré). Demandez-en un nouveau.";
export const WRONG_CURRENT_PASSWORD_MESSAGE = "Le mot de passe actuel est incorrect.";
export const SAME_PASSWORD_MESSAGE = "Choisissez un mot de passe différent de l'actuel.";

// A second reset request within this delay sends nothing more (no mail bombing of a known address).
const RESET_REQUEST_COOLDOWN_MS = 2 * 60 * 1000;

type RequestMeta = { ip: string | null; userAgent: string | null };

function assertPolicy(password: string, user: { name: string; email: string }, field: string): void {
  const check = checkPassword(password, passwordUserInputs(user));
  if (!check.ok) throw new AppError("VALIDATION", check.messages[0] ?? "Mot de passe refusé.", { [field]: check.messages });
}

export async function setPasswordWithToken(db: Db, tokenId: string, password: string, meta: RequestMeta): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const link = await findUsableTokenById(tx, tokenId);
    if (!link) throw new AppError("NOT_FOUND", INVALID_ACCOUNT_LINK_MESSAGE);
    assertPolicy(password, link.user, "newPassword");
    // Conditional on still unused: two tabs submitting at once cannot both use it.
    const claimed = await tx.accountToken.updateMany({ where: { id: link.id, usedAt: null, revokedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) throw new AppError("NOT_FOUND", INVALID_ACCOUNT_LINK_MESSAGE);
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash: await hashPassword(password) }, select: { id: true } });
    await revokeUserSessions(tx, link.userId);
    await clearThrottle(tx, accountThrottleKey(link.user.email));
    await recordAuthEvent(tx, { kind: "PASSWORD_SET", userId: link.userId, ...meta, details: { link: link.kind } });
    return { email: link.user.email };
  });
}

export async function changePassword(
  db: Db,
  userId: string,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<{ closedSessions: number }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, passwordHash: true } });
  if (!user) throw new AppError("NOT_FOUND");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await recordAuthEvent(db, { kind: "SIGN_IN_FAILED", userId, ...meta, details: { during: "password-change" } });
    throw new AppError("VALIDATION", WRONG_CURRENT_PASSWORD_MESSAGE, { currentPassword: [WRONG_CURRENT_PASSWORD_MESSAGE] });
  }
  if (input.newPassword === input.currentPassword) throw new AppError("VALIDATION", SAME_PASSWORD_MESSAGE, { newPassword: [SAME_PASSWORD_MESSAGE] });
  assertPolicy(input.newPassword, user, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
    const closedSessions = await revokeUserSessions(tx, userId, { except: currentSessionId });
    await recordAuthEvent(tx, { kind: "PASSWORD_CHANGED", userId, ...meta, details: { closedSessions } });
    return { closedSessions };
  });
}

// Always the same answer and about the same time, whether or not the address is an account:
// the caller pads the response time (see FORGOT_PASSWORD_MIN_MS) and shows one neutral message.
export async function requestPasswordReset(db: Db, email: string, meta: RequestMeta): Promise<void> {
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, active: true, passwordHash: true, partner: { select: { active: true } } },
  });
  if (!user || !user.active || user.passwordHash === NO_PASSWORD_HASH || user.partner?.active === false) {
    await verifyDummyPassword(email);
    await recordAuthEvent(db, { kind: "PASSWORD_RESET_REQUESTED", email, ...meta, details: { sent: false } });
    return;
  }
  await db.$transaction(async (tx) => {
    const recent = await tx.accountToken.findFirst({
      where: { userId: user.id, kind: "PASSWORD_RESET", createdAt: { gt: new Date(Date.now() - RESET_REQUEST_COOLDOWN_MS) } },
      select: { id: true },
    });
    if (recent) {
      await recordAuthEvent(tx, { kind: "PASSWORD_RESET_REQUESTED", userId: user.id, ...meta, details: { sent: false, reason: "cooldown" } });
      return;
    }
    const { token, expiresAt } = await issueAccountToken(tx, { userId: user.id, kind: "PASSWORD_RESET", createdById: null });
    const rendered = renderPasswordResetEmail({ url: `${appUrl()}/acces/${token}`, name: user.name, expiresAt });
    await enqueueEmail(tx, { dedupeKey: `account-link:${user.id}:${expiresAt.getTime()}`, to: [{ address: user.email, name: user.name }], ...rendered });
    await recordAuthEvent(tx, { kind: "PASSWORD_RESET_REQUESTED", userId: user.id, ...meta, details: { sent: true } });
  });
}

export const FORGOT_PASSWORD_MIN_MS = 600;

export const FORGOT_PASSWORD_ANSWER =
  "Si un compte actif correspond à cette adresse, un e-mail vient de lui être envoyé avec un lien valable une heure pour choisir un nouveau mot de passe.";

// Pads a response to at least `ms`, so its duration says nothing about what was done.
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    const left = ms - (Date.now() - started);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
  }
}
