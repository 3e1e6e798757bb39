import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { db as defaultDb } from "@/lib/db";
import type { ProspectKind, ProspectStage, ProspectStatus } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";
import { centsToEurosInput } from "@/lib/prospects/euros";
import { formatPhoneForDisplay } from "@/lib/validation/phone";
import { emptyProspectForm, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { findFileProspect } from "@/lib/prospects/file-prospect";
import { listActivePartners } from "@/lib/prospects/internal-options";

// What the file shows beside the form: who brought the file and where it stands. Plain values
// only (dates as ISO strings), since it crosses to the browser.
export type ProspectFileInfo = {
  id: string;
  kind: ProspectKind;
  name: string;
  siren: string | null;
  city: string | null;
  status: ProspectStatus;
  stage: ProspectStage;
  version: number;
  createdAt: string;
  readyAt: string | null;
  partnerName: string | null;
  createdByName: string | null;
  ownerName: string | null;
  typeName: string | null;
  originName: string | null;
  // Present only for the internal team (never loaded for partners).
  internalNotes?: string | null;
};

export type ProspectFile = { values: ProspectFormValues; info: ProspectFileInfo };

export type PartnerOption = { value: string; label: string };

// The prospect as the wizard edits it, or null when it does not exist or lies outside the
// actor's scope (the page answers both with a 404).
export async function getProspectFile(actor: Actor, id: string, db: DbClient = defaultDb): Promise<ProspectFile | null> {
  const withInternal = can(actor.role, "prospect:internal:read");
  const internal = can(actor.role, "prospect:read:any");
  const p = await findFileProspect(actor, id, db);
  if (!p) return null;

  const values: ProspectFormValues = {
    ...emptyProspectForm(p.partnerId),
    id: p.id,
    version: p.version,
    kind: p.kind,
    name: p.name,
    legalName: p.legalName ?? "",
    siren: p.siren ?? "",
    siret: p.siret ?? "",
    nafCode: p.nafCode ?? "",
    legalForm: p.legalForm ?? "",
    headcountBand: p.headcountBand ?? "",
    website: p.website ?? "",
    vatNumber: p.vatNumber ?? "",
    status: p.status,
    revenueCurrentYear: centsToEurosInput(p.revenueCurrentYearCents),
    revenueForecast: centsToEurosInput(p.revenueForecastCents),
    comment: p.comment ?? "",
    contacts: p.contacts.map((c) => ({
      id: c.id,
      civility: c.civility ?? "",
      lastName: c.lastName,
      firstName: c.firstName,
      jobTitle: c.jobTitle ?? "",
      // Shown the French way; the save turns them back into E.164.
      mobilePhone: c.mobilePhone ? formatPhoneForDisplay(c.mobilePhone) : "",
      landlinePhone: formatPhoneForDisplay(c.landlinePhone),
      email: c.email ?? "",
      isFavorite: c.isFavorite,
    })),
    street: p.street ?? "",
    postalCode: p.postalCode ?? "",
    city: p.city ?? "",
    country: p.country,
    recommendationActivity: p.recommendationActivity ?? "",
    recommendationNeeds: p.recommendationNeeds ?? "",
    recommendationInvoices: p.recommendationInvoices ?? "",
    // The internal team's fields never reach a partner's form (nor would the server take them).
    ...(internal
      ? { typeId: p.typeId ?? "", originId: p.originId ?? "", ownerId: p.ownerId ?? "" }
      : {}),
  };

  const info: ProspectFileInfo = {
    id: p.id,
    kind: p.kind,
    name: p.name,
    siren: p.siren,
    city: p.city,
    status: p.status,
    stage: p.stage,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    readyAt: p.readyAt?.toISOString() ?? null,
    partnerName: p.names.partner?.name ?? null,
    createdByName: p.names.createdBy?.name ?? null,
    // Rep, type and origin are the internal team's: never sent to a partner.
    ownerName: internal ? (p.names.owner?.name ?? null) : null,
    typeName: internal ? (p.names.type?.name ?? null) : null,
    originName: internal ? (p.names.origin?.name ?? null) : null,
    ...(withInternal ? { internalNotes: p.internalNotes } : {}),
  };
  return { values, info };
}

// Partner organisations the internal team may attach a file to; partners get none (theirs is fixed).
export async function listPartnerOptions(actor: Actor, db: DbClient = defaultDb): Promise<PartnerOption[] | null> {
  if (!can(actor.role, "prospect:read:any")) return null;
  const partners = await listActivePartners(db);
  return partners.map((p) => ({ value: p.id, label: p.name }));
}

export async function getPartnerName(partnerId: string | null, db: DbClient = defaultDb): Promise<string | null> {
  if (!partnerId) return null;
  const partner = await db.partner.findUnique({ where: { id: partnerId }, select: { name: true } });
  return partner?.name ?? null;
}
