import { describe, expect, it } from "vitest";
import { reminderLabel, taskCountLabel } from "@/lib/tasks/labels";
import { compareTasks, isOverdue, taskUrgency } from "@/lib/tasks/ordering";
import { encodeCursor } from "@/lib/pagination/keyset";
import {
  decodeTaskPosition,
  encodeTaskPosition,
  MAX_PICKED_USERS,
  parseTaskListParams,
  parseUserIds,
  taskListQuery,
} from "@/lib/tasks/schemas";

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
    expect(parseTaskListParams({})).toEqual({ users: [], request: { kind: "first" } });
    expect(parseTaskListParams(undefined)).toEqual({ users: [], request: { kind: "first" } });
  });

  it("reads repeated and comma-separated users, dropping duplicates and anything not id-shaped", () => {
    expect(parseTaskListParams({ users: ["u1", "u2,u3", "u1"] }).users).toEqual(["u1", "u2", "u3"]);
    expect(parseUserIds("a1, ,b2,'; DROP TABLE,<script>")).toEqual(["a1", "b2"]);
    expect(parseUserIds(Array.from({ length: 80 }, (_, i) => `u${i}`))).toHaveLength(MAX_PICKED_USERS);
  });

  it("reads the keyset cursor, and starts over on a forged one or an old page number", () => {
    const value = encodeTaskPosition({ dueAt: at("2026-11-22T13:30:00Z"), createdAt: at("2026-11-01T08:00:00Z") });
    const after = encodeCursor({ value, id: "t1" });
    expect(parseTaskListParams({ after }).request).toEqual({ kind: "after", cursor: { value, id: "t1" } });
    expect(parseTaskListParams({ last: "1" }).request).toEqual({ kind: "last" });
    expect(parseTaskListParams({ after: "n'importe quoi" }).request).toEqual({ kind: "first" });
    expect(parseTaskListParams({ page: "3" }).request).toEqual({ kind: "first" });
  });

  it("encodes a task's position, undated included, and refuses a forged one", () => {
    const dated = { dueAt: at("2026-11-22T13:30:00Z"), createdAt: at("2026-11-01T08:00:00Z") };
    const undated = { dueAt: null, createdAt: at("2026-11-01T08:00:00Z") };
    expect(decodeTaskPosition(encodeTaskPosition(dated))).toEqual(dated);
    expect(decodeTaskPosition(encodeTaskPosition(undated))).toEqual(undated);
    expect(decodeTaskPosition("pas une date|2026-11-01T08:00:00.000Z")).toBeNull();
    expect(decodeTaskPosition("2026-11-01T08:00:00.000Z")).toBeNull();
    expect(decodeTaskPosition(42)).toBeNull();
  });

  it("keeps the users in the query string, leaving defaults out", () => {
    expect(taskListQuery({ users: [] })).toEqual({});
    const query = taskListQuery({ users: ["u1", "u2"] });
    expect(query).toEqual({ users: "u1,u2" });
    expect(parseTaskListParams(query).users).toEqual(["u1", "u2"]);
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
