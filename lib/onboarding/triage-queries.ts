import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProspectStage } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import type { OnboardingStateOrNone } from "@/lib/onboarding/labels";
import { onboardingState } from "@/lib/onboarding/state";
import { formatTimeAgo } from "@/lib/onboarding/time-ago";
import type { TriageListParams } from "@/lib/onboarding/triage-schemas";
import { ASSIGNABLE_ROLES } from "@/lib/onboarding/triage";
import { formatPhoneForDisplay } from "@/lib/validation/phone";

const rowSelect = {
  id: true,
  name: true,
  readyAt: true,
  stage: true,
  partner: { select: { name: true } },
  owner: { select: { id: true, name: true } },
  contacts: {
    where: { isFavorite: true },
    select: { firstName: true, lastName: true, email: true, mobilePhone: true, landlinePhone: true },
  },
  onboardingLinks: {
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1,
    select: { createdAt: true, expiresAt: true, openedAt: true, usedAt: true, revokedAt: true },
  },
  _count: { select: { corrections: { where: { status: "PENDING" } } } },
} satisfies Prisma.ProspectSelect;

// A row as the client table gets it: plain values, the relative time already worded.
export type TriageRow = {
  id: string;
  name: string;
  partnerName: string | null;
  // The phone as shown (« 06 12 34 56 78 »).
  contact: { name: string; email: string | null; phone: string | null } | null;
  readyAt: Date | null;
  readySince: string;
  stage: ProspectStage;
  onboarding: OnboardingStateOrNone;
  linkSentAt: Date | null;
  owner: { id: string; name: string } | null;
  // The client's corrections awaiting review (« N corrections à valider »).
  pendingCorrections: number;
};

export type TriageListResult = { rows: TriageRow[]; total: number; page: number; perPage: number };

function viewWhere(actor: Actor, params: TriageListParams): Prisma.ProspectWhereInput {
  if (params.vue === "mes-dossiers") return { ownerId: actor.id };
  if (params.vue === "a-traiter") return { stage: { in: ["PROSPECT", "ONBOARDING"] } };
  return {};
}

// Files in « Prêt à démarrer », newest first, within the actor's scope.
export async function findReadyProspects(
  actor: Actor,
  params: TriageListParams,
  db: DbClient = defaultDb,
  now: Date = new Date(),
): Promise<TriageListResult> {
  const where: Prisma.ProspectWhereInput = {
    AND: [prospectScope(actor), { status: "READY_TO_START" }, viewWhere(actor, params)],
  };
  const orderBy: Prisma.ProspectOrderByWithRelationInput[] = [
    { readyAt: { sort: "desc", nulls: "last" } },
    { id: "desc" },
  ];
  const fetchPage = (page: number) =>
    db.prospect.findMany({ where, orderBy, skip: (page - 1) * params.perPage, take: params.perPage, select: rowSelect });

  const total = await db.prospect.count({ where });
  const lastPage = Math.max(1, Math.ceil(total / params.perPage));
  const page = Math.min(params.page, lastPage);
  const rows = total === 0 ? [] : await fetchPage(page);
  return { rows: rows.map((row) => toTriageRow(row, now)), total, page, perPage: params.perPage };
}

function toTriageRow(row: Prisma.ProspectGetPayload<{ select: typeof rowSelect }>, now: Date): TriageRow {
  const favorite = row.contacts[0];
  const link = row.onboardingLinks[0];
  return {
    id: row.id,
    name: row.name,
    partnerName: row.partner?.name ?? null,
    contact: favorite
      ? {
          name: `${favorite.firstName} ${favorite.lastName}`.trim(),
          email: favorite.email,
          // Formatted here: libphonenumber's metadata (29 kB gzip) stays out of the browser bundle.
          phone: formatPhoneForDisplay(favorite.mobilePhone ?? favorite.landlinePhone),
        }
      : null,
    readyAt: row.readyAt,
    readySince: row.readyAt ? formatTimeAgo(row.readyAt, now) : "—",
    stage: row.stage,
    onboarding: link ? onboardingState(link, now) : "none",
    linkSentAt: link?.createdAt ?? null,
    owner: row.owner,
    pendingCorrections: row._count.corrections,
  };
}

// The reps a file can be assigned to, for the inbox's select.
export async function listAssignableReps(db: DbClient = defaultDb): Promise<{ id: string; name: string }[]> {
  return db.user.findMany({
    where: { active: true, role: { in: [...ASSIGNABLE_ROLES] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
