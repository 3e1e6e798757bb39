// Adds a version to an organisation's agreement. Versions are never edited in place: a change
// of terms is a new version from its start date, so what was earned before keeps its terms.
import "server-only";
import type { AgreementVersionValues } from "@/lib/agreements/schemas";
import { dayAsDateColumn } from "@/lib/agreements/agreement-in-force";
import { recordAudit } from "@/lib/audit/record";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";

export const PARTNER_AGREEMENT_AUDIT_ENTITY = "PartnerAgreement";

export const AGREEMENT_DAY_TAKEN_MESSAGE = "Une version de la convention commence déjà ce jour-là : choisissez une autre date de début.";

export async function createAgreementVersion(
  tx: DbClient,
  partnerId: string,
  values: AgreementVersionValues,
  actorId: string,
): Promise<{ id: string }> {
  const startsOn = dayAsDateColumn(values.startsOn);
  const taken = await tx.agreementVersion.findUnique({ where: { partnerId_startsOn: { partnerId, startsOn } }, select: { id: true } });
  if (taken) throw new AppError("CONFLICT", AGREEMENT_DAY_TAKEN_MESSAGE, { startsOn: [AGREEMENT_DAY_TAKEN_MESSAGE] });
  const version = await tx.agreementVersion.create({
    data: {
      partnerId,
      startsOn,
      directRateBps: values.directRate,
      networkRateBps: values.networkRate,
      entitlementMonths: values.entitlementMonths,
      notes: values.notes,
      createdById: actorId,
    },
    select: { id: true },
  });
  // Keyed by the organisation, so its page lists agreement changes with its own.
  await recordAudit(tx, {
    entityType: PARTNER_AGREEMENT_AUDIT_ENTITY,
    entityId: partnerId,
    actorId,
    action: "CREATE",
    changes: {
      agreementStartsOn: values.startsOn,
      directRateBps: values.directRate,
      networkRateBps: values.networkRate,
      entitlementMonths: values.entitlementMonths,
      agreementNotes: values.notes,
    },
  });
  return version;
}
