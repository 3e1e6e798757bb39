// The tasks screen's URL state (« Tâches »): the page and, for managers, the users picked.
// Every field falls back to its default, so a hand-edited query string never breaks the page.
import { z } from "zod";

export const TASKS_PER_PAGE = 50;
// Beyond this a page number is a typo or a probe; capping it keeps OFFSET bounded.
const MAX_PAGE = 100_000;
// More users than a team holds is a forged URL; the list is cut rather than refused.
export const MAX_PICKED_USERS = 50;

const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

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
  .object({
    page: z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1),
    users: z.unknown().optional().transform(parseUserIds),
  })
  .catch({ page: 1, users: [] });

export type TaskListParams = { page: number; users: string[] };

export function parseTaskListParams(searchParams: unknown): TaskListParams {
  return taskListParamsSchema.parse(searchParams ?? {});
}

// The query string of a task list state: the default values are left out.
export function taskListQuery(params: TaskListParams): Record<string, string> {
  const query: Record<string, string> = {};
  if (params.users.length > 0) query.users = params.users.join(",");
  if (params.page > 1) query.page = String(params.page);
  return query;
}

// The quick « Fait » of a row.
export const completeTaskSchema = z.object({
  actionId: z.string().trim().min(1, "Tâche introuvable.").max(64),
});

export type CompleteTaskInput = z.input<typeof completeTaskSchema>;
