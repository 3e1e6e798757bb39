import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";
import { TASKS_PER_PAGE, type TaskListParams } from "@/lib/tasks/schemas";

// Whose tasks a manager may look at: the internal team, never partner users.
export const TASK_USER_ROLES: Role[] = ["SALES", "MANAGER", "ADMIN"];

const taskRowSelect = {
  id: true,
  subject: true,
  dueAt: true,
  createdAt: true,
  reminderAt: true,
  reminderByEmail: true,
  type: { select: { name: true, color: true } },
  prospect: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

export type TaskRow = Prisma.ActionGetPayload<{ select: typeof taskRowSelect }>;

export type TaskUserOption = { id: string; name: string };

export type TaskList = {
  rows: TaskRow[];
  // Exact up to TASK_COUNT_LIMIT; totalIsLowerBound past it.
  total: number;
  totalIsLowerBound: boolean;
  hasNext: boolean;
  page: number;
  perPage: number;
  // The users whose tasks are shown (the actor alone unless a manager picked others).
  userIds: string[];
};

export function canSeeTasks(actor: Actor): boolean {
  return can(actor.role, "action:manage:any");
}

export function canPickTaskUsers(actor: Actor): boolean {
  return can(actor.role, "objective:manage");
}

// A user's tasks: what is assigned to them, and what they created without assigning it to anyone
// (the same people a reminder goes to).
export function tasksOfUsersWhere(userIds: string[]): Prisma.ActionWhereInput {
  return {
    OR: [{ assigneeId: { in: userIds } }, { assigneeId: null, createdById: { in: userIds } }],
  };
}

// The active internal users, for the manager's « Utilisateurs » picker.
export async function listTaskUsers(db: DbClient): Promise<TaskUserOption[]> {
  return db.user.findMany({
    where: { role: { in: TASK_USER_ROLES }, active: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

async function effectiveUserIds(db: DbClient, actor: Actor, requested: string[]): Promise<string[]> {
  if (!canPickTaskUsers(actor) || requested.length === 0) return [actor.id];
  const users = await db.user.findMany({
    where: { id: { in: requested }, role: { in: TASK_USER_ROLES }, active: true },
    select: { id: true },
  });
  const known = new Set(users.map((u) => u.id));
  // Keeps the URL's order; ids of partners or unknown users are ignored, not an error.
  const ids = requested.filter((id) => known.has(id));
  return ids.length > 0 ? ids : [actor.id];
}

export const TASK_COUNT_LIMIT = 1000;

// « Tâches »: every action not done of the chosen users, overdue first (oldest first), then
// upcoming (soonest first), then undated — see lib/tasks/ordering.ts. A page past the end
// shows the last one.
export async function findTasks(db: DbClient, actor: Actor, params: TaskListParams): Promise<TaskList> {
  if (!canSeeTasks(actor)) throw new AppError("NOT_FOUND");
  const userIds = await effectiveUserIds(db, actor, params.users);
  const scope = prospectScope(actor);
  const where: Prisma.ActionWhereInput = {
    // No join to the prospect when the scope is everything: the (assigneeId, done, dueAt) index
    // then serves both the filter and the order.
    AND: [{ done: false }, isEmptyWhere(scope) ? {} : { prospect: scope }, tasksOfUsersWhere(userIds)],
  };
  const perPage = TASKS_PER_PAGE;
  // Counted up to TASK_COUNT_LIMIT + 1: past it the page says « plus de 1 000 ».
  const counted = await db.action.count({ where, take: TASK_COUNT_LIMIT + 1 });
  const total = Math.min(counted, TASK_COUNT_LIMIT);
  const totalIsLowerBound = counted > TASK_COUNT_LIMIT;
  // Past the counted rows the page number is kept (the list goes on); below, it is clamped.
  const page = totalIsLowerBound ? params.page : Math.min(params.page, Math.max(1, Math.ceil(total / perPage)));
  const fetched = await db.action.findMany({
    where,
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * perPage,
    take: perPage + 1,
    select: taskRowSelect,
  });
  return { rows: fetched.slice(0, perPage), total, totalIsLowerBound, hasNext: fetched.length > perPage, page, perPage, userIds };
}
