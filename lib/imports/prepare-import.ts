import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { applyMapping, autoMapHeaders, type ImportMapping, type ImportRowData } from "@/lib/imports/fields";
import { classifyInFile, databaseDuplicates, importRowHash, type RowVerdict } from "@/lib/imports/classify";
import { parseSpreadsheet } from "@/lib/imports/parse-file";
import type { ImportTarget } from "@/lib/imports/row-form";
import type { ImportOptions } from "@/lib/imports/schemas";
import type { Db, DbClient } from "@/lib/prisma-client";
import { UNKNOWN_ORIGIN_MESSAGE, UNKNOWN_OWNER_MESSAGE, UNKNOWN_PARTNER_MESSAGE, UNKNOWN_TYPE_MESSAGE } from "@/lib/prospects/save-prospect";

// Partners import into their own organisation; the internal team picks the organisation (or
// none: direct files), the owner, the type and the origin.
export async function resolveImportTarget(db: DbClient, actor: Actor, options: ImportOptions): Promise<ImportTarget> {
  if (!can(actor.role, "prospect:create")) throw new AppError("FORBIDDEN");
  if (!can(actor.role, "prospect:read:any")) {
    if (!actor.partnerId) throw new AppError("FORBIDDEN");
    return { partnerId: actor.partnerId };
  }
  const [partner, owner, type, origin] = await Promise.all([
    options.partnerId ? db.partner.findFirst({ where: { id: options.partnerId, active: true }, select: { id: true } }) : true,
    options.ownerId ? db.user.findFirst({ where: { id: options.ownerId, active: true, role: { in: ["SALES", "MANAGER"] } }, select: { id: true } }) : true,
    options.typeId ? db.prospectType.findFirst({ where: { id: options.typeId, active: true }, select: { id: true } }) : true,
    options.originId ? db.origin.findFirst({ where: { id: options.originId, active: true }, select: { id: true } }) : true,
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (!partner) fieldErrors.partnerId = [UNKNOWN_PARTNER_MESSAGE];
  if (!owner) fieldErrors.ownerId = [UNKNOWN_OWNER_MESSAGE];
  if (!type) fieldErrors.typeId = [UNKNOWN_TYPE_MESSAGE];
  if (!origin) fieldErrors.originId = [UNKNOWN_ORIGIN_MESSAGE];
  const first = Object.values(fieldErrors).flat()[0];
  if (first) throw new AppError("VALIDATION", first, fieldErrors);
  return { partnerId: options.partnerId, ownerId: options.ownerId ?? actor.id, typeId: options.typeId, originId: options.originId };
}

export type ImportAnalysis = { headers: string[]; mapping: ImportMapping; rowCount: number; sample: string[][] };

// Step 1: the columns, matched to fields by their headers, and a few rows to recognise them.
export async function analyseImportFile(data: Buffer): Promise<ImportAnalysis> {
  const sheet = await parseSpreadsheet(data);
  return { headers: sheet.headers, mapping: autoMapHeaders(sheet.headers), rowCount: sheet.rows.length, sample: sheet.rows.slice(0, 3) };
}

export type ClassifiedRow = { rowNumber: number; data: ImportRowData; hash: string; verdict: RowVerdict };

// Every row of the file with its verdict: valid, to fix (the schema's messages), or duplicate
// (in the file, in the organisation, already imported, or registered by another partner).
export async function classifyImportFile(
  db: DbClient,
  actor: Actor,
  input: { data: Buffer; mapping: ImportMapping; target: ImportTarget },
): Promise<ClassifiedRow[]> {
  const sheet = await parseSpreadsheet(input.data);
  if (input.mapping.length > sheet.headers.length + 50) throw new AppError("VALIDATION", "La correspondance ne correspond pas à ce fichier : rechargez-le.");
  const rows = sheet.rows.map((cells, i) => ({ rowNumber: i + 2, data: applyMapping(input.mapping, cells) }));
  const verdicts = classifyInFile(rows, input.target);
  const hashes = rows.map((r) => importRowHash(input.target.partnerId, r.data));
  const valid = verdicts.flatMap((v, i) => (v.status === "valid" ? [{ rowNumber: v.rowNumber, form: v.form, hash: hashes[i]! }] : []));
  const duplicates = await databaseDuplicates(db, actor, input.target.partnerId, valid);
  return rows.map((row, i) => {
    const verdict = verdicts[i]!;
    const dbDuplicate = duplicates.get(row.rowNumber);
    return {
      ...row,
      hash: hashes[i]!,
      verdict: dbDuplicate ? { rowNumber: row.rowNumber, status: "duplicate", messages: [dbDuplicate] } : verdict,
    };
  });
}

export type PreviewRow = { rowNumber: number; status: RowVerdict["status"]; name: string; siren: string; messages: string[] };
export type ImportPreview = { total: number; valid: number; invalid: number; duplicate: number; rows: PreviewRow[] };

const PREVIEW_VALID_ROWS = 20;

// Step 2: the counts, every row that will not be created with its reasons, and the first valid ones.
export function previewOf(rows: ClassifiedRow[]): ImportPreview {
  const preview: ImportPreview = { total: rows.length, valid: 0, invalid: 0, duplicate: 0, rows: [] };
  let shownValid = 0;
  for (const row of rows) {
    const { verdict } = row;
    preview[verdict.status] += 1;
    if (verdict.status === "valid" && shownValid++ >= PREVIEW_VALID_ROWS) continue;
    preview.rows.push({
      rowNumber: row.rowNumber,
      status: verdict.status,
      name: row.data.name ?? row.data.legalName ?? "",
      siren: row.data.siren ?? "",
      messages: verdict.status === "valid" ? [] : verdict.messages,
    });
  }
  return preview;
}

const ROW_CHUNK = 1000;

// Step 3: the import and all its rows, for the worker. Rows that cannot be created are settled
// now with their reason; the others wait for the worker, which checks the database again.
export async function createImportJob(
  db: Db,
  actor: Actor,
  input: { fileName: string; data: Buffer; mapping: ImportMapping; options: ImportOptions },
): Promise<{ id: string }> {
  const target = await resolveImportTarget(db, actor, input.options);
  const rows = await classifyImportFile(db, actor, { data: input.data, mapping: input.mapping, target });
  const now = new Date();
  // The worker must never see an import whose rows are not all written.
  return db.$transaction(
    async (tx) => {
      const job = await tx.importJob.create({
        data: {
          createdById: actor.id,
          partnerId: target.partnerId,
          ownerId: target.ownerId ?? null,
          typeId: target.typeId ?? null,
          originId: target.originId ?? null,
          enrich: input.options.enrich,
          fileName: input.fileName.slice(0, 200),
          totalRows: rows.length,
        },
        select: { id: true },
      });
      for (let i = 0; i < rows.length; i += ROW_CHUNK) {
        await tx.importRow.createMany({
          data: rows.slice(i, i + ROW_CHUNK).map((row) => {
            const settled = row.verdict.status !== "valid";
            return {
              importId: job.id,
              rowNumber: row.rowNumber,
              data: row.data,
              hash: row.hash,
              outcome: settled ? (row.verdict.status === "invalid" ? "FAILED" : "SKIPPED") : null,
              message: row.verdict.status === "valid" ? null : row.verdict.messages.join(" "),
              processedAt: settled ? now : null,
            };
          }),
        });
      }
      return job;
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}
