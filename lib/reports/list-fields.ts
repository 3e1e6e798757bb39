// How the server reads each whitelisted column of a custom list: the Prisma select it needs and
// the typed cell it gives. Keys come from lib/reports/list-columns, never from the request.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SavedListEntity } from "@/lib/generated/prisma/enums";
import { OPPORTUNITY_STATUS_LABELS } from "@/lib/opportunities/labels";
import { PROSPECT_STAGE_LABELS, PROSPECT_STATUS_LABELS } from "@/lib/prospects/labels";
import { centsToEuros, type ExportValue } from "@/lib/reports/export-values";
import type { ListColumnKey } from "@/lib/reports/list-columns";
import { mergeSelects } from "@/lib/reports/select-merge";

type Field<Row> = { select: Record<string, unknown>; value: (row: Row) => ExportValue };

const named = { select: { name: true } } as const;
type Named = { select: { name: true } };
const favoriteContact = {
  where: { isFavorite: true },
  take: 1,
  select: { firstName: true, lastName: true, email: true, landlinePhone: true, mobilePhone: true },
} as const;
type FavoriteContact = typeof favoriteContact;

// The widest row a column may read; each query selects only its columns' part of it.
type ProspectRow = Prisma.ProspectGetPayload<{
  select: {
    id: true;
    name: true;
    legalName: true;
    siren: true;
    postalCode: true;
    city: true;
    status: true;
    stage: true;
    revenueCurrentYearCents: true;
    revenueForecastCents: true;
    createdAt: true;
    type: Named;
    origin: Named;
    owner: Named;
    partner: Named;
    contacts: FavoriteContact;
  };
}>;

const PROSPECT_FIELDS: Record<ListColumnKey<"PROSPECT">, Field<ProspectRow>> = {
  name: { select: { name: true }, value: (r) => r.name },
  legalName: { select: { legalName: true }, value: (r) => r.legalName },
  siren: { select: { siren: true }, value: (r) => r.siren },
  postalCode: { select: { postalCode: true }, value: (r) => r.postalCode },
  city: { select: { city: true }, value: (r) => r.city },
  status: { select: { status: true }, value: (r) => PROSPECT_STATUS_LABELS[r.status] },
  stage: { select: { stage: true }, value: (r) => PROSPECT_STAGE_LABELS[r.stage] },
  type: { select: { type: named }, value: (r) => r.type?.name ?? null },
  origin: { select: { origin: named }, value: (r) => r.origin?.name ?? null },
  owner: { select: { owner: named }, value: (r) => r.owner?.name ?? null },
  partner: { select: { partner: named }, value: (r) => r.partner?.name ?? null },
  contactName: {
    select: { contacts: favoriteContact },
    value: (r) => (r.contacts[0] ? `${r.contacts[0].firstName} ${r.contacts[0].lastName}` : null),
  },
  contactEmail: { select: { contacts: favoriteContact }, value: (r) => r.contacts[0]?.email ?? null },
  contactPhone: {
    select: { contacts: favoriteContact },
    value: (r) => r.contacts[0]?.mobilePhone ?? r.contacts[0]?.landlinePhone ?? null,
  },
  revenueCurrentYear: {
    select: { revenueCurrentYearCents: true },
    value: (r) => centsToEuros(r.revenueCurrentYearCents),
  },
  revenueForecast: { select: { revenueForecastCents: true }, value: (r) => centsToEuros(r.revenueForecastCents) },
  createdAt: { select: { createdAt: true }, value: (r) => r.createdAt },
};

// The widest row a column may read; each query selects only its columns' part of it.
type ActionRow = Prisma.ActionGetPayload<{
  select: {
    id: true;
    dueAt: true;
    subject: true;
    done: true;
    doneAt: true;
    outcome: true;
    notes: true;
    createdAt: true;
    type: Named;
    assignee: Named;
    opportunity: { select: { title: true } };
    prospect: { select: { name: true, owner: Named, partner: Named } };
  };
}>;

