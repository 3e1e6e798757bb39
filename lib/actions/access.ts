import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import { visibleActionsWhere } from "@/lib/prospects/queries";

export const ACTION_NOT_FOUND = "Cette action n'existe pas ou n'est pas dans votre portefeuille.";

export function canManageActions(actor: Actor): boolean {
  return can(actor.role, "action:manage:any") || can(actor.role, "action:manage:own");
}

// Where an actor may read or change an action: a prospect in its scope, and for partners
// (action:manage:own) only the free actions, never the steps of an opportunity.
export function manageableActionWhere(actor: Actor, id: string): Prisma.ActionWhereInput {
  return { AND: [{ id }, { prospect: prospectScope(actor) }, visibleActionsWhere(actor)] };
}

const lockedActionSelect = {
  id: true,
  prospectId: true,
  opportunityId: true,
  typeId: true,
  subject: true,
  notes: true,
  dueAt: true,
  done: true,
  doneAt: true,
  outcome: true,
  assigneeId: true,
  previousActionId: true,
  type: { select: { name: true, category: true, isAppointment: true } },
  nextAction: { select: { id: true, subject: true } },
  previousAction: { select: { id: true, subject: true } },
  quote: { select: { id: true, status: true, number: true } },
} satisfies Prisma.ActionSelect;

export type LockedAction = Prisma.ActionGetPayload<{ select: typeof lockedActionSelect }>;

// The action, row-locked until the transaction ends so that two « Fait », a delete and a
// reopen on the same action run one after the other and each sees the other's result.
// Out of scope or missing: NOT_FOUND, never FORBIDDEN.
export async function lockManageableAction(tx: DbClient, actor: Actor, id: string): Promise<LockedAction> {
  if (!canManageActions(actor)) throw new AppError("NOT_FOUND", ACTION_NOT_FOUND);
  const visible = await tx.action.findFirst({ where: manageableActionWhere(actor, id), select: { id: true } });
  if (!visible) throw new AppError("NOT_FOUND", ACTION_NOT_FOUND);
  await tx.$queryRaw`SELECT id FROM "Action" WHERE id = ${visible.id} FOR UPDATE`;
  const action = await tx.action.findUnique({ where: { id: visible.id }, select: lockedActionSelect });
  if (!action) throw new AppError("NOT_FOUND", ACTION_NOT_FOUND);
  return action;
}

// Partners plan only with types « visible par l'apporteur » (they could not see the others).
export function partnerTypeWhere(actor: Actor): { visibleToPartner?: true } {
  return can(actor.role, "prospect:internal:read") ? {} : { visibleToPartner: true };
}

// An active type the action may take: offers only inside an opportunity (a quote needs one)
// and only for the internal team.
export async function findUsableActionType(
  tx: DbClient,
  actor: Actor,
  typeId: string,
  { nested, field = "typeId" }: { nested: boolean; field?: string },
): Promise<{ id: string; name: string; category: string; isAppointment: boolean }> {
  const allowOffer = nested && can(actor.role, "opportunity:manage");
  const type = await tx.actionType.findFirst({
    where: { id: typeId, active: true, ...(allowOffer ? {} : { category: { not: "OFFER" } }), ...partnerTypeWhere(actor) },
    select: { id: true, name: true, category: true, isAppointment: true },
  });
  if (!type) throw new AppError("VALIDATION", "Ce type d'action n'est plus proposé.", { [field]: ["Choisissez un type d'action."] });
  return type;
}

// Who may be put in charge: a partner only plans for itself; the internal team picks an active
// member of the team, or keeps the person already in charge.
export async function resolveAssignee(
  tx: DbClient,
  actor: Actor,
  assigneeId: string,
  { keep = null, field = "assigneeId" }: { keep?: string | null; field?: string } = {},
): Promise<{ id: string; name: string }> {
  const refuse = () => new AppError("VALIDATION", "Ce responsable ne peut pas être choisi.", { [field]: ["Choisissez un responsable de la liste."] });
  if (!can(actor.role, "action:manage:any")) {
    if (assigneeId !== actor.id && assigneeId !== keep) throw refuse();
  }
  const user = await tx.user.findFirst({
    where: {
      id: assigneeId,
      OR: [{ active: true, role: { in: ["SALES", "MANAGER", "ADMIN"] } }, { id: actor.id }, ...(keep ? [{ id: keep }] : [])],
    },
    select: { id: true, name: true },
  });
  if (!user) throw refuse();
  return user;
}
