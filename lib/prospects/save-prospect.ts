import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { diffForAudit, recordAudit, snapshotForAudit } from "@/lib/audit/record";
import { linkConnectionsToProspect } from "@/lib/connections/link-connections";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProspectStatus } from "@/lib/generated/prisma/enums";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import type { Db, DbClient } from "@/lib/prisma-client";
import { assertSirenAvailable, duplicateFor, SIREN_INDEX, uniqueViolationIndex } from "@/lib/prospects/deal-registration";
import type { ProspectFormData } from "@/lib/prospects/prospect-form-schema";
import { PERSON_INDEX, PERSON_TAKEN_MESSAGE, personKeyOf } from "@/lib/prospects/person-key";
import { saveContacts } from "@/lib/prospects/save-contacts";

export const STALE_VERSION_MESSAGE = "Ce prospect a été modifié par quelqu'un d'autre. Rechargez la page.";
export const CONFIRM_READY_MESSAGE =
  "Confirmez le passage en « Prêt à démarrer » : l'équipe commerciale sera alertée et le client recevra son lien d'inscription.";
export const OTHER_PARTNER_MESSAGE = "Vous ne pouvez rattacher un prospect qu'à votre propre organisation.";
export const UNKNOWN_PARTNER_MESSAGE = "Cet apporteur n'existe pas ou n'est plus actif.";
export const UNKNOWN_TYPE_MESSAGE = "Ce type de prospect n'existe pas ou a été retiré.";
export const UNKNOWN_ORIGIN_MESSAGE = "Cette origine n'existe pas ou a été retirée.";
export const UNKNOWN_OWNER_MESSAGE = "Ce commercial n'existe pas ou n'est plus actif.";

export type SavedProspect = { id: string; version: number; created: boolean; status: ProspectStatus };

// The prospect's own fields, in the order the history shows them.
export const PROSPECT_AUDIT_FIELDS = [
  "kind",
  "name",
  "legalName",
  "siren",
  "siret",
  "vatNumber",
  "website",
  "nafCode",
  "legalForm",
  "headcountBand",
  "partnerId",
  "status",
  "revenueCurrentYearCents",
  "revenueForecastCents",
  "comment",
  "street",
  "postalCode",
  "city",
  "country",
  "recommendationActivity",
  "recommendationNeeds",
  "recommendationInvoices",
  "typeId",
  "originId",
  "ownerId",
] as const;

type ProspectFields = Pick<Prisma.ProspectUncheckedCreateInput, (typeof PROSPECT_AUDIT_FIELDS)[number]>;
type InternalFields = Pick<ProspectFields, "typeId" | "originId" | "ownerId">;

function fieldsOf(input: ProspectFormData, partnerId: string | null, internal: InternalFields): ProspectFields {
  // A person has no company fields: whatever the hidden inputs held is not stored.
  const company = input.kind === "COMPANY";
  return {
    kind: input.kind,
    name: input.name,
    legalName: company ? input.legalName : null,
    siren: company ? input.siren : null,
    siret: company ? input.siret : null,
    vatNumber: company ? input.vatNumber : null,
    website: company ? input.website : null,
    nafCode: company ? input.nafCode : null,
    legalForm: company ? input.legalForm : null,
    headcountBand: company ? input.headcountBand : null,
    partnerId,
    status: input.status,
    revenueCurrentYearCents: input.revenueCurrentYear,
    revenueForecastCents: input.revenueForecast,
    comment: input.comment,
    street: input.street,
    postalCode: input.postalCode,
    city: input.city,
    country: input.country,
    recommendationActivity: input.recommendationActivity,
    recommendationNeeds: input.recommendationNeeds,
    recommendationInvoices: input.recommendationInvoices,
    ...internal,
  };
}

type StoredInternal = { typeId: string | null; originId: string | null; ownerId: string | null };

