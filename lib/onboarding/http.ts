import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";
import { INVALID_LINK_MESSAGE } from "@/lib/onboarding/labels";
import { redeemToken } from "@/lib/onboarding/links";
import {
  missingDocumentMessage,
  ONBOARDING_DOCUMENTS,
  onboardingDetailsSchema,
  onboardingSubmissionSchema,
  type OnboardingTextField,
} from "@/lib/onboarding/schemas";
import { onboardingCookie, signOnboardingSession, verifyOnboardingSession } from "@/lib/onboarding/session-cookie";
import { InvalidOnboardingLinkError, submitOnboarding, type OnboardingFiles } from "@/lib/onboarding/submit-onboarding";

export const ONBOARDING_PAGE = "/onboarding";
export const ONBOARDING_THANKS_PAGE = "/onboarding/merci";

export const UNAVAILABLE_MESSAGE = "Le service est momentanément indisponible. Réessayez dans quelques minutes.";
const MALFORMED_MESSAGE = "Le formulaire envoyé est incomplet. Rechargez la page et réessayez.";
const INVALID_FIELDS_MESSAGE = "Certaines informations sont à corriger : elles sont signalées sous chaque champ.";

// Nothing on these responses may leak to another site or be kept by a cache.
const PRIVATE_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store, private" } as const;

// Secure exactly when the app is served over https, like the sign-in cookie.
export function onboardingCookieSpec() {
  return onboardingCookie(sessionCookieSettings().secure);
}

export function readOnboardingSession(value: string | undefined | null, now: Date = new Date()): string | null {
  return verifyOnboardingSession(value, getEnv().NEXTAUTH_SECRET, now);
}

// GET /onboarding/<token>: swaps the token for a short-lived cookie and sends the browser on to
// /onboarding with a 303, so the token leaves the address bar at once and never reaches a
// Referer, a page's error or a log line of ours. Any invalid token lands on the same page,
// which then shows the one neutral message.
export async function openOnboardingLink(db: Db, token: string, now: Date = new Date()): Promise<NextResponse> {
  let result;
  try {
    result = await redeemToken(db, token, now);
  } catch (error) {
    // Logged without the request: its URL is the token.
    console.error("Onboarding link lookup failed:", error instanceof Error ? error.name : "unknown error");
    return new NextResponse(UNAVAILABLE_MESSAGE, {
      status: 503,
      headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // A relative Location: right behind any proxy, whatever host the request came in on.
  const response = new NextResponse(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: ONBOARDING_PAGE } });
  const { name, options } = onboardingCookieSpec();
  if (result.ok) {
    response.cookies.set(name, signOnboardingSession(result.linkId, getEnv().NEXTAUTH_SECRET, now), options);
  } else {
    response.cookies.set(name, "", { ...options, maxAge: 0 });
  }
  return response;
}

type SubmissionBody =
  | { ok: true; redirectTo: string }
  | { ok: false; error: string; fieldErrors: Record<string, string[]>; invalidLink?: true };

function json(body: SubmissionBody, status: number): NextResponse<SubmissionBody> {
  return NextResponse.json(body, { status, headers: PRIVATE_HEADERS });
}

function invalidLink(): NextResponse<SubmissionBody> {
  const response = json({ ok: false, error: INVALID_LINK_MESSAGE, fieldErrors: {}, invalidLink: true }, 404);
  const { name, options } = onboardingCookieSpec();
  response.cookies.set(name, "", { ...options, maxAge: 0 });
  return response;
}

const TEXT_FIELDS = Object.keys(onboardingDetailsSchema.shape) as OnboardingTextField[];

// POST /onboarding/envoi: the multipart form of the onboarding page. The session cookie (Lax,
// so never sent by another site's POST) says which link; the link is re-checked under lock.
export async function receiveOnboardingSubmission(
  db: Db,
  request: NextRequest,
  now: Date = new Date(),
): Promise<NextResponse<SubmissionBody>> {
  // Browsers say where a request comes from; a form posted from elsewhere is refused outright
  // (and leaves the client's session alone).
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin") {
    return json({ ok: false, error: "Requête refusée : envoyez le formulaire depuis la page d'inscription.", fieldErrors: {} }, 403);
  }

  const linkId = readOnboardingSession(request.cookies.get(onboardingCookieSpec().name)?.value, now);
  if (!linkId) return invalidLink();

  const maxBytes = getEnv().UPLOAD_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > ONBOARDING_DOCUMENTS.length * maxBytes + 1024 * 1024) {
    return json(
      { ok: false, error: "Les documents envoyés sont trop volumineux : réduisez leur taille et réessayez.", fieldErrors: {} },
      413,
    );
  }

  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return json({ ok: false, error: MALFORMED_MESSAGE, fieldErrors: {} }, 400);
  }

  const raw: Record<string, string | undefined> = {};
  for (const field of [...TEXT_FIELDS, "consent"]) {
    const value = form.get(field);
    raw[field] = typeof value === "string" ? value : undefined;
  }
  const parsed = onboardingSubmissionSchema.safeParse(raw);

  const files: OnboardingFiles = {};
  for (const doc of ONBOARDING_DOCUMENTS) {
    const value = form.get(doc.field);
    if (value instanceof File && value.size > 0) {
      files[doc.field] = { fileName: value.name, data: Buffer.from(await value.arrayBuffer()) };
    } else if (value instanceof File && value.name) {
      files[doc.field] = { fileName: value.name, data: Buffer.alloc(0) };
    }
  }
  if (!parsed.success) {
    // Every problem at once, the missing documents included, under the form's field names.
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    for (const doc of ONBOARDING_DOCUMENTS) {
      if (!files[doc.field]) fieldErrors[doc.field] = [missingDocumentMessage(doc.label)];
    }
    return json({ ok: false, error: INVALID_FIELDS_MESSAGE, fieldErrors }, 422);
  }

  try {
    await submitOnboarding(db, { linkId, data: parsed.data, files, now });
  } catch (error) {
    if (error instanceof InvalidOnboardingLinkError) return invalidLink();
    if (isAppError(error) && error.code === "VALIDATION") {
      return json({ ok: false, error: error.message, fieldErrors: error.fieldErrors }, 422);
    }
    console.error("Onboarding submission failed", error);
    return json({ ok: false, error: UNAVAILABLE_MESSAGE, fieldErrors: {} }, 500);
  }

  const response = json({ ok: true, redirectTo: ONBOARDING_THANKS_PAGE }, 200);
  const { name, options } = onboardingCookieSpec();
  response.cookies.set(name, "", { ...options, maxAge: 0 });
  return response;
}
