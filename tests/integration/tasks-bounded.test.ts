// « Tâches » at volume: the count stops at TASK_COUNT_LIMIT (« Plus de 1 000 tâches à faire »)
// and the list still pages past it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { taskCountLabel } from "@/lib/tasks/labels";
import { createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

vi.mock("@/lib/auth/session", () => ({ getActor: async () => null }));

const { findTasks, TASK_COUNT_LIMIT } = await import("@/lib/tasks/queries");
const { parseTaskListParams, TASKS_PER_PAGE } = await import("@/lib/tasks/schemas");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let rep: Actor;
const EXTRA = 30;

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  const u = await createUser(db, { role: "SALES", passwordHash, name: "Vera Volume" });
  rep = { id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId };
  const prospectId = (await createProspect(db, { name: "Volume SA" })).id;
  const t0 = Date.UTC(2026, 0, 1);
  await db.action.createMany({
    data: Array.from({ length: TASK_COUNT_LIMIT + EXTRA }, (_, i) => ({
      prospectId,
      typeId: ref.actionTypes[0]!.id,
      subject: `Tâche ${i}`,
      assigneeId: u.id,
      dueAt: new Date(t0 + i * 60_000),
    })),
  });
});

describe("findTasks at volume", () => {
  it("stops counting past the limit and says so", async () => {
    const first = await findTasks(db, rep, parseTaskListParams({}));
    expect(first).toMatchObject({ total: TASK_COUNT_LIMIT, totalIsLowerBound: true, hasNext: true, page: 1 });
    expect(taskCountLabel(first.total, first.totalIsLowerBound)).toBe(`Plus de ${(1000).toLocaleString("fr-FR")} tâches à faire`);
  });

  it("keeps paging past the counted rows up to the last task", async () => {
    const lastPage = Math.ceil((TASK_COUNT_LIMIT + EXTRA) / TASKS_PER_PAGE);
    const last = await findTasks(db, rep, parseTaskListParams({ page: String(lastPage) }));
    expect(last.page).toBe(lastPage);
    expect(last.hasNext).toBe(false);
    expect(last.rows.at(-1)?.subject).toBe(`Tâche ${TASK_COUNT_LIMIT + EXTRA - 1}`);
  });
});
