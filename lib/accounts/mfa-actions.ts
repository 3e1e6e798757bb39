"use server";

// Second-factor enrolment and the device cookie. These run for a signed-in user even while a
// required second factor is still missing (getSessionState, not getActor): enrolling is the one
// thing such a user may do.
import { cookies } from "next/headers";
import { totpCodeSchema, type TotpCodeInput } from "@/lib/accounts/schemas";
import { confirmTotpEnrolment, disableTotp, startTotpEnrolment, type Enrolment } from "@/lib/accounts/totp";
import { actionError, type ActionResult } from "@/lib/action-result";
import { INVALID_INPUT_MESSAGE, SESSION_EXPIRED_MESSAGE, UNEXPECTED_ERROR_MESSAGE, zodFieldErrors } from "@/lib/auth/action";
import { deviceCookie, signDeviceCookie } from "@/lib/auth/device-cookie";
import { requestMeta } from "@/lib/auth/request-meta";
import { getSessionState } from "@/lib/auth/session";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";

async function run<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    if (isAppError(error)) return actionError(error.message, error.fieldErrors);
    console.error("Second-factor action failed", error instanceof Error ? error.name : "unknown error");
    return actionError(UNEXPECTED_ERROR_MESSAGE);
  }
}

export async function startTotpEnrolmentAction(): Promise<ActionResult<Enrolment>> {
  const state = await getSessionState();
  if (!state) return actionError(SESSION_EXPIRED_MESSAGE);
  return run(() => startTotpEnrolment(db, state.actor));
}

export async function confirmTotpEnrolmentAction(input: TotpCodeInput): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const state = await getSessionState();
  if (!state) return actionError(SESSION_EXPIRED_MESSAGE);
  const parsed = totpCodeSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
    return actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors);
  }
  const meta = await requestMeta();
  return run(async () => ({ recoveryCodes: await confirmTotpEnrolment(db, state.actor.id, parsed.data.code, meta) }));
}

export async function disableTotpAction(input: TotpCodeInput): Promise<ActionResult<void>> {
  const state = await getSessionState();
  if (!state || state.mfaPending) return actionError(SESSION_EXPIRED_MESSAGE);
  const parsed = totpCodeSchema.safeParse(input);
  if (!parsed.success) {
    const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
    return actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors);
  }
  const meta = await requestMeta();
  return run(() => disableTotp(db, state.actor, parsed.data.code, meta));
}

// Called by the sign-in form right after a successful sign-in: this browser is now known for
// this account (lib/auth/device-cookie.ts).
export async function rememberDeviceAction(): Promise<ActionResult<void>> {
  const state = await getSessionState();
  if (!state) return actionError(SESSION_EXPIRED_MESSAGE);
  const { name, options } = deviceCookie(sessionCookieSettings().secure);
  (await cookies()).set(name, signDeviceCookie(state.actor.email, getEnv().NEXTAUTH_SECRET), options);
  return { ok: true, data: undefined };
}
