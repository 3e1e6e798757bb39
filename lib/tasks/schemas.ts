// The tasks screen's URL state (« Tâches »): the keyset page (after / before a task, or the
// last page) and, for managers, the users picked. Every field falls back to its default, so a
// hand-edited query string never breaks the page.
import { z } from "zod";
import { parseKeysetRequest, type KeysetRequest } from "@/lib/pagination/keyset";

export const TASKS_PER_PAGE = 50;
// More users than a team holds is a forged URL; the list is cut rather than refused.
export const MAX_PICKED_USERS = 50;

const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;

// `?users=a&users=b` (the checkbox form) and `?users=a,b` (a shared link) mean the same;
// anything that is not id-shaped is dropped before it reaches the database.
export function parseUserIds(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const ids = raw
    .filter((v): v is string => typeof v === "string")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => ID_SHAPE.test(v));
  return [...new Set(ids)].slice(0, MAX_PICKED_USERS);
}

const taskListParamsSchema = z
  .object({ users: z.unknown().optional().transform(parseUserIds) })
  .catch({ users: [] });

export type TaskListParams = { users: string[]; request: KeysetRequest };

export function parseTaskListParams(searchParams: unknown): TaskListParams {
  const raw = searchParams !== null && typeof searchParams === "object" ? (searchParams as Record<string, unknown>) : {};
  return { ...taskListParamsSchema.parse(raw), request: parseKeysetRequest(raw) };
}

// The query string of a task list without its cursor (the pager adds it): the users picked.
export function taskListQuery(params: Pick<TaskListParams, "users">): Record<string, string> {
  return params.users.length > 0 ? { users: params.users.join(",") } : {};
}

// A task's place in the list order (dueAt nulls last, createdAt, id) as a keyset cursor value:
// "<dueAt ISO or empty>|<createdAt ISO>" (the id travels beside it).
export type TaskPosition = { dueAt: Date | null; createdAt: Date };

export function encodeTaskPosition(position: TaskPosition): string {
  return `${position.dueAt ? position.dueAt.toISOString() : ""}|${position.createdAt.toISOString()}`;
}

// A forged value is no position (the list starts over), never an error.
export function decodeTaskPosition(value: unknown): TaskPosition | null {
  if (typeof value !== "string") return null;
  const match = /^([^|]*)\|([^|]+)$/.exec(value);
  if (!match) return null;
  const dueAt = match[1] ? new Date(match[1]) : null;
  const createdAt = new Date(match[2]!);
  if (Number.isNaN(createdAt.getTime()) || (dueAt && Number.isNaN(dueAt.getTime()))) return null;
  return { dueAt, createdAt };
}

// The quick « Fait » of a row.
export const completeTaskSchema = z.object({
  actionId: z.string().trim().min(1, "Tâche introuvable.").max(64),
});

export type CompleteTaskInput = z.input<typeof completeTaskSchema>;
