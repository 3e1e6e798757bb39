import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { prospectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { DbClient } from "@/lib/prisma-client";
import { isEmptyWhere } from "@/lib/prisma-where";
import { keysetPage, type KeysetPage, type KeysetRequest } from "@/lib/pagination/keyset";
import { decodeTaskPosition, encodeTaskPosition, TASKS_PER_PAGE, type TaskListParams } from "@/lib/tasks/schemas";

// Whose tasks a manager may look at: the internal team, never partner users.
export const TASK_USER_ROLES: Role[] = ["SALES", "MANAGER", "ADMIN"];

export type TaskRow = {
  id: string;
  subject: string;
  dueAt: Date | null;
  createdAt: Date;
  reminderAt: Date | null;
  reminderByEmail: boolean;
  type: { name: string; color: string };
  prospect: { id: string; name: string };
  assignee: { id: string; name: string } | null;
  createdBy: { id: string; name: string } | null;
};

export type TaskUserOption = { id: string; name: string };

export type TaskList = KeysetPage<TaskRow> & {
  // Exact up to TASK_COUNT_LIMIT; totalIsLowerBound past it.
  total: number;
  totalIsLowerBound: boolean;
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

type Direction = "forward" | "backward";

// The bounds of one request on the list order (dueAt ASC NULLS LAST, createdAt, id), split into
// its dated and undated parts so that each is a plain index range: `null` leaves a part out.
function segmentBounds(request: KeysetRequest): { direction: Direction; dated: Prisma.Sql | null; undated: Prisma.Sql | null } {
  const position = request.kind === "after" || request.kind === "before" ? decodeTaskPosition(request.cursor.value) : null;
  const none = Prisma.sql`TRUE`;
  if (request.kind === "first" || (request.kind === "after" && !position)) return { direction: "forward", dated: none, undated: none };
  if (request.kind === "last" || !position) return { direction: "backward", dated: none, undated: none };
  const { id } = request.cursor;
  const created = position.createdAt.toISOString();
  const row = position.dueAt
    ? Prisma.sql`(a."dueAt", a."createdAt", a.id) ${Prisma.raw(request.kind === "after" ? ">" : "<")} (${position.dueAt.toISOString()}::timestamptz, ${created}::timestamptz, ${id})`
    : Prisma.sql`(a."createdAt", a.id) ${Prisma.raw(request.kind === "after" ? ">" : "<")} (${created}::timestamptz, ${id})`;
  if (request.kind === "after") return position.dueAt ? { direction: "forward", dated: row, undated: none } : { direction: "forward", dated: null, undated: row };
  return position.dueAt ? { direction: "backward", dated: row, undated: null } : { direction: "backward", dated: none, undated: row };
}

type TaskSqlRow = {
  id: string;
  subject: string;
  dueAt: Date | null;
  createdAt: Date;
  reminderAt: Date | null;
  reminderByEmail: boolean;
  typeName: string;
  typeColor: string;
  prospectId: string;
  prospectName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  createdById: string | null;
  createdByName: string | null;
};

// One page of the users' open tasks in one statement. The OR of « assigned to them » and
// « created by them, assigned to nobody » is split per user into index-ordered reads (the
// partial indexes of 20261206150200_open_actions_indexes), each stopping at the page size, and
// merged: no sort of every open task.
async function fetchTaskPage(db: DbClient, userIds: string[], request: KeysetRequest, take: number): Promise<TaskSqlRow[]> {
  const { direction, dated, undated } = segmentBounds(request);
  const dir = Prisma.raw(direction === "forward" ? "ASC" : "DESC");
  const owners = [Prisma.sql`a."assigneeId" = u.id`, Prisma.sql`a."assigneeId" IS NULL AND a."createdById" = u.id`];
  const parts: Prisma.Sql[] = [];
  for (const owner of owners) {
    if (dated)
      parts.push(Prisma.sql`(SELECT a.id, a."dueAt", a."createdAt" FROM "Action" a
        WHERE NOT a.done AND ${owner} AND a."dueAt" IS NOT NULL AND ${dated}
        ORDER BY a."dueAt" ${dir}, a."createdAt" ${dir}, a.id ${dir} LIMIT ${take})`);
    if (undated)
      parts.push(Prisma.sql`(SELECT a.id, a."dueAt", a."createdAt" FROM "Action" a
        WHERE NOT a.done AND ${owner} AND a."dueAt" IS NULL AND ${undated}
        ORDER BY a."createdAt" ${dir}, a.id ${dir} LIMIT ${take})`);
  }
  const order =
    direction === "forward"
      ? Prisma.sql`"dueAt" ASC NULLS LAST, "createdAt" ASC, id ASC`
      : Prisma.sql`"dueAt" DESC NULLS FIRST, "createdAt" DESC, id DESC`;
  return db.$queryRaw<TaskSqlRow[]>`
    WITH page AS (
      SELECT t.id, t."dueAt", t."createdAt" FROM unnest(${userIds}::text[]) AS u(id)
      CROSS JOIN LATERAL (${Prisma.join(parts, " UNION ALL ")}) t
      ORDER BY ${order} LIMIT ${take}
    )
    SELECT a.id, a.subject, a."dueAt", a."createdAt", a."reminderAt", a."reminderByEmail",
           ty.name AS "typeName", ty.color AS "typeColor", pr.id AS "prospectId", pr.name AS "prospectName",
           asg.id AS "assigneeId", asg.name AS "assigneeName", cr.id AS "createdById", cr.name AS "createdByName"
    FROM page
    JOIN "Action" a ON a.id = page.id
    JOIN "ActionType" ty ON ty.id = a."typeId"
    JOIN "Prospect" pr ON pr.id = a."prospectId"
    LEFT JOIN "User" asg ON asg.id = a."assigneeId"
    LEFT JOIN "User" cr ON cr.id = a."createdById"
    ORDER BY ${Prisma.raw(direction === "forward" ? 'a."dueAt" ASC NULLS LAST, a."createdAt" ASC, a.id ASC' : 'a."dueAt" DESC NULLS FIRST, a."createdAt" DESC, a.id DESC')}`;
}

// How many open tasks, counted up to TASK_COUNT_LIMIT + 1 from the same indexes.
async function countTasks(db: DbClient, userIds: string[]): Promise<number> {
  const limit = TASK_COUNT_LIMIT + 1;
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT 1 FROM unnest(${userIds}::text[]) AS u(id)
      CROSS JOIN LATERAL (
        (SELECT 1 FROM "Action" a WHERE NOT a.done AND a."assigneeId" = u.id LIMIT ${limit})
        UNION ALL
        (SELECT 1 FROM "Action" a WHERE NOT a.done AND a."assigneeId" IS NULL AND a."createdById" = u.id LIMIT ${limit})
      ) t
      LIMIT ${limit}
    ) counted`;
  return rows[0]?.n ?? 0;
}

function toTaskRow(row: TaskSqlRow): TaskRow {
  return {
    id: row.id,
    subject: row.subject,
    dueAt: row.dueAt,
    createdAt: row.createdAt,
    reminderAt: row.reminderAt,
    reminderByEmail: row.reminderByEmail,
    type: { name: row.typeName, color: row.typeColor },
    prospect: { id: row.prospectId, name: row.prospectName },
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? "" } : null,
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
  };
}

// « Tâches »: every action not done of the chosen users, overdue first (oldest first), then
// upcoming (soonest first), then undated — see lib/tasks/ordering.ts — paged by keyset: a page
// is found from the indexes wherever it is in the list.
export async function findTasks(db: DbClient, actor: Actor, params: TaskListParams): Promise<TaskList> {
  if (!canSeeTasks(actor)) throw new AppError("NOT_FOUND");
  // Tasks are internal staff's, whose prospect scope is everything: the statement has no
  // prospect condition. A scoped role given the permission one day must get one here first.
  if (!isEmptyWhere(prospectScope(actor))) throw new AppError("NOT_FOUND");
  const userIds = await effectiveUserIds(db, actor, params.users);
  const perPage = TASKS_PER_PAGE;
  const [counted, fetched] = await Promise.all([countTasks(db, userIds), fetchTaskPage(db, userIds, params.request, perPage + 1)]);
  let request = params.request;
  let rows = fetched;
  // « Précédent » from near the top: fewer rows than a page before the cursor, show the first page.
  if (request.kind === "before" && fetched.length < perPage) {
    request = { kind: "first" };
    rows = await fetchTaskPage(db, userIds, request, perPage + 1);
  }
  const page = keysetPage(rows.map(toTaskRow), perPage, request, (row) => encodeTaskPosition(row));
  return {
    ...page,
    total: Math.min(counted, TASK_COUNT_LIMIT),
    totalIsLowerBound: counted > TASK_COUNT_LIMIT,
    perPage,
    userIds,
  };
}
