// The prospects list as a download: what the list shows (same filters and sort, every page),
// streamed through the reports' exporter (formula-injection rule, XLSX cap). Partners get their
// own organisation's files only and none of the internal team's columns.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_EXPIRED_MESSAGE } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import { APP_ERROR_MESSAGES } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/prisma-client";
import { nafLabel } from "@/lib/naf/labels";
import { PROSPECT_KIND_LABELS, PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { prospectKeysetSort } from "@/lib/prospects/find-prospects-page";
import { prospectListWhere } from "@/lib/prospects/queries";
import { parseProspectListParams, PROSPECT_INTERNAL_FILTER_KEYS, type ProspectListParams } from "@/lib/prospects/schemas";
import { searchParamsRecord } from "@/lib/reports/export-route";
import { exportDateStamp, keysetBatches, type ExportSource } from "@/lib/reports/export-source";
import type { ExportColumn, ExportValue } from "@/lib/reports/export-values";
import { EXPORT_FORMATS, exportResponse, type ExportFormat } from "@/lib/reports/export-writers";

const exportSelect = {
  id: true,
  name: true,
  kind: true,
  legalName: true,
  siren: true,
  siret: true,
  vatNumber: true,
  nafCode: true,
  legalForm: true,
  website: true,
  street: true,
  postalCode: true,
  city: true,
  country: true,
  status: true,
  stage: true,
  createdAt: true,
  partner: { select: { name: true } },
  contacts: { where: { isFavorite: true }, select: { firstName: true, lastName: true, email: true, mobilePhone: true, landlinePhone: true } },
} satisfies Prisma.ProspectSelect;

const internalSelect = {
  owner: { select: { name: true } },
  type: { select: { name: true } },
  origin: { select: { name: true } },
} satisfies Prisma.ProspectSelect;

type Row = Prisma.ProspectGetPayload<{ select: typeof exportSelect }> &
  Partial<Prisma.ProspectGetPayload<{ select: typeof internalSelect }>>;

type Column = ExportColumn & { value: (row: Row) => ExportValue; internal?: boolean };

const text = (header: string, value: (row: Row) => ExportValue, internal = false): Column => ({ header, kind: "text", value, internal });

const COLUMNS: Column[] = [
  text("Nom", (r) => r.name),
  text("Nature", (r) => PROSPECT_KIND_LABELS[r.kind]),
  text("Raison sociale", (r) => r.legalName),
  text("SIREN", (r) => r.siren),
  text("SIRET", (r) => r.siret),
  text("N° de TVA intracommunautaire", (r) => r.vatNumber),
  text("Code NAF", (r) => r.nafCode),
  text("Activité (NAF)", (r) => nafLabel(r.nafCode)),
  text("Forme juridique", (r) => r.legalForm),
  text("Site web", (r) => r.website),
  text("Adresse", (r) => r.street),
  text("Code postal", (r) => r.postalCode),
  text("Ville", (r) => r.city),
  text("Pays", (r) => r.country),
  text("Statut", (r) => PROSPECT_STATUS_LABELS[r.status]),
  text("Étape", (r) => PROSPECT_STAGE_LABELS[r.stage]),
  text("Partenaire apporteur", (r) => r.partner?.name ?? "Direct"),
  text("Commercial", (r) => r.owner?.name ?? null, true),
  text("Type de prospect", (r) => r.type?.name ?? null, true),
  text("Origine", (r) => r.origin?.name ?? null, true),
  text("Contact favori", (r) => (r.contacts[0] ? `${r.contacts[0].firstName} ${r.contacts[0].lastName}` : null)),
  text("E-mail du contact", (r) => r.contacts[0]?.email ?? null),
  text("Téléphone du contact", (r) => r.contacts[0]?.mobilePhone ?? r.contacts[0]?.landlinePhone ?? null),
  { header: "Créé le", kind: "datetime", value: (r) => r.createdAt },
];

// Partners' filters are limited to what their list offers (no internal filter), as on the page.
export function prospectExportParams(actor: Actor, searchParams: URLSearchParams): ProspectListParams {
  const parsed = parseProspectListParams(searchParamsRecord(searchParams));
  if (can(actor.role, "prospect:read:any")) return parsed;
  return { ...parsed, ...Object.fromEntries(PROSPECT_INTERNAL_FILTER_KEYS.map((key) => [key, ""])) };
}

export function prospectExportSource(actor: Actor, filters: ProspectListParams, db: DbClient = defaultDb): ExportSource {
  const internal = can(actor.role, "prospect:read:any");
  const columns = COLUMNS.filter((c) => internal || !c.internal);
  const where = prospectListWhere(actor, filters);
  // Batches follow the list's own keyset order; the partner-name sort (a join, no keyset) is
  // exported by company name.
  const sort = prospectKeysetSort(filters) ?? { field: "name", dir: filters.dir, nullable: false };
  const select = internal ? { ...exportSelect, ...internalSelect } : exportSelect;
  return {
    fileName: `prospects-${exportDateStamp()}`,
    sheetName: "Prospects",
    columns: columns.map(({ header, kind }) => ({ header, kind })),
    count: () => db.prospect.count({ where }),
    async *batches(batchSize) {
      const pages = keysetBatches(
        sort,
        (batch) =>
          db.prospect.findMany({
            where: { AND: [where, batch.where as Prisma.ProspectWhereInput] },
            orderBy: batch.orderBy as Prisma.ProspectOrderByWithRelationInput[],
            take: batch.take,
            select: { ...select, [sort.field]: true },
          }) as unknown as Promise<Row[]>,
        batchSize,
      );
      for await (const rows of pages) yield rows.map((row) => columns.map((c) => c.value(row)));
    },
  };
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

// GET /api/prospects/export/<csv|xlsx>?<the list's query string>.
export async function prospectExportResponse(actor: Actor | null, format: string, searchParams: URLSearchParams, db: DbClient = defaultDb): Promise<Response> {
  if (!actor) return plain(401, SESSION_EXPIRED_MESSAGE);
  const readable = can(actor.role, "prospect:read:any") || (can(actor.role, "prospect:read:own") && actor.partnerId);
  if (!readable || !(EXPORT_FORMATS as readonly string[]).includes(format)) return plain(404, APP_ERROR_MESSAGES.NOT_FOUND);
  return exportResponse(prospectExportSource(actor, prospectExportParams(actor, searchParams), db), format as ExportFormat);
}
