import "server-only";
import { actionError, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/actor";
import { INVALID_INPUT_MESSAGE, SESSION_EXPIRED_MESSAGE, UNEXPECTED_ERROR_MESSAGE, zodFieldErrors } from "@/lib/auth/action";
import { prospectScope } from "@/lib/auth/scope";
import { EMPTY_FILE_MESSAGE, fileTooLargeMessage, MISSING_FILE_MESSAGE } from "@/lib/attachments/labels";
import { canEditAttachments } from "@/lib/attachments/policy";
import { uploadAttachmentFieldsSchema } from "@/lib/attachments/schemas";
import { storeAttachment } from "@/lib/attachments/store-attachment";
import { db as defaultDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { APP_ERROR_MESSAGES, APP_ERROR_STATUS, isAppError } from "@/lib/errors";
import type { Db } from "@/lib/prisma-client";
import type { Storage } from "@/lib/storage";

// Room for the multipart boundaries, part headers and the two text fields.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const UNREADABLE_REQUEST_MESSAGE = "Le fichier n'a pas pu être reçu. Réessayez.";
const FOREIGN_ORIGIN_MESSAGE = "Requête refusée : elle ne provient pas de cette application.";

type UploadResult = ActionResult<{ id: string }>;

function json(result: UploadResult, status: number): Response {
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

function fileError(message: string, status = 422): Response {
  return json(actionError(message, { file: [message] }), status);
}

// Browsers send Origin on every POST; one naming another site is a cross-site request riding
// on the session cookie. (Requests without it are not from a browser form.)
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  try {
    return !host || new URL(origin).host !== host;
  } catch {
    return true;
  }
}

export class BodyTooLargeError extends Error {}

// Reads at most `limit` bytes, whatever Content-Length claims (chunked bodies carry none).
export async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

// POST /api/attachments once the actor is known (null: not signed in): a multipart form with
// prospectId, category and file. Answers an ActionResult as JSON, like a server action would,
// so the upload form handles both the same way.
export async function handleAttachmentUpload(
  actor: Actor | null,
  request: Request,
  deps: { db?: Db; storage?: Storage; maxBytes?: number } = {},
): Promise<Response> {
  const db = deps.db ?? defaultDb;
  const maxBytes = deps.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
  if (!actor) return json(actionError(SESSION_EXPIRED_MESSAGE), 401);
  if (isForeignOrigin(request.headers)) return json(actionError(FOREIGN_ORIGIN_MESSAGE), 403);
  if (!canEditAttachments(actor)) return json(actionError(APP_ERROR_MESSAGES.FORBIDDEN), 403);

  const limit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return fileError(fileTooLargeMessage(maxBytes), 413);

  let form: FormData;
  try {
    const body = await readLimited(request, limit);
    const contentType = request.headers.get("content-type") ?? "";
    form = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return fileError(fileTooLargeMessage(maxBytes), 413);
    return json(actionError(UNREADABLE_REQUEST_MESSAGE), 400);
  }

  const parsed = uploadAttachmentFieldsSchema.safeParse({
    prospectId: form.get("prospectId") ?? undefined,
    category: form.get("category") ?? undefined,
  });
  if (!parsed.success) {
    const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
    return json(actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors), 422);
  }
  const file = form.get("file");
  if (!(file instanceof File)) return fileError(MISSING_FILE_MESSAGE);
  if (file.size === 0) return fileError(file.name ? EMPTY_FILE_MESSAGE : MISSING_FILE_MESSAGE);
  if (file.size > maxBytes) return fileError(fileTooLargeMessage(maxBytes), 413);

  const prospect = await db.prospect.findFirst({
    where: { AND: [{ id: parsed.data.prospectId }, prospectScope(actor)] },
    select: { id: true },
  });
  if (!prospect) return json(actionError(APP_ERROR_MESSAGES.NOT_FOUND), 404);

  try {
    const stored = await storeAttachment(
      db,
      {
        prospectId: prospect.id,
        category: parsed.data.category,
        fileName: file.name,
        data: Buffer.from(await file.arrayBuffer()),
        uploadedById: actor.id,
      },
      { storage: deps.storage, maxBytes },
    );
    return json({ ok: true, data: stored }, 201);
  } catch (error) {
    if (isAppError(error)) return json(actionError(error.message, error.fieldErrors), APP_ERROR_STATUS[error.code]);
    console.error("Attachment upload failed", error);
    return json(actionError(UNEXPECTED_ERROR_MESSAGE), 500);
  }
}
