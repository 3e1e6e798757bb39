import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { prospectScope } from "@/lib/auth/scope";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { visibleActionsWhere } from "@/lib/prospects/queries";

const actionRowSelect = {
  id: true,
  subject: true,
  notes: true,
  dueAt: true,
  done: true,
  doneAt: true,
  type: { select: { name: true, color: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

export type ActionRow = Prisma.ActionGetPayload<{ select: typeof actionRowSelect }>;

export type ProspectActionLists = { upcoming: ActionRow[]; past: ActionRow[] };

// The « Actions » tab: what is still ahead (soonest first) and what is behind (done, or its
// time has passed; latest first). Partners never see the steps of an opportunity.
export async function listProspectActions(
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
  db: DbClient = defaultDb,
): Promise<ProspectActionLists> {
  const base: Prisma.ActionWhereInput = {
    AND: [{ prospectId, prospect: prospectScope(actor) }, visibleActionsWhere(actor)],
  };
  const [upcoming, past] = await Promise.all([
    db.action.findMany({
      where: { AND: [base, { done: false }, { OR: [{ dueAt: null }, { dueAt: { gte: now } }] }] },
      orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      select: actionRowSelect,
    }),
    db.action.findMany({
      where: { AND: [base, { OR: [{ done: true }, { dueAt: { lt: now } }] }] },
      orderBy: [{ dueAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }],
      take: 100,
      select: actionRowSelect,
    }),
  ]);
  return { upcoming, past };
}

export type ActionTypeOption = { id: string; name: string; color: string };

// Types offered by « Ajouter une action »: the active ones, except offers, which only the
// quote flow creates (with the quote attached).
export async function listActionTypeOptions(db: DbClient = defaultDb): Promise<ActionTypeOption[]> {
  return db.actionType.findMany({
    where: { active: true, category: { not: "OFFER" } },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true },
  });
}

export type ProspectOption = { id: string; name: string; city: string | null; siren: string | null };

export const PROSPECT_OPTIONS_LIMIT = 20;

// The prospect picker's choices: in-scope prospects matching the typed text (name, city or
// SIREN), alphabetical, a short page at a time.
export async function searchProspectOptions(
  actor: Actor,
  q: string,
  db: DbClient = defaultDb,
): Promise<ProspectOption[]> {
  const text = q.trim().slice(0, 100);
  const digits = text.replace(/\s+/g, "");
  const match: Prisma.ProspectWhereInput = text
    ? {
        OR: [
          { name: { contains: text, mode: "insensitive" } },
          { legalName: { contains: text, mode: "insensitive" } },
          { city: { contains: text, mode: "insensitive" } },
          ...(/^\d+$/.test(digits) ? [{ siren: { startsWith: digits } }] : []),
        ],
      }
    : {};
  return db.prospect.findMany({
    where: { AND: [prospectScope(actor), match] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: PROSPECT_OPTIONS_LIMIT,
    select: { id: true, name: true, city: true, siren: true },
  });
}

// One in-scope prospect as a picker option (the preselected one), or null.
export async function findProspectOption(
  actor: Actor,
  id: string,
  db: DbClient = defaultDb,
): Promise<ProspectOption | null> {
  return db.prospect.findFirst({
    where: { AND: [{ id }, prospectScope(actor)] },
    select: { id: true, name: true, city: true, siren: true },
  });
}