const ACTION_FIELDS: Record<ListColumnKey<"ACTION">, Field<ActionRow>> = {
  dueAt: { select: { dueAt: true }, value: (r) => r.dueAt },
  type: { select: { type: named }, value: (r) => r.type.name },
  subject: { select: { subject: true }, value: (r) => r.subject },
  prospect: { select: { prospect: { select: { name: true } } }, value: (r) => r.prospect.name },
  assignee: { select: { assignee: named }, value: (r) => r.assignee?.name ?? null },
  done: { select: { done: true }, value: (r) => r.done },
  doneAt: { select: { doneAt: true }, value: (r) => r.doneAt },
  outcome: { select: { outcome: true }, value: (r) => r.outcome },
  notes: { select: { notes: true }, value: (r) => r.notes },
  opportunity: { select: { opportunity: { select: { title: true } } }, value: (r) => r.opportunity?.title ?? null },
  owner: { select: { prospect: { select: { owner: named } } }, value: (r) => r.prospect.owner?.name ?? null },
  partner: { select: { prospect: { select: { partner: named } } }, value: (r) => r.prospect.partner?.name ?? null },
  createdAt: { select: { createdAt: true }, value: (r) => r.createdAt },
};

// The widest row a column may read; each query selects only its columns' part of it.
type OpportunityRow = Prisma.OpportunityGetPayload<{
  select: {
    id: true;
    prospectId: true;
    title: true;
    status: true;
    amountCents: true;
    expectedCloseDate: true;
    closedAt: true;
    createdAt: true;
    owner: Named;
    stage: { select: { label: true } };
    prospect: { select: { name: true, partner: Named, origin: Named, type: Named } };
  };
}>;

const OPPORTUNITY_FIELDS: Record<ListColumnKey<"OPPORTUNITY">, Field<OpportunityRow>> = {
  title: { select: { title: true }, value: (r) => r.title },
  prospect: { select: { prospect: { select: { name: true } } }, value: (r) => r.prospect.name },
  owner: { select: { owner: named }, value: (r) => r.owner?.name ?? null },
  stage: { select: { stage: { select: { label: true } } }, value: (r) => r.stage.label },
  status: { select: { status: true }, value: (r) => OPPORTUNITY_STATUS_LABELS[r.status] },
  amount: { select: { amountCents: true }, value: (r) => centsToEuros(r.amountCents) },
  expectedCloseDate: {
    select: { expectedCloseDate: true },
    value: (r) => (r.expectedCloseDate ? { day: r.expectedCloseDate } : null),
  },
  closedAt: { select: { closedAt: true }, value: (r) => r.closedAt },
  partner: { select: { prospect: { select: { partner: named } } }, value: (r) => r.prospect.partner?.name ?? null },
  origin: { select: { prospect: { select: { origin: named } } }, value: (r) => r.prospect.origin?.name ?? null },
  type: { select: { prospect: { select: { type: named } } }, value: (r) => r.prospect.type?.name ?? null },
  createdAt: { select: { createdAt: true }, value: (r) => r.createdAt },
};

// Where a row of the list leads: the prospect file, or the action itself.
const ROW_LINK: Record<SavedListEntity, { select: Record<string, true>; href: (row: { id: string; prospectId?: string }) => string }> = {
  PROSPECT: { select: { id: true }, href: (r) => `/prospects/${r.id}` },
  ACTION: { select: { id: true }, href: (r) => `/actions/${r.id}` },
  OPPORTUNITY: { select: { id: true, prospectId: true }, href: (r) => `/prospects/${r.prospectId}` },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each table's getters are typed on their own row shape above
const FIELDS: Record<SavedListEntity, Record<string, Field<any>>> = {
  PROSPECT: PROSPECT_FIELDS,
  ACTION: ACTION_FIELDS,
  OPPORTUNITY: OPPORTUNITY_FIELDS,
};

export type ListRowReader = {
  select: Record<string, unknown>;
  cells: (row: unknown) => ExportValue[];
  href: (row: unknown) => string;
};

// The select and cell readers for whitelisted columns (unknown keys were dropped upstream).
export function listRowReader(entity: SavedListEntity, keys: readonly string[]): ListRowReader {
  const fields = keys.map((key) => FIELDS[entity][key]).filter((f): f is Field<unknown> => Boolean(f));
  const link = ROW_LINK[entity];
  return {
    select: mergeSelects([link.select, ...fields.map((f) => f.select)]),
    cells: (row) => fields.map((f) => f.value(row)),
    href: (row) => link.href(row as { id: string; prospectId?: string }),
  };
}
