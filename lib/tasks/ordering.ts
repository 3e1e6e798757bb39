// How the tasks screen orders and flags tasks. Pure, shared by the query (which sorts in SQL the
// same way) and the UI; unit-tested.

export type TaskUrgency = "overdue" | "upcoming" | "undated";

export function taskUrgency(dueAt: Date | string | null, now: Date): TaskUrgency {
  if (dueAt === null) return "undated";
  return new Date(dueAt).getTime() < now.getTime() ? "overdue" : "upcoming";
}

export function isOverdue(dueAt: Date | string | null, now: Date): boolean {
  return taskUrgency(dueAt, now) === "overdue";
}

const URGENCY_RANK: Record<TaskUrgency, number> = { overdue: 0, upcoming: 1, undated: 2 };

type Sortable = { id: string; dueAt: Date | string | null; createdAt: Date | string };

// Overdue first (oldest first), then upcoming (soonest first), then undated. Both dated groups
// run by ascending due date, so in SQL this is `dueAt ASC NULLS LAST`, then creation and id
// to make pages stable.
export function compareTasks(a: Sortable, b: Sortable, now: Date): number {
  const rank = URGENCY_RANK[taskUrgency(a.dueAt, now)] - URGENCY_RANK[taskUrgency(b.dueAt, now)];
  if (rank !== 0) return rank;
  if (a.dueAt !== null && b.dueAt !== null) {
    const due = new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime();
    if (due !== 0) return due;
  }
  const created = new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
  if (created !== 0) return created;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
