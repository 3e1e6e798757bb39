import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { ActionCategory } from "@/lib/generated/prisma/enums";
import { prospectScope } from "@/lib/auth/scope";
import { actionTypeOf, resolveNames, type NamedRead, type ReferenceNames } from "@/lib/references/lookup-names";
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
  typeId: true,
  assigneeId: true,
} satisfies Prisma.ActionSelect;

type ActionScalars = Prisma.ActionGetPayload<{ select: typeof actionRowSelect }>;

export type ActionRow = Omit<ActionScalars, "typeId" | "assigneeId"> & {
  type: { name: string; color: string };
  assignee: { id: string; name: string } | null;
};

export type ProspectActionLists = { upcoming: ActionRow[]; past: ActionRow[] };

// The « Actions » tab: what is still ahead (soonest first) and what is behind (done, or its
// time has passed; latest first), their types and assignees still to name (see NamedRead).
// Partners never see the steps of an opportunity.
export async function readProspectActions(
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
  db: DbClient = defaultDb,
  { freeOnly = false }: { freeOnly?: boolean } = {},
): Promise<NamedRead<ProspectActionLists>> {
  const base: Prisma.ActionWhereInput = {
    AND: [{ prospectId, prospect: prospectScope(actor) }, visibleActionsWhere(actor), freeOnly ? { opportunityId: null } : {}],
  };
  const [upcomingRows, pastRows] = await Promise.all([
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
  const all = [...upcomingRows, ...pastRows];
  const build = (names: ReferenceNames): ProspectActionLists => {
    const toRow = ({ typeId, assigneeId, ...rest }: ActionScalars): ActionRow => {
      const type = actionTypeOf(names, typeId);
      const assigneeName = assigneeId ? names.users.get(assigneeId) : undefined;
      const assignee = assigneeId && assigneeName !== undefined ? { id: assigneeId, name: assigneeName } : null;
      return { ...rest, type: { name: type.name, color: type.color }, assignee };
    };
    return { upcoming: upcomingRows.map(toRow), past: pastRows.map(toRow) };
  };
  return { ids: { users: all.map((a) => a.assigneeId), actionTypes: all.map((a) => a.typeId) }, build };
}

// The same, named: one more statement for the names (none when there is nothing to name).
export async function listProspectActions(
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
  db: DbClient = defaultDb,
  options: { freeOnly?: boolean } = {},
): Promise<ProspectActionLists> {
  return resolveNames(db, await readProspectActions(actor, prospectId, now, db, options));
}

// « Actions non imbriquées »: the free actions only, the steps of opportunities being listed
// under their opportunity.
export function listFreeProspectActions(
  actor: Actor,
  prospectId: string,
  now: Date = new Date(),
  db: DbClient = defaultDb,
): Promise<ProspectActionLists> {
  return listProspectActions(actor, prospectId, now, db, { freeOnly: true });
}

export type ActionTypeOption = { id: string; name: string; color: string; category: ActionCategory };

// Types offered by « Ajouter une action »: the active ones. A free action is never an offer (a
// quote needs an opportunity); inside an opportunity « Faire une offre » is offered too.
export async function listActionTypeOptions(
  db: DbClient = defaultDb,
  { includeOffer = false, forPartner = false }: { includeOffer?: boolean; forPartner?: boolean } = {},
): Promise<ActionTypeOption[]> {
  return db.actionType.findMany({
    // A campaign's generated type carries that campaign's message: it is not a type to plan with.
    where: {
      active: true,
      campaigns: { none: {} },
      ...(includeOffer ? {} : { category: { not: "OFFER" } }),
      ...(forPartner ? { visibleToPartner: true } : {}),
    },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, color: true, category: true },
  });
}

export type AssigneeOption = { value: string; label: string };

// Who can be put in charge of an action: the active internal team, plus whoever is already in
// charge (a partner user, or someone deactivated since). A partner only plans for itself.
export async function listAssigneeOptions(
  actor: Actor,
  keep: string | null = null,
  db: DbClient = defaultDb,
): Promise<AssigneeOption[]> {
  const internal = can(actor.role, "action:manage:any");
  const users = await db.user.findMany({
    where: internal
      ? { OR: [{ active: true, role: { in: ["SALES", "MANAGER", "ADMIN"] } }, { id: actor.id }, ...(keep ? [{ id: keep }] : [])] }
      : { id: { in: [actor.id, ...(keep ? [keep] : [])] } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true },
  });
  return users.map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name} (inactif)` }));
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
