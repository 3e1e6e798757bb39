import "server-only";
import type { z } from "zod";
import "@/lib/zod-fr";
import { authenticateApiKey, type ApiClient } from "@/lib/api-keys/authenticate";
import { zodFieldErrors } from "@/lib/auth/action";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors";

// Route handlers of /api/v1 (the financing platform's API) share this frame: API key first,
// then a JSON body checked against a zod schema, and known failures as JSON with a French
// message. Bad input of any kind is a 4xx, never a 500.

const MAX_BODY_BYTES = 64 * 1024;

export type ApiErrorBody = { error: string; fieldErrors?: Record<string, string[]> };

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export function apiError(status: number, error: string, fieldErrors?: Record<string, string[]>): Response {
  const body: ApiErrorBody = fieldErrors && Object.keys(fieldErrors).length ? { error, fieldErrors } : { error };
  const headers: Record<string, string> = status === 401 ? { "WWW-Authenticate": 'Bearer realm="api"' } : {};
  return apiJson(body, status, headers);
}

const STATUS_BY_CODE = { NOT_FOUND: 404, CONFLICT: 409, VALIDATION: 400, FORBIDDEN: 403 } as const;

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return {
      ok: false,
      response: apiError(415, "Le corps de la requête doit être du JSON (en-tête Content-Type: application/json)."),
    };
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) return { ok: false, response: apiError(413, "Corps de requête trop volumineux (64 Ko au plus).") };
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, response: apiError(400, "Corps de requête illisible.") };
  }
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return { ok: false, response: apiError(413, "Corps de requête trop volumineux (64 Ko au plus).") };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: apiError(400, "Corps de requête JSON invalide : vérifiez la syntaxe.") };
  }
}

// A POST handler taking a JSON body valid for `schema`, for an authenticated API client.
export function apiPost<S extends z.ZodType>(
  schema: S,
  handler: (input: z.output<S>, client: ApiClient) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const client = await authenticateApiKey(db, request.headers.get("authorization"));
      if (!client) {
        return apiError(401, "Clé d'API absente, invalide ou révoquée (en-tête Authorization: Bearer <clé>).");
      }
      const body = await readJson(request);
      if (!body.ok) return body.response;
      if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
        return apiError(400, "Le corps de la requête doit être un objet JSON.");
      }
      const parsed = await schema.safeParseAsync(body.value);
      if (!parsed.success) {
        const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
        return apiError(400, formErrors[0] ?? "Données invalides : corrigez les champs indiqués.", fieldErrors);
      }
      return await handler(parsed.data, client);
    } catch (error) {
      if (isAppError(error)) return apiError(STATUS_BY_CODE[error.code], error.message, error.fieldErrors);
      console.error("API v1 failure", error);
      return apiError(500, "Erreur interne : réessayez dans un instant.");
    }
  };
}
