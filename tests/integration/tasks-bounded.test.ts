// « Tâches » at volume: the count stops at TASK_COUNT_LIMIT (« Plus de 1 000 tâches à faire »)
// and the keyset pages walk the whole list, forwards and backwards, in the order of
// lib/tasks/ordering.ts — dated and undated, assigned and « created by me, assigned to nobody »,
// for one user or several — without a gap or a repeat.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { compareTasks } from "@/lib/tasks/ordering";
import { taskCountLabel } from "@/lib/tasks/labels";
import { createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const { findTasks, TASK_COUNT_LIMIT } = await import("@/lib/tasks/queries");
const { parseTaskListParams } = await import("@/lib/tasks/schemas");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let rep: Actor;
let other: Actor;
let manager: Actor;
const EXTRA = 30;
const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  rep = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Vera Volume" }));
  other = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Oscar Autre" }));
  manager = toActor(await createUser(db, { role: "MANAGER", passwordHash, name: "Mona Manager" }));
  const prospectId = (await createProspect(db, { name: "Volume SA" })).id;
  const typeId = ref.actionTypes[0]!.id;
  const t0 = Date.UTC(2026, 0, 1);
  await db.action.createMany({
    data: Array.from({ length: TASK_COUNT_LIMIT + EXTRA }, (_, i) => ({
      prospectId,
      typeId,
      subject: `Tâche ${i}`,
      assigneeId: rep.id,
      dueAt: new Date(t0 + i * 60_000),
    })),
  });
  // The other rep: equal due times (ties broken by creation, then id), undated tasks, tasks he
  // created for nobody, some done (never listed).
  const created = Date.UTC(2025, 11, 1);
  await db.action.createMany({
    data: Array.from({ length: 140 }, (_, i) => ({
      prospectId,
      typeId,
      subject: `Autre ${i}`,
      assigneeId: i % 3 === 0 ? null : other.id,
      createdById: other.id,
      dueAt: i % 4 === 0 ? null : new Date(t0 + (i % 7) * 60_000),
      createdAt: new Date(created + (i % 5) * 1000),
      done: i % 11 === 0,
    })),
  });
});

async function walkForward(actor: Actor, query: Record<string, string>) {
  const ids: string[] = [];
  let page = await findTasks(db, actor, parseTaskListParams(query));
  ids.push(...page.rows.map((r) => r.id));
  for (let guard = 0; page.hasNext && guard < 100; guard++) {
    page = await findTasks(db, actor, parseTaskListParams({ ...query, after: page.endCursor! }));
    ids.push(...page.rows.map((r) => r.id));
  }
  return ids;
}

async function walkBackward(actor: Actor, query: Record<string, string>) {
  const ids: string[] = [];
  let page = await findTasks(db, actor, parseTaskListParams({ ...query, last: "1" }));
  ids.unshift(...page.rows.map((r) => r.id));
  for (let guard = 0; page.hasPrevious && guard < 100; guard++) {
    page = await findTasks(db, actor, parseTaskListParams({ ...query, before: page.startCursor! }));
    // Less than a page before the cursor shows the whole first page: its tail is already seen.
    const seen = new Set(ids);
    ids.unshift(...page.rows.map((r) => r.id).filter((id) => !seen.has(id)));
  }
  return ids;
}

async function expectedIds(userIds: string[]) {
  const rows = await db.action.findMany({
    where: { done: false, OR: [{ assigneeId: { in: userIds } }, { assigneeId: null, createdById: { in: userIds } }] },
    select: { id: true, dueAt: true, createdAt: true },
  });
  // A fixed « now » before every due time: the order is then plain dueAt, createdAt, id.
  const now = new Date(Date.UTC(2020, 0, 1));
  return rows.sort((a, b) => compareTasks(a, b, now)).map((r) => r.id);
}

describe("findTasks at volume", () => {
  it("stops counting past the limit and says so", async () => {
    const first = await findTasks(db, rep, parseTaskListParams({}));
    expect(first).toMatchObject({ total: TASK_COUNT_LIMIT, totalIsLowerBound: true, hasNext: true, hasPrevious: false });
    expect(taskCountLabel(first.total, first.totalIsLowerBound)).toBe(`Plus de ${(1000).toLocaleString("fr-FR")} tâches à faire`);
  });

  it("reaches the last task past the counted rows, and walks the whole list both ways", async () => {
    const last = await findTasks(db, rep, parseTaskListParams({ last: "1" }));
    expect(last.hasNext).toBe(false);
    expect(last.rows.at(-1)?.subject).toBe(`Tâche ${TASK_COUNT_LIMIT + EXTRA - 1}`);
    const expected = await expectedIds([rep.id]);
    expect(await walkForward(rep, {})).toEqual(expected);
    expect(await walkBackward(rep, {})).toEqual(expected);
  });

  it("orders ties, undated tasks and tasks created for nobody like the screen, for one user or several", async () => {
    const alone = await expectedIds([other.id]);
    expect(alone.length).toBeGreaterThan(100);
    expect(await walkForward(other, {})).toEqual(alone);
    expect(await walkBackward(other, {})).toEqual(alone);
    const both = await expectedIds([rep.id, other.id]);
    const query = { users: `${other.id},${rep.id}` };
    expect(await walkForward(manager, query)).toEqual(both);
    expect(await walkBackward(manager, query)).toEqual(both);
  });
});
