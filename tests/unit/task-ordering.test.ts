import { describe, expect, it } from "vitest";
import { reminderLabel, taskCountLabel } from "@/lib/tasks/labels";
import { compareTasks, isOverdue, taskUrgency } from "@/lib/tasks/ordering";
import { MAX_PICKED_USERS, parseTaskListParams, parseUserIds, taskListQuery } from "@/lib/tasks/schemas";

const now = new Date("2026-11-22T12:00:00Z");
const at = (iso: string) => new Date(iso);

describe("taskUrgency / isOverdue", () => {
  it("calls a task overdue once its due time has passed, not at the very instant", () => {
    expect(taskUrgency(at("2026-11-22T11:59:59Z"), now)).toBe("overdue");
    expect(taskUrgency(at("2026-11-22T12:00:00Z"), now)).toBe("upcoming");
    expect(taskUrgency("2026-11-23T08:00:00Z", now)).toBe("upcoming");
    expect(taskUrgency(null, now)).toBe("undated");
    expect(isOverdue(at("2026-01-01T00:00:00Z"), now)).toBe(true);
    expect(isOverdue(null, now)).toBe(false);
  });
});

describe("compareTasks", () => {
  it("puts overdue first (oldest first), then upcoming (soonest first), then undated", () => {
    const created = "2026-11-01T00:00:00Z";
    const tasks = [
      { id: "undated-b", dueAt: null, createdAt: "2026-11-02T00:00:00Z" },
      { id: "soon", dueAt: at("2026-11-22T13:00:00Z"), createdAt: created },
      { id: "late-recent", dueAt: at("2026-11-22T11:00:00Z"), createdAt: created },
      { id: "later", dueAt: at("2026-12-01T09:00:00Z"), createdAt: created },
      { id: "undated-a", dueAt: null, createdAt: created },
      { id: "late-old", dueAt: at("2026-10-01T09:00:00Z"), createdAt: created },
    ];
    const sorted = [...tasks].sort((a, b) => compareTasks(a, b, now)).map((t) => t.id);
    expect(sorted).toEqual(["late-old", "late-recent", "soon", "later", "undated-a", "undated-b"]);
  });

  it("breaks ties on the due time by creation, then id, so pages are stable", () => {
    const due = at("2026-11-25T09:00:00Z");
    const a = { id: "b", dueAt: due, createdAt: "2026-11-01T00:00:00Z" };
    const b = { id: "a", dueAt: due, createdAt: "2026-11-01T00:00:00Z" };
    const c = { id: "0", dueAt: due, createdAt: "2026-11-02T00:00:00Z" };
    expect([c, a, b].sort((x, y) => compareTasks(x, y, now)).map((t) => t.id)).toEqual(["a", "b", "0"]);
  });
});

describe("parseTaskListParams", () => {
  it("defaults to my first page", () => {
    expect(parseTaskListParams({})).toEqual({ page: 1, users: [] });
    expect(parseTaskListParams(undefined)).toEqual({ page: 1, users: [] });
  });

  it("reads repeated and comma-separated users, dropping duplicates and anything not id-shaped", () => {
    expect(parseTaskListParams({ users: ["u1", "u2,u3", "u1"], page: "3" })).toEqual({ page: 3, users: ["u1", "u2", "u3"] });
    expect(parseUserIds("a1, ,b2,'; DROP TABLE,<script>")).toEqual(["a1", "b2"]);
    expect(parseUserIds(Array.from({ length: 80 }, (_, i) => `u${i}`))).toHaveLength(MAX_PICKED_USERS);
  });

  it("falls back to page 1 on a bad page", () => {
    expect(parseTaskListParams({ page: "abc" }).page).toBe(1);
    expect(parseTaskListParams({ page: "-2" }).page).toBe(1);
    expect(parseTaskListParams({ page: "9999999" }).page).toBe(1);
    expect(parseTaskListParams({ page: ["2", "5"] }).page).toBe(2);
  });

  it("round-trips through the query string, leaving defaults out", () => {
    expect(taskListQuery({ page: 1, users: [] })).toEqual({});
    const query = taskListQuery({ page: 2, users: ["u1", "u2"] });
    expect(query).toEqual({ users: "u1,u2", page: "2" });
    expect(parseTaskListParams(query)).toEqual({ page: 2, users: ["u1", "u2"] });
  });
});

describe("labels", () => {
  it("shows the reminder in Paris time, summer and winter", () => {
    expect(reminderLabel(at("2026-11-22T13:30:00Z"))).toBe("Rappel le 22/11/2026 14:30");
    expect(reminderLabel("2026-07-01T07:05:00Z")).toBe("Rappel le 01/07/2026 09:05");
  });

  it("counts tasks in French", () => {
    expect(taskCountLabel(0)).toBe("Aucune tâche à faire");
    expect(taskCountLabel(1)).toBe("1 tâche à faire");
    expect(taskCountLabel(1234)).toMatch(/^1\s234 tâches à faire$/);
  });
});
