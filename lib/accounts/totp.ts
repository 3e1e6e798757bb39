// Second factor (TOTP, RFC 6238, with otpauth): enrolment with a QR code, confirmation by a first
// code, ten single-use recovery codes, and verification at sign-in that accepts ±1 step of clock
// drift and refuses a code already used (the last accepted step is kept per user).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import { decryptTotpSecret, encryptTotpSecret } from "@/lib/accounts/totp-crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Db, DbClient } from "@/lib/prisma-client";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "CRM Partenaires";

export const INVALID_CODE_MESSAGE = "Code incorrect ou déjà utilisé. Saisissez le code à 6 chiffres affiché par votre application.";

function totpFor(base32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(base32) });
}

function appSecret(): string {
  return getEnv().NEXTAUTH_SECRET;
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(code.replace(/[\s-]/g, "").toLowerCase(), "utf8").digest("hex");
}

// « abcd-efgh-ijkl »: 60 random bits each, in letters and digits that are not confused.
function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export type Enrolment = { secret: string; uri: string; qrDataUrl: string };

// A new (pending) secret replaces any earlier pending one; an active second factor is kept
// until the new one is confirmed.
export async function startTotpEnrolment(db: DbClient, user: { id: string; email: string }): Promise<Enrolment> {
  const current = await db.user.findUnique({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (current?.totpEnabledAt) throw new AppError("CONFLICT", "La double authentification est déjà activée.");
  const secret = new Secret({ size: 20 }).base32;
  await db.user.update({ where: { id: user.id }, data: { totpSecretEncrypted: encryptTotpSecret(secret, appSecret()), totpLastStep: null }, select: { id: true } });
  return pendingEnrolment(user.email, secret);
}

async function pendingEnrolment(email: string, secret: string): Promise<Enrolment> {
  const uri = totpFor(secret, email).toString();
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

// The pending enrolment of a user (to show the QR code again after a reload), if any.
export async function getPendingEnrolment(db: DbClient, userId: string): Promise<Enrolment | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpSecretEncrypted: true, totpEnabledAt: true } });
  if (!user?.totpSecretEncrypted || user.totpEnabledAt) return null;
  const secret = decryptTotpSecret(user.totpSecretEncrypted, appSecret());
  return secret ? pendingEnrolment(user.email, secret) : null;
}

// Accepts the code if it matches a step within ±1 of now that is later than the last one used,
// and records that step in the same statement, so a code cannot be used twice, even concurrently.
export async function consumeTotpCode(db: DbClient, userId: string, code: string, options: { requireEnabled: boolean; now?: number }): Promise<boolean> {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, totpSecretEncrypted: true, totpEnabledAt: true } });
  if (!user?.totpSecretEncrypted || (options.requireEnabled && !user.totpEnabledAt)) return false;
  const secret = decryptTotpSecret(user.totpSecretEncrypted, appSecret());
  if (!secret) return false;
  const timestamp = options.now ?? Date.now();
  const totp = totpFor(secret, user.email);
  const delta = totp.validate({ token, timestamp, window: TOTP_WINDOW });
  if (delta === null) return false;
  const step = totp.counter({ timestamp }) + delta;
  const claimed = await db.$executeRaw`
    UPDATE "User" SET "totpLastStep" = ${step}
    WHERE "id" = ${userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
  return claimed === 1;
}

// A recovery code works once.
export async function consumeRecoveryCode(db: DbClient, userId: string, code: string): Promise<boolean> {
  const cleaned = code.replace(/[\s-]/g, "");
  if (!/^[a-z0-9]{12}$/i.test(cleaned)) return false;
  const { count } = await db.mfaRecoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(cleaned), usedAt: null }, data: { usedAt: new Date() } });
  return count === 1;
}

// Confirms the pending secret with a first code; returns the recovery codes, shown this once.
export async function confirmTotpEnrolment(db: Db, userId: string, code: string, meta: { ip: string | null; userAgent: string | null }): Promise<string[]> {
  return db.$transaction(async (tx) => {
    const ok = await consumeTotpCode(tx, userId, code, { requireEnabled: false });
    if (!ok) {
      await recordAuthEvent(tx, { kind: "MFA_FAILED", userId, ...meta, details: { during: "enrolment" } });
      throw new AppError("VALIDATION", INVALID_CODE_MESSAGE, { code: [INVALID_CODE_MESSAGE] });
    }
    await tx.user.update({ where: { id: userId }, data: { totpEnabledAt: new Date() }, select: { id: true } });
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordAuthEvent(tx, { kind: "MFA_ENROLLED", userId, actorId: userId, ...meta });
    return codes;
  });
}

export async function replaceRecoveryCodes(tx: DbClient, userId: string): Promise<string[]> {
  await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.mfaRecoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

// Turning the second factor off takes a valid code (or recovery code), and is refused to the
// roles that must have one.
export async function disableTotp(db: Db, user: { id: string; role: string }, code: string, meta: { ip: string | null; userAgent: string | null }): Promise<void> {
  if (mfaRequiredFor(user.role)) throw new AppError("FORBIDDEN", "La double authentification est obligatoire pour votre rôle.");
  await db.$transaction(async (tx) => {
    const ok = (await consumeTotpCode(tx, user.id, code, { requireEnabled: true })) || (await consumeRecoveryCode(tx, user.id, code));
    if (!ok) {
      await recordAuthEvent(tx, { kind: "MFA_FAILED", userId: user.id, ...meta, details: { during: "disable" } });
      throw new AppError("VALIDATION", INVALID_CODE_MESSAGE, { code: [INVALID_CODE_MESSAGE] });
    }
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null }, select: { id: true } });
    await tx.mfaRecoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAuthEvent(tx, { kind: "MFA_DISABLED", userId: user.id, actorId: user.id, ...meta });
  });
}

export function mfaRequiredFor(role: string): boolean {
  return getEnv().MFA_REQUIRED_ROLES.includes(role as never);
}
