"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { recordAuthEvent } from "@/lib/accounts/auth-log";
import { accountLinkCookie, verifyAccountLinkCookie } from "@/lib/accounts/link-cookie";
import { closeUserSessions, inviteUser, resendInvitation, sendPasswordReset, setUserActive, updateUser } from "@/lib/accounts/manage-users";
import { createPartnerOrganisation, setPartnerActive, updatePartnerOrganisation } from "@/lib/accounts/partners";
import {
  changePassword,
  FORGOT_PASSWORD_ANSWER,
  FORGOT_PASSWORD_MIN_MS,
  INVALID_ACCOUNT_LINK_MESSAGE,
  requestPasswordReset,
  setPasswordWithToken,
  withMinimumDuration,
} from "@/lib/accounts/passwords";
import {
  changeNameSchema,
  changePasswordSchema,
  choosePasswordSchema,
  createPartnerSchema,
  forgotPasswordSchema,
  inviteUserSchema,
  sessionIdSchema,
  setPartnerActiveSchema,
  setUserActiveSchema,
  updatePartnerSchema,
  updateUserSchema,
  userIdSchema,
  type ChangeNameInput,
  type ChangePasswordInput,
  type ChoosePasswordInput,
  type CreatePartnerInput,
  type ForgotPasswordInput,
  type InviteUserInput,
  type UpdatePartnerInput,
  type UpdateUserInput,
} from "@/lib/accounts/schemas";
import { actionError, type ActionResult } from "@/lib/action-result";
import { createAgreementVersion } from "@/lib/agreements/create-agreement-version";
import { createAgreementVersionSchema, type CreateAgreementVersionInput } from "@/lib/agreements/schemas";
import { authedAction, INVALID_INPUT_MESSAGE, UNEXPECTED_ERROR_MESSAGE, zodFieldErrors } from "@/lib/auth/action";
import { requestMeta } from "@/lib/auth/request-meta";
import { revokeSession } from "@/lib/auth/server-session";
import { getSessionClaims } from "@/lib/auth/session";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, isAppError } from "@/lib/errors";

// ——— « Utilisateurs » ———

const invite = authedAction(
  inviteUserSchema,
  async (input, actor) => {
    const user = await inviteUser(db, actor, input);
    revalidatePath("/admin/utilisateurs");
    return user;
  },
  { permission: "user:manage:partner" },
);
export async function inviteUserAction(input: InviteUserInput): Promise<ActionResult<{ id: string }>> {
  return invite(input);
}

const resend = authedAction(userIdSchema, async (input, actor) => resendInvitation(db, actor, input.id), { permission: "user:manage:partner" });
export async function resendInvitationAction(input: { id: string }): Promise<ActionResult<void>> {
  return resend(input);
}

const update = authedAction(
  updateUserSchema,
  async (input, actor) => {
    await updateUser(db, actor, input);
    revalidatePath(`/admin/utilisateurs/${input.id}`);
  },
  { permission: "user:manage" },
);
export async function updateUserAction(input: UpdateUserInput): Promise<ActionResult<void>> {
  return update(input);
}

const setActive = authedAction(
  setUserActiveSchema,
  async (input, actor) => {
    await setUserActive(db, actor, input.id, input.active);
    revalidatePath(`/admin/utilisateurs/${input.id}`);
  },
  { permission: "user:manage:partner" },
);
export async function setUserActiveAction(input: { id: string; active: boolean }): Promise<ActionResult<void>> {
  return setActive(input);
}

const closeSessions = authedAction(
  userIdSchema,
  async (input, actor) => {
    const count = await closeUserSessions(db, actor, input.id);
    revalidatePath(`/admin/utilisateurs/${input.id}`);
    return { count };
  },
  { permission: "user:manage" },
);
export async function closeUserSessionsAction(input: { id: string }): Promise<ActionResult<{ count: number }>> {
  return closeSessions(input);
}

const reset = authedAction(userIdSchema, async (input, actor) => sendPasswordReset(db, actor, input.id), { permission: "user:manage" });
export async function sendPasswordResetAction(input: { id: string }): Promise<ActionResult<void>> {
  return reset(input);
}

// ——— « Partenaires » ———

const createPartner = authedAction(
  createPartnerSchema,
  async (input, actor) => {
    const partner = await createPartnerOrganisation(db, actor, input);
    revalidatePath("/admin/partenaires");
    return partner;
  },
  { permission: "partner:manage" },
);
export async function createPartnerAction(input: CreatePartnerInput): Promise<ActionResult<{ id: string }>> {
  return createPartner(input);
}

