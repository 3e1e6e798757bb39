import "server-only";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { IMPORT_FIELD_KEYS, type ImportRowData } from "@/lib/imports/fields";
import { checkImportRow, nameKey, type ImportTarget } from "@/lib/imports/row-form";
import type { DbClient } from "@/lib/prisma-client";
import { SIREN_HAS_FILE_MESSAGE, SIREN_TAKEN_MESSAGE } from "@/lib/prospects/deal-registration";
import type { ProspectFormData } from "@/lib/prospects/prospect-form-schema";

export type RowVerdict =
  | { rowNumber: number; status: "valid"; form: ProspectFormData }
  | { rowNumber: number; status: "invalid"; messages: string[] }
  | { rowNumber: number; status: "duplicate"; messages: string[] };

export const ALREADY_OWN_SIREN_MESSAGE = "Déjà dans votre organisation (même SIREN) : ligne ignorée.";
export const ALREADY_OWN_NAME_MESSAGE = "Déjà dans votre organisation (même nom et même code postal) : ligne ignorée.";
export const ALREADY_IMPORTED_MESSAGE = "Ligne déjà importée par un import précédent : ignorée.";
export const inFileDuplicateMessage = (first: number) => `Doublon de la ligne ${first} du fichier : ligne ignorée.`;

// Identifies a row's content for one organisation, so re-importing the same file creates nothing.
export function importRowHash(partnerId: string | null, data: ImportRowData): string {
  const canonical = IMPORT_FIELD_KEYS.map((key) => (data[key] ?? "").trim().toLowerCase());
  return createHash("sha256").update(JSON.stringify([partnerId ?? "", canonical])).digest("hex");
}

// Rows checked against the wizard's schema, then against each other (same SIREN, or same name
// and postal code): the first occurrence stays valid, the others are duplicates.
export function classifyInFile(rows: { rowNumber: number; data: ImportRowData }[], target: ImportTarget): RowVerdict[] {
  const firstBySiren = new Map<string, number>();
  const firstByName = new Map<string, number>();
  return rows.map(({ rowNumber, data }) => {
    const check = checkImportRow(data, target);
    if (!check.ok) return { rowNumber, status: "invalid", messages: check.messages };
    const { form } = check;
    const key = nameKey(form.name, form.postalCode);
    const first = (form.siren ? firstBySiren.get(form.siren) : undefined) ?? (key ? firstByName.get(key) : undefined);
    if (first !== undefined) return { rowNumber, status: "duplicate", messages: [inFileDuplicateMessage(first)] };
    if (form.siren) firstBySiren.set(form.siren, rowNumber);
    if (key) firstByName.set(key, rowNumber);
    return { rowNumber, status: "valid", form };
  });
}

// Why a valid row must not be created given what the database holds: the same content already
// imported for the organisation, its SIREN held (by the organisation, or by another partner:
// refused without naming it, as in the wizard), or, without a SIREN (a person), the same
// normalised name and postal code in the organisation.
export async function databaseDuplicates(
  db: DbClient,
  actor: Actor,
  partnerId: string | null,
  rows: { rowNumber: number; form: ProspectFormData; hash: string }[],
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (rows.length === 0) return found;
  const sirens = [...new Set(rows.map((r) => r.form.siren).filter((s): s is string => Boolean(s)))];
  const postalCodes = [...new Set(rows.map((r) => r.form.postalCode).filter((p): p is string => Boolean(p)))];
  const [holders, sameArea, imported] = await Promise.all([
    sirens.length
      ? db.prospect.findMany({ where: { siren: { in: sirens }, status: { not: "NOT_INTERESTED" } }, select: { siren: true, partnerId: true } })
      : [],
    postalCodes.length
      ? db.prospect.findMany({ where: { partnerId, postalCode: { in: postalCodes } }, select: { name: true, postalCode: true } })
      : [],
    db.importRow.findMany({
      where: { hash: { in: rows.map((r) => r.hash) }, outcome: "CREATED", prospectId: { not: null }, import: { partnerId } },
      select: { hash: true },
    }),
  ]);
  const holderBySiren = new Map(holders.map((h) => [h.siren!, h.partnerId]));
  const ownNames = new Set(sameArea.map((p) => nameKey(p.name, p.postalCode)).filter(Boolean));
  const importedHashes = new Set(imported.map((r) => r.hash));
  const internal = can(actor.role, "prospect:read:any");
  for (const row of rows) {
    const siren = row.form.siren;
    if (importedHashes.has(row.hash)) found.set(row.rowNumber, ALREADY_IMPORTED_MESSAGE);
    else if (siren && holderBySiren.has(siren)) {
      const holder = holderBySiren.get(siren) ?? null;
      if (holder === partnerId) found.set(row.rowNumber, ALREADY_OWN_SIREN_MESSAGE);
      else found.set(row.rowNumber, internal ? SIREN_HAS_FILE_MESSAGE : SIREN_TAKEN_MESSAGE);
    } else if (!siren && ownNames.has(nameKey(row.form.name, row.form.postalCode))) {
      found.set(row.rowNumber, ALREADY_OWN_NAME_MESSAGE);
    }
  }
  return found;
}