// Type, origin and sales rep are the internal team's: from a partner they are ignored (the
// stored values stay). A new choice must be an active value / an active SALES or MANAGER user;
// a value retired since it was chosen may stay on the record.
async function resolveInternalFields(
  db: Db,
  actor: Actor,
  input: ProspectFormData,
  current: StoredInternal | null,
): Promise<InternalFields> {
  if (!can(actor.role, "prospect:read:any")) {
    return current ? {} : { ownerId: null };
  }
  const fields: InternalFields = {};
  const fieldErrors: Record<string, string[]> = {};
  const changed = (key: keyof StoredInternal) => {
    const value = input[key];
    return value !== undefined && value !== null && value !== current?.[key];
  };
  if (input.typeId !== undefined) fields.typeId = input.typeId;
  if (input.originId !== undefined) fields.originId = input.originId;
  if (input.ownerId !== undefined) fields.ownerId = input.ownerId;
  // An internal user registering a file follows it unless they pick someone else.
  if (!current && input.ownerId === undefined) fields.ownerId = actor.id;

  const [type, origin, owner] = await Promise.all([
    changed("typeId") ? db.prospectType.findFirst({ where: { id: input.typeId!, active: true }, select: { id: true } }) : true,
    changed("originId") ? db.origin.findFirst({ where: { id: input.originId!, active: true }, select: { id: true } }) : true,
    changed("ownerId")
      ? db.user.findFirst({ where: { id: input.ownerId!, active: true, role: { in: ["SALES", "MANAGER"] } }, select: { id: true } })
      : true,
  ]);
  if (!type) fieldErrors.typeId = [UNKNOWN_TYPE_MESSAGE];
  if (!origin) fieldErrors.originId = [UNKNOWN_ORIGIN_MESSAGE];
  if (!owner) fieldErrors.ownerId = [UNKNOWN_OWNER_MESSAGE];
  const messages = Object.values(fieldErrors).flat();
  if (messages.length > 0) throw new AppError("VALIDATION", messages[0], fieldErrors);
  return fields;
}

// Partners always register for their own organisation; the internal team may pick any active
// partner, or none for a direct file.
async function resolvePartnerId(db: Db, actor: Actor, requested: string | null, current: string | null | undefined) {
  if (!can(actor.role, "prospect:read:any")) {
    if (!actor.partnerId) throw new AppError("FORBIDDEN");
    if (requested !== null && requested !== actor.partnerId) {
      throw new AppError("VALIDATION", OTHER_PARTNER_MESSAGE, { partnerId: [OTHER_PARTNER_MESSAGE] });
    }
    return current === undefined ? actor.partnerId : current;
  }
  if (requested !== null && requested !== current) {
    const partner = await db.partner.findFirst({ where: { id: requested, active: true }, select: { id: true } });
    if (!partner) throw new AppError("VALIDATION", UNKNOWN_PARTNER_MESSAGE, { partnerId: [UNKNOWN_PARTNER_MESSAGE] });
  }
  return requested;
}

function canUpdate(actor: Actor): boolean {
  return can(actor.role, "prospect:update:any") || can(actor.role, "prospect:update:own");
}

