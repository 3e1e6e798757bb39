import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
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
  total: number;
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

// « Tâches »: every action not done of the chosen users, overdue first (oldest first), then
// upcoming (soonest first), then undated — see lib/tasks/ordering.ts. A page past the end
// shows the last one.
export async function findTasks(db: DbClient, actor: Actor, params: TaskListParams): Promise<TaskList> {
  if (!canSeeTasks(actor)) throw new AppError("NOT_FOUND");
  const userIds = await effectiveUserIds(db, actor, params.users);
  const where: Prisma.ActionWhereInput = {
    AND: [{ done: false }, { prospect: prospectScope(actor) }, tasksOfUsersWhere(userIds)],
  };
  const perPage = TASKS_PER_PAGE;
  const total = await db.action.count({ where });
  const page = Math.min(params.page, Math.max(1, Math.ceil(total / perPage)));
  const rows = await db.action.findMany({
    where,
    orderBy: [{ dueAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
    skip: (page - 1) * perPage,
    take: perPage,
    select: taskRowSelect,
  });
  return { rows, total, page, perPage, userIds };
}
