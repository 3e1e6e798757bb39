import "server-only";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { Actor } from "@/lib/auth/actor";
import { loadSessionState, sessionPolicyFromEnv, type SessionState } from "@/lib/auth/server-session";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { decodeSessionToken } from "@/lib/auth/session-token-cache";
import { can, type Permission } from "@/lib/auth/permissions";
import { PATHNAME_HEADER } from "@/lib/auth/public-paths";
import { safeCallbackUrl } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TablePreferencesMap } from "@/lib/table-preferences/preferences";

// The session cookie's claims (user id, server-side session id), or null when absent or forged.
export const getSessionClaims = cache(async (): Promise<{ userId: string; sessionId: string } | null> => {
  const cookie = sessionCookieSettings();
  const value = (await cookies()).get(cookie.name)?.value;
  if (!value) return null;
  try {
    const token = await decodeSessionToken({ token: value, secret: getEnv().NEXTAUTH_SECRET });
    if (typeof token?.sub !== "string" || typeof token.sid !== "string") return null;
    return { userId: token.sub, sessionId: token.sid };
  } catch {
    return null;
  }
});

// The open session of this request, or null. The cookie only proves which session it was; the
// database says whether that session is still open (not signed out, revoked, idle or past its
// absolute lifetime) and whether the user may still act: one query per request (React's cache()
// shares the answer across the request's components). `mfaPending`: the user's role must use a
// second factor (MFA_REQUIRED_ROLES) and none is set up yet.
export const getSessionState = cache(async (): Promise<(SessionState & { mfaPending: boolean }) | null> => {
  const claims = await getSessionClaims();
  if (!claims) return null;
  const state = await loadSessionState(db, claims.sessionId, claims.userId, sessionPolicyFromEnv());
  if (!state) return null;
  return { ...state, mfaPending: !state.mfaEnrolled && getEnv().MFA_REQUIRED_ROLES.includes(state.actor.role) };
});

// The signed-in user of this request, or null, for every page, action and route handler. A user
// who still has to set up a required second factor counts as signed out everywhere but the
// enrolment page (which reads getSessionState), so they can do nothing else.
export const getActor = cache(async (): Promise<Actor | null> => {
  const state = await getSessionState();
  return state && !state.mfaPending ? state.actor : null;
});

// The signed-in user's list layouts, from the request's one session read.
export async function getTablePreferences(): Promise<TablePreferencesMap> {
  return (await getSessionState())?.tablePreferences ?? {};
}

export const MFA_ENROLMENT_PAGE = "/double-authentification";

// For pages and layouts: sends anonymous (or deactivated) users to the sign-in page, which
// brings them back here afterwards.
export async function requireUser(): Promise<Actor> {
  const state = await getSessionState();
  if (state?.mfaPending) redirect(MFA_ENROLMENT_PAGE);
  if (state) return state.actor;
  const requested = safeCallbackUrl((await headers()).get(PATHNAME_HEADER), "/");
  redirect(requested === "/" ? "/login" : `/login?callbackUrl=${encodeURIComponent(requested)}`);
}

// A page the actor's role may not see answers 404, like a record outside their scope.
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireUser();
  if (!can(actor.role, permission)) notFound();
  return actor;
}
