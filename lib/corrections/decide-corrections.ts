import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { recordAudit } from "@/lib/audit/record";
import {
  ALREADY_DECIDED_MESSAGE,
  CORRECTION_FIELDS,
  correctionFieldLabel,
  isCorrectionField,
  NO_CONTACT_MESSAGE,
  SENSITIVE_CONFIRM_MESSAGE,
} from "@/lib/corrections/fields";
import type { z } from "zod";
import type { acceptCorrectionsSchema, rejectCorrectionSchema } from "@/lib/corrections/schemas";
import { AppError } from "@/lib/errors";
import type { Db, DbClient } from "@/lib/prisma-client";
import { getProspectFile } from "@/lib/prospects/prospect-file";
import { prospectFormSchema, type ContactFormValues, type ProspectFormValues } from "@/lib/prospects/prospect-form-schema";
import { saveProspect, type SavedProspect } from "@/lib/prospects/save-prospect";

type Correction = { id: string; field: string; contactId: string | null; oldValue: string | null; newValue: string; sensitive: boolean };

function assertTriage(actor: Actor) {
  if (!can(actor.role, "alert:triage")) throw new AppError("FORBIDDEN");
}

async function pendingOf(db: DbClient, actor: Actor, prospectId: string, ids: string[]): Promise<Correction[]> {
  const prospect = await db.prospect.findFirst({ where: { AND: [{ id: prospectId }, prospectScope(actor)] }, select: { id: true } });
  if (!prospect) throw new AppError("NOT_FOUND");
  const rows = await db.prospectCorrection.findMany({
    where: { id: { in: ids }, prospectId, status: "PENDING" },
    select: { id: true, field: true, contactId: true, oldValue: true, newValue: true, sensitive: true },
  });
  if (rows.length !== new Set(ids).size) throw new AppError("CONFLICT", ALREADY_DECIDED_MESSAGE);
  return rows;
}

function applyTo(values: ProspectFormValues, correction: Correction): void {
  if (!isCorrectionField(correction.field)) throw new AppError("VALIDATION", ALREADY_DECIDED_MESSAGE);
  const def = CORRECTION_FIELDS[correction.field];
  if (def.target === "prospect") {
    (values as Record<string, unknown>)[correction.field] = correction.newValue;
    return;
  }
  const contact = values.contacts.find((c) => c.id === correction.contactId);
  if (!contact) throw new AppError("CONFLICT", NO_CONTACT_MESSAGE);
  const key = correction.field.slice("contact.".length) as keyof ContactFormValues;
  (contact as Record<string, unknown>)[key] = correction.newValue;
}

// Accepts corrections through the ordinary save path (saveProspect: the wizard's schema,
// optimistic locking on the version the reviewer saw, deal registration, history), and marks
// them accepted in that same transaction: either the file and the decision change, or neither.
export async function acceptCorrections(
  db: Db,
  actor: Actor,
  input: z.output<typeof acceptCorrectionsSchema>,
): Promise<SavedProspect> {
  assertTriage(actor);
  const corrections = await pendingOf(db, actor, input.prospectId, input.correctionIds);
  if (corrections.some((c) => c.sensitive) && !input.confirmSensitive) {
    throw new AppError("VALIDATION", SENSITIVE_CONFIRM_MESSAGE, { confirmSensitive: [SENSITIVE_CONFIRM_MESSAGE] });
  }
  const file = await getProspectFile(actor, input.prospectId, db);
  if (!file) throw new AppError("NOT_FOUND");
  const values: ProspectFormValues = { ...file.values, version: input.version, contacts: file.values.contacts.map((c) => ({ ...c })) };
  for (const correction of corrections) applyTo(values, correction);

  const parsed = prospectFormSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.map(String).join(".")] ??= []).push(issue.message);
    const first = parsed.error.issues[0]?.message ?? "Valeur invalide.";
    throw new AppError("VALIDATION", `La correction ne peut pas être acceptée telle quelle : ${first}`, fieldErrors);
  }

  const now = new Date();
  const decision = `Corrigé par le client, accepté par ${actor.name}`;
  return saveProspect(db, actor, parsed.data, {
    inTransaction: async (tx) => {
      const { count } = await tx.prospectCorrection.updateMany({
        where: { id: { in: corrections.map((c) => c.id) }, status: "PENDING" },
        data: { status: "ACCEPTED", decidedById: actor.id, decidedAt: now },
      });
      if (count !== corrections.length) throw new AppError("CONFLICT", ALREADY_DECIDED_MESSAGE);
      for (const c of corrections) {
        await recordAudit(tx, {
          entityType: "ProspectCorrection",
          entityId: c.id,
          prospectId: input.prospectId,
          actorId: actor.id,
          action: "UPDATE",
          changes: {
            correctedField: { from: null, to: correctionFieldLabel(c.field) },
            decision: { from: "À valider", to: decision },
            correctedValue: { from: c.oldValue, to: c.newValue },
          },
        });
      }
    },
  });
}

// Keeps the file's value; the correction and the reason stay in the history.
export async function rejectCorrection(db: Db, actor: Actor, input: z.output<typeof rejectCorrectionSchema>): Promise<void> {
  assertTriage(actor);
  const [correction] = await pendingOf(db, actor, input.prospectId, [input.correctionId]);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const { count } = await tx.prospectCorrection.updateMany({
      where: { id: correction!.id, status: "PENDING" },
      data: { status: "REJECTED", reason: input.reason, decidedById: actor.id, decidedAt: now },
    });
    if (count !== 1) throw new AppError("CONFLICT", ALREADY_DECIDED_MESSAGE);
    await recordAudit(tx, {
      entityType: "ProspectCorrection",
      entityId: correction!.id,
      prospectId: input.prospectId,
      actorId: actor.id,
      action: "UPDATE",
      changes: {
        correctedField: { from: null, to: correctionFieldLabel(correction!.field) },
        decision: { from: "À valider", to: `Corrigé par le client, refusé par ${actor.name}` },
        correctedValue: { from: correction!.oldValue, to: correction!.newValue },
        reason: { from: null, to: input.reason },
      },
    });
  });
}
