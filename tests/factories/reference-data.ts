// Reference lists every environment needs: created by the seed and by tests that need them.
import type { DbClient as Db } from "@/lib/prisma-client";
import type { ActionCategory, PipelineStageKind } from "@/lib/generated/prisma/enums";

export const PROSPECT_TYPES = ["TPE", "PME", "ETI", "Grand compte", "Profession libérale"] as const;

export const ORIGINS = [
  "Apporteur d'affaires",
  "Site internet",
  "Salon professionnel",
  "Recommandation client",
  "Prospection téléphonique",
  "Réseaux sociaux",
] as const;

export const ACTION_TYPES: ReadonlyArray<{
  name: string;
  color: string;
  category: ActionCategory;
  isAppointment: boolean;
  subjectTemplate?: string;
  bodyTemplate?: string;
}> = [
  { name: "Appel téléphonique", color: "#2563eb", category: "CALL", isAppointment: false },
  { name: "Rendez-vous", color: "#16a34a", category: "MEETING", isAppointment: true },
  { name: "Visioconférence", color: "#7c3aed", category: "MEETING", isAppointment: true },
  {
    name: "E-mail",
    color: "#9333ea",
    category: "EMAIL",
    isAppointment: false,
  },
  {
    name: "Faire une offre",
    color: "#ea580c",
    category: "OFFER",
    isAppointment: false,
    subjectTemplate: "Notre proposition {{quoteNumber}}",
    bodyTemplate:
      "Bonjour {{civility}} {{lastName}},\n\nVeuillez trouver ci-joint notre proposition {{quoteNumber}} pour {{company}}.\n\nNous restons à votre disposition pour toute question.\n\nCordialement,\n{{senderName}}",
  },
  { name: "Tâche", color: "#64748b", category: "TASK", isAppointment: false },
  { name: "Envoi de documentation", color: "#0891b2", category: "DOCUMENTATION", isAppointment: false },
  { name: "Autre", color: "#a16207", category: "OTHER", isAppointment: false },
];

export const PIPELINE_STAGES: ReadonlyArray<{ label: string; kind: PipelineStageKind }> = [
  { label: "Qualification", kind: "IN_PROGRESS" },
  { label: "Découverte des besoins", kind: "IN_PROGRESS" },
  { label: "Proposition", kind: "IN_PROGRESS" },
  { label: "Négociation", kind: "IN_PROGRESS" },
  { label: "Conclue", kind: "WON" },
  { label: "Perdue", kind: "LOST" },
];

export type ReferenceData = {
  prospectTypes: { id: string; name: string }[];
  origins: { id: string; name: string }[];
  actionTypes: { id: string; name: string; category: ActionCategory; isAppointment: boolean }[];
  pipelineStages: { id: string; label: string; kind: PipelineStageKind; position: number }[];
};

// Idempotent: names are unique (stages by label), so a second call returns the same rows.
export async function ensureReferenceData(db: Db): Promise<ReferenceData> {
  for (const [position, name] of PROSPECT_TYPES.entries()) {
    await db.prospectType.upsert({ where: { name }, update: {}, create: { name, position } });
  }
  for (const [position, name] of ORIGINS.entries()) {
    await db.origin.upsert({ where: { name }, update: {}, create: { name, position } });
  }
  for (const [position, t] of ACTION_TYPES.entries()) {
    await db.actionType.upsert({ where: { name: t.name }, update: {}, create: { ...t, position } });
  }
  const existingStages = await db.pipelineStage.count();
  if (existingStages === 0) {
    await db.pipelineStage.createMany({
      data: PIPELINE_STAGES.map((s, position) => ({ ...s, position })),
    });
  }
  const [prospectTypes, origins, actionTypes, pipelineStages] = await Promise.all([
    db.prospectType.findMany({ select: { id: true, name: true }, orderBy: { position: "asc" } }),
    db.origin.findMany({ select: { id: true, name: true }, orderBy: { position: "asc" } }),
    db.actionType.findMany({
      select: { id: true, name: true, category: true, isAppointment: true },
      orderBy: { position: "asc" },
    }),
    db.pipelineStage.findMany({
      select: { id: true, label: true, kind: true, position: true },
      orderBy: { position: "asc" },
    }),
  ]);
  return { prospectTypes, origins, actionTypes, pipelineStages };
}