const updatePartner = authedAction(
  updatePartnerSchema,
  async (input, actor) => {
    await updatePartnerOrganisation(db, actor, input);
    revalidatePath(`/admin/partenaires/${input.id}`);
  },
  { permission: "partner:manage" },
);
export async function updatePartnerAction(input: UpdatePartnerInput): Promise<ActionResult<void>> {
  return updatePartner(input);
}

const partnerActive = authedAction(
  setPartnerActiveSchema,
  async (input, actor) => {
    const result = await setPartnerActive(db, actor, input.id, input.active);
    revalidatePath(`/admin/partenaires/${input.id}`);
    return result;
  },
  { permission: "partner:manage" },
);
export async function setPartnerActiveAction(input: { id: string; active: boolean }): Promise<ActionResult<{ closedSessions: number }>> {
  return partnerActive(input);
}

const addAgreementVersion = authedAction(
  createAgreementVersionSchema,
  async (input, actor) => {
    const partner = await db.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } });
    if (!partner) throw new AppError("NOT_FOUND");
    const version = await db.$transaction((tx) => createAgreementVersion(tx, input.partnerId, input, actor.id));
    revalidatePath(`/admin/partenaires/${input.partnerId}`);
    return version;
  },
  { permission: "partner:manage" },
);
export async function createAgreementVersionAction(input: CreateAgreementVersionInput): Promise<ActionResult<{ id: string }>> {
  return addAgreementVersion(input);
}

// ——— « Mon compte » ———

const changeOwnPassword = authedAction(changePasswordSchema, async (input, actor) => {
  const claims = await getSessionClaims();
  if (!claims) throw new AppError("FORBIDDEN");
  return changePassword(db, actor.id, claims.sessionId, input, await requestMeta());
});
export async function changePasswordAction(input: ChangePasswordInput): Promise<ActionResult<{ closedSessions: number }>> {
  return changeOwnPassword(input);
}

const changeOwnName = authedAction(changeNameSchema, async (input, actor) => {
  await db.user.update({ where: { id: actor.id }, data: { name: input.name }, select: { id: true } });
  revalidatePath("/compte");
});
export async function changeNameAction(input: ChangeNameInput): Promise<ActionResult<void>> {
  return changeOwnName(input);
}

const closeOwnSession = authedAction(sessionIdSchema, async (input, actor) => {
  // Scoped to the actor: another user's session id is simply not found.
  const closed = await revokeSession(db, input.id, actor.id);
  if (!closed) throw new AppError("NOT_FOUND");
  await recordAuthEvent(db, { kind: "SESSION_REVOKED", userId: actor.id, actorId: actor.id, ...(await requestMeta()) });
  revalidatePath("/compte");
});
export async function closeMySessionAction(input: { id: string }): Promise<ActionResult<void>> {
  return closeOwnSession(input);
}

// ——— Public pages ———

// Same answer, same duration, whether or not the address is an account.
export async function forgotPasswordAction(input: ForgotPasswordInput): Promise<ActionResult<{ message: string }>> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
    return actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors);
  }
  const meta = await requestMeta();
  try {
    await withMinimumDuration(FORGOT_PASSWORD_MIN_MS, () => requestPasswordReset(db, parsed.data.email, meta));
  } catch (error) {
    console.error("Password reset request failed", error instanceof Error ? error.name : "unknown error");
    return actionError(UNEXPECTED_ERROR_MESSAGE);
  }
  return { ok: true, data: { message: FORGOT_PASSWORD_ANSWER } };
}

export async function choosePasswordAction(input: ChoosePasswordInput): Promise<ActionResult<{ email: string }>> {
  const parsed = choosePasswordSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
    return actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors);
  }
  const { name } = accountLinkCookie(sessionCookieSettings().secure);
  const tokenId = verifyAccountLinkCookie((await cookies()).get(name)?.value, getEnv().NEXTAUTH_SECRET);
  if (!tokenId) return actionError(INVALID_ACCOUNT_LINK_MESSAGE);
  try {
    // The cookie is left to expire: the link it names is used now, and changing a cookie here
    // would re-render the page before the confirmation is shown.
    const result = await setPasswordWithToken(db, tokenId, parsed.data.newPassword, await requestMeta());
    return { ok: true, data: result };
  } catch (error) {
    if (isAppError(error)) return actionError(error.message, error.fieldErrors);
    console.error("Choosing a password failed", error instanceof Error ? error.name : "unknown error");
    return actionError(UNEXPECTED_ERROR_MESSAGE);
  }
}
