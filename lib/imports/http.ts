// POST /api/imports: the import wizard's three steps on the uploaded file (a route handler
// rather than a server action, so a 10 MB spreadsheet is not capped by the action body limit).
// Kept out of app/ so tests call it with a plain Request.
import "server-only";
import { actionError, type ActionResult } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/actor";
import { INVALID_INPUT_MESSAGE, SESSION_EXPIRED_MESSAGE, UNEXPECTED_ERROR_MESSAGE, zodFieldErrors } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { BodyTooLargeError, isForeignOrigin, readLimited } from "@/lib/attachments/upload";
import { db as defaultDb } from "@/lib/db";
import { APP_ERROR_MESSAGES, APP_ERROR_STATUS, isAppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/imports/fields";
import { IMPORT_TOO_LARGE_MESSAGE } from "@/lib/imports/parse-file";
import { analyseImportFile, classifyImportFile, createImportJob, previewOf, resolveImportTarget } from "@/lib/imports/prepare-import";
import { importMappingSchema, importOptionsSchema } from "@/lib/imports/schemas";
import type { Db } from "@/lib/prisma-client";

const MISSING_FILE_MESSAGE = "Choisissez le fichier à importer (CSV ou Excel .xlsx).";
const UNREADABLE_REQUEST_MESSAGE = "Le fichier n'a pas pu être reçu. Réessayez.";
const FOREIGN_ORIGIN_MESSAGE = "Requête refusée : elle ne provient pas de cette application.";
const STEPS = ["analyse", "apercu", "lancer"] as const;

function json(result: ActionResult<unknown>, status = 200): Response {
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

export async function handleImportRequest(actor: Actor | null, request: Request, deps: { db?: Db } = {}): Promise<Response> {
  const db = deps.db ?? defaultDb;
  if (!actor) return json(actionError(SESSION_EXPIRED_MESSAGE), 401);
  if (isForeignOrigin(request.headers)) return json(actionError(FOREIGN_ORIGIN_MESSAGE), 403);
  if (!can(actor.role, "prospect:create")) return json(actionError(APP_ERROR_MESSAGES.FORBIDDEN), 403);

  const limit = MAX_IMPORT_BYTES + 64 * 1024;
  if (Number(request.headers.get("content-length") ?? "0") > limit) return json(actionError(IMPORT_TOO_LARGE_MESSAGE, { file: [IMPORT_TOO_LARGE_MESSAGE] }), 413);
  let form: FormData;
  try {
    const body = await readLimited(request, limit);
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(actionError(IMPORT_TOO_LARGE_MESSAGE, { file: [IMPORT_TOO_LARGE_MESSAGE] }), 413);
    return json(actionError(UNREADABLE_REQUEST_MESSAGE), 400);
  }

  const step = form.get("step");
  if (typeof step !== "string" || !(STEPS as readonly string[]).includes(step)) return json(actionError(INVALID_INPUT_MESSAGE), 400);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return json(actionError(MISSING_FILE_MESSAGE, { file: [MISSING_FILE_MESSAGE] }), 422);
  const data = Buffer.from(await file.arrayBuffer());

  try {
    if (step === "analyse") return json({ ok: true, data: await analyseImportFile(data) });
    const options = importOptionsSchema.safeParse({
      partnerId: form.get("partnerId") ?? undefined,
      ownerId: form.get("ownerId") ?? undefined,
      typeId: form.get("typeId") ?? undefined,
      originId: form.get("originId") ?? undefined,
      enrich: form.get("enrich") ?? undefined,
    });
    const mapping = importMappingSchema.safeParse(form.get("mapping") ?? "");
    for (const parsed of [options, mapping]) {
      if (!parsed.success) {
        const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
        return json(actionError(formErrors[0] ?? Object.values(fieldErrors).flat()[0] ?? INVALID_INPUT_MESSAGE, fieldErrors), 422);
      }
    }
    if (step === "apercu") {
      const target = await resolveImportTarget(db, actor, options.data!);
      const rows = await classifyImportFile(db, actor, { data, mapping: mapping.data!, target });
      return json({ ok: true, data: previewOf(rows) });
    }
    const job = await createImportJob(db, actor, { fileName: file.name || "import.csv", data, mapping: mapping.data!, options: options.data! });
    return json({ ok: true, data: job }, 201);
  } catch (error) {
    if (isAppError(error)) return json(actionError(error.message, error.fieldErrors), APP_ERROR_STATUS[error.code]);
    console.error("Import request failed", error);
    return json(actionError(UNEXPECTED_ERROR_MESSAGE), 500);
  }
}
