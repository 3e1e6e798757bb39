// « Tâches »: every action not done of the chosen users (mine by default, managers pick),
// overdue first, partners kept out, and the quick « Fait » through its server action.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { createAction, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { findTasks, listTaskUsers } = await import("@/lib/tasks/queries");
const { completeTaskAction } = await import("@/lib/tasks/actions");
const { parseTaskListParams } = await import("@/lib/tasks/schemas");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const HOUR = 3600_000;

type U = Awaited<ReturnType<typeof createUser>>;
const actorOf = (u: U): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let sales: U;
let sales2: U;
let manager: U;
let partnerUser: U;
let typeId: string;
let prospectId: string;
let partnerProspectId: string;

const params = (query: Record<string, string | string[]> = {}) => parseTaskListParams(query);

beforeAll(async () => {
  const ref = await ensureReferenceData(db);
  typeId = ref.actionTypes[0]!.id;
  const org = await createPartner(db);
  sales = await createUser(db, { role: "SALES", passwordHash, name: "Alice Commerciale" });
  sales2 = await createUser(db, { role: "SALES", passwordHash, name: "Bruno Commercial" });
  manager = await createUser(db, { role: "MANAGER", passwordHash, name: "Chloé Manager" });
  partnerUser = await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash, name: "Denis Partenaire" });
  prospectId = (await createProspect(db, { name: "Dupont SA" })).id;
  partnerProspectId = (await createProspect(db, { name: "Martin SARL", partnerId: org.id })).id;
});

beforeEach(async () => {
  await db.action.deleteMany();
  session.actor = null;
});

async function task(subject: string, data: { dueAt: Date | null; assigneeId?: string | null; createdById?: string | null; done?: boolean }) {
  return createAction(db, { prospectId, typeId, subject, ...data });
}