// Creates or updates a prospect with its contacts in one transaction: deal registration on the
// SIREN, optimistic locking on `version`, history of every change, and the « Prêt à démarrer »
// hand-over (markReadyToStart) when the status moves there, after the « Oui » confirmation.
// Throws AppError (NOT_FOUND, FORBIDDEN, CONFLICT, VALIDATION) or DuplicateProspectError.
// `options.inTransaction` runs last in the save's transaction, for callers whose own record
// must commit or roll back with the save (an accepted correction, an imported row).
export async function saveProspect(
  db: Db,
  actor: Actor,
  input: ProspectFormData,
  options: { inTransaction?: (tx: DbClient, saved: SavedProspect) => Promise<void> } = {},
): Promise<SavedProspect> {
  const creating = !input.id;
  if (creating ? !can(actor.role, "prospect:create") : !canUpdate(actor)) throw new AppError("FORBIDDEN");

  const existing = input.id
    ? await db.prospect.findFirst({ where: { AND: [{ id: input.id }, prospectScope(actor)] } })
    : null;
  if (input.id && !existing) throw new AppError("NOT_FOUND");
  if (existing && existing.version !== input.version) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);

  const becomingReady = input.status === "READY_TO_START" && existing?.status !== "READY_TO_START";
  if (becomingReady && !input.confirmReady) {
    throw new AppError("VALIDATION", CONFIRM_READY_MESSAGE, { status: [CONFIRM_READY_MESSAGE] });
  }

  const partnerId = await resolvePartnerId(db, actor, input.partnerId, existing ? existing.partnerId : undefined);
  const internal = await resolveInternalFields(db, actor, input, existing);
  const fields = fieldsOf(input, partnerId, internal);
  const personKey = personKeyOf(input, partnerId);

  try {
    return await db.$transaction(
      async (tx) => {
        if (input.status !== "NOT_INTERESTED" && input.kind === "COMPANY" && input.siren) {
          await assertSirenAvailable(tx, actor, { siren: input.siren, prospectId: existing?.id ?? null });
        }
        if (personKey && input.status !== "NOT_INTERESTED") {
          const namesake = await tx.prospect.findFirst({
            where: { personKey, status: { not: "NOT_INTERESTED" }, ...(existing ? { id: { not: existing.id } } : {}) },
            select: { id: true },
          });
          if (namesake) throw new AppError("CONFLICT", PERSON_TAKEN_MESSAGE, { name: [PERSON_TAKEN_MESSAGE] });
        }

        let id: string;
        let version: number;
        if (!existing) {
          const created = await tx.prospect.create({
            data: {
              ...fields,
              personKey,
              createdById: actor.id,
            },
            select: { id: true, version: true },
          });
          ({ id, version } = created);
          await recordAudit(tx, {
            entityType: "Prospect",
            entityId: id,
            prospectId: id,
            actorId: actor.id,
            action: "CREATE",
            changes: snapshotForAudit(fields, PROSPECT_AUDIT_FIELDS),
          });
          if (input.status !== "NOT_INTERESTED") await linkConnectionsToProspect(tx, { prospectId: id, siren: fields.siren, actorId: actor.id });
        } else {
          // The version in the WHERE is the real guard: the row lock makes a concurrent save wait,
          // then find the version moved on and update nothing.
          const updated = await tx.prospect.updateMany({
            where: { id: existing.id, version: existing.version },
            data: { ...fields, personKey, version: { increment: 1 } },
          });
          if (updated.count !== 1) throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
          id = existing.id;
          version = existing.version + 1;
          const changes = diffForAudit(existing, fields, PROSPECT_AUDIT_FIELDS);
          if (changes) {
            await recordAudit(tx, { entityType: "Prospect", entityId: id, prospectId: id, actorId: actor.id, action: "UPDATE", changes });
          }
        }

        await saveContacts(tx, { prospectId: id, actorId: actor.id, contacts: input.contacts });

        if (becomingReady) await markReadyToStart(tx, { prospectId: id, actor });

        const saved = { id, version, created: !existing, status: input.status };
        if (options.inTransaction) await options.inTransaction(tx, saved);
        return saved;
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
  } catch (error) {
    const index = uniqueViolationIndex(error);
    if (index === null) throw error;
    if ((index === SIREN_INDEX || index === "siren") && input.siren) {
      // Lost a race with another registration: answer as the in-transaction check would have.
      const holder = await db.prospect.findFirst({
        where: { siren: input.siren, status: { not: "NOT_INTERESTED" }, ...(existing ? { id: { not: existing.id } } : {}) },
        select: { id: true, partnerId: true },
      });
      if (holder) throw duplicateFor(actor, holder);
    }
    if (index === PERSON_INDEX || index === "personKey") throw new AppError("CONFLICT", PERSON_TAKEN_MESSAGE, { name: [PERSON_TAKEN_MESSAGE] });
    // Any other unique index (the one-favourite rule) can only trip on a concurrent edit.
    throw new AppError("CONFLICT", STALE_VERSION_MESSAGE);
  }
}