describe("findTasks", () => {
  it("lists my tasks not done: overdue first (oldest first), then upcoming (soonest first), then undated", async () => {
    const now = Date.now();
    await task("À venir bientôt", { dueAt: new Date(now + 2 * HOUR), assigneeId: sales.id });
    await task("Sans date", { dueAt: null, assigneeId: sales.id });
    await task("Très en retard", { dueAt: new Date(now - 48 * HOUR), assigneeId: sales.id });
    await task("À venir plus tard", { dueAt: new Date(now + 72 * HOUR), assigneeId: sales.id });
    await task("Un peu en retard", { dueAt: new Date(now - 1 * HOUR), assigneeId: sales.id });
    await task("Déjà faite", { dueAt: new Date(now - 96 * HOUR), assigneeId: sales.id, done: true });
    await task("Créée par moi, sans responsable", { dueAt: new Date(now + 1 * HOUR), assigneeId: null, createdById: sales.id });
    await task("Créée par moi pour un autre", { dueAt: new Date(now + 1 * HOUR), assigneeId: sales2.id, createdById: sales.id });
    await task("D'un autre", { dueAt: new Date(now - 5 * HOUR), assigneeId: sales2.id });

    const result = await findTasks(db, actorOf(sales), params());
    expect(result.userIds).toEqual([sales.id]);
    expect(result.rows.map((r) => r.subject)).toEqual([
      "Très en retard",
      "Un peu en retard",
      "Créée par moi, sans responsable",
      "À venir bientôt",
      "À venir plus tard",
      "Sans date",
    ]);
    expect(result.total).toBe(6);
    expect(result.rows[0]).toMatchObject({ prospect: { id: prospectId, name: "Dupont SA" }, assignee: { id: sales.id } });
  });

  it("lets a manager pick users from the URL, and ignores partners and unknown ids", async () => {
    await task("Tâche d'Alice", { dueAt: new Date(Date.now() + HOUR), assigneeId: sales.id });
    await task("Tâche de Bruno", { dueAt: new Date(Date.now() - HOUR), assigneeId: sales2.id });
    await task("Tâche du manager", { dueAt: new Date(Date.now() + 2 * HOUR), assigneeId: manager.id });
    await createAction(db, { prospectId: partnerProspectId, typeId, subject: "Tâche du partenaire", assigneeId: partnerUser.id });

    const mine = await findTasks(db, actorOf(manager), params());
    expect(mine.rows.map((r) => r.subject)).toEqual(["Tâche du manager"]);

    const picked = await findTasks(db, actorOf(manager), params({ users: [sales.id, sales2.id] }));
    expect(picked.userIds).toEqual([sales.id, sales2.id]);
    expect(picked.rows.map((r) => r.subject)).toEqual(["Tâche de Bruno", "Tâche d'Alice"]);

    const withPartner = await findTasks(db, actorOf(manager), params({ users: `${partnerUser.id},nope,${sales.id}` }));
    expect(withPartner.userIds).toEqual([sales.id]);
    expect(withPartner.rows.map((r) => r.subject)).toEqual(["Tâche d'Alice"]);

    // Only partners picked: back to the manager's own tasks, never the partner's.
    const onlyPartner = await findTasks(db, actorOf(manager), params({ users: partnerUser.id }));
    expect(onlyPartner.userIds).toEqual([manager.id]);

    const users = await listTaskUsers(db);
    expect(users.map((u) => u.name)).toEqual(["Alice Commerciale", "Bruno Commercial", "Chloé Manager"]);
  });

  it("does not let a sales rep look at someone else's tasks", async () => {
    await task("Tâche de Bruno", { dueAt: new Date(Date.now() + HOUR), assigneeId: sales2.id });
    const result = await findTasks(db, actorOf(sales), params({ users: sales2.id }));
    expect(result.userIds).toEqual([sales.id]);
    expect(result.rows).toEqual([]);
  });

  it("is not found for a partner", async () => {
    await createAction(db, { prospectId: partnerProspectId, typeId, subject: "Tâche du partenaire", assigneeId: partnerUser.id });
    await expect(findTasks(db, actorOf(partnerUser), params())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findTasks(db, actorOf(partnerUser), params())).rejects.toBeInstanceOf(AppError);
  });

  it("pages 50 at a time by keyset: « Suivant », « Précédent » and the last page", async () => {
    const base = Date.now() - 100 * HOUR;
    await db.action.createMany({
      data: Array.from({ length: 53 }, (_, i) => ({
        prospectId,
        typeId,
        subject: `Tâche ${String(i).padStart(2, "0")}`,
        dueAt: new Date(base + i * HOUR),
        assigneeId: sales.id,
      })),
    });
    const first = await findTasks(db, actorOf(sales), params());
    expect(first).toMatchObject({ total: 53, perPage: 50, hasPrevious: false, hasNext: true });
    expect(first.rows).toHaveLength(50);
    const second = await findTasks(db, actorOf(sales), params({ after: first.endCursor! }));
    expect(second.rows.map((r) => r.subject)).toEqual(["Tâche 50", "Tâche 51", "Tâche 52"]);
    expect(second).toMatchObject({ hasPrevious: true, hasNext: false });
    const back = await findTasks(db, actorOf(sales), params({ before: second.startCursor! }));
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    const last = await findTasks(db, actorOf(sales), params({ last: "1" }));
    expect(last.rows.at(-1)?.subject).toBe("Tâche 52");
    expect(last).toMatchObject({ hasPrevious: true, hasNext: false });
  });
});

describe("completeTaskAction (quick « Fait »)", () => {
  it("marks the task done with an audit event, and it leaves the list", async () => {
    const t = await task("Rappeler la DAF", { dueAt: new Date(Date.now() - HOUR), assigneeId: sales.id });
    session.actor = actorOf(sales);
    const result = await completeTaskAction({ actionId: t.id });
    expect(result).toEqual({ ok: true, data: { id: t.id } });
    const row = await db.action.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.done).toBe(true);
    expect(row.doneAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { entityType: "Action", entityId: t.id, action: "UPDATE" } })).toBe(1);
    expect((await findTasks(db, actorOf(sales), params())).rows).toEqual([]);
  });

  it("refuses partners and anonymous users, and answers a missing task clearly", async () => {
    const t = await task("Tâche", { dueAt: null, assigneeId: sales.id });
    session.actor = null;
    expect(await completeTaskAction({ actionId: t.id })).toMatchObject({ ok: false, error: expect.stringMatching(/session a expiré/) });
    session.actor = actorOf(partnerUser);
    expect(await completeTaskAction({ actionId: t.id })).toMatchObject({ ok: false });
    session.actor = actorOf(sales);
    expect(await completeTaskAction({ actionId: "inexistante" })).toMatchObject({ ok: false, error: expect.stringMatching(/n'existe pas/) });
    expect(await completeTaskAction({ actionId: "" })).toMatchObject({ ok: false });
    expect((await db.action.findUniqueOrThrow({ where: { id: t.id } })).done).toBe(false);
  });
});
