// The prospect file's reads (issue 14): one scoped read of the prospect per request shared by
// every section, relation names without `IN (NULL)`, and a statement budget for the whole page.
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

// React's cache() memoizes per server request; outside one it only calls through. Here one
// "request" is one test: the same memoization by argument identity, emptied before each test.
const request = vi.hoisted(() => ({ store: new Map<unknown, { args: unknown[]; value: unknown }[]>() }));
vi.mock("react", async (importOriginal) => ({
  ...(await importOriginal<typeof import("react")>()),
  cache:
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): R => {
      const entries = request.store.get(fn) ?? [];
      const hit = entries.find((e) => e.args.length === args.length && e.args.every((a, i) => a === args[i]));
      if (hit) return hit.value as R;
      const value = fn(...args);
      request.store.set(fn, [...entries, { args, value }]);
      return value;
    },
}));

import type { Actor } from "@/lib/auth/actor";
import { loadInternalActionsTab } from "@/lib/actions/prospect-actions-tab";
import { listActionTypeOptions, listFreeProspectActions } from "@/lib/actions/queries";
import { listAttachments } from "@/lib/attachments/queries";
import { getProspectEarner } from "@/lib/commissions/prospect-earner";
import { getProspectConnections } from "@/lib/connections/queries";
import { getPendingCorrections } from "@/lib/corrections/queries";
import { findProspectHistory } from "@/lib/history/queries";
import { listOwnerOptions, listProspectOpportunities, listStageOptions } from "@/lib/opportunities/queries";
import { createPrismaClient } from "@/lib/prisma-client";
import { findFileProspect } from "@/lib/prospects/file-prospect";
import { listInternalOptions } from "@/lib/prospects/internal-options";
import { getProspectFile, listPartnerOptions } from "@/lib/prospects/prospect-file";
import { lookupReferenceNames } from "@/lib/references/lookup-names";
import { createAction, createContact, createOpportunity, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";

const setupDb = getTestDb();
const logFile = path.join(tmpdir(), `prospect-file-reads-${process.pid}.jsonl`);
// The app's client with the benchmark's query log on: every statement it runs, in order.
const db = createPrismaClient(getTestDatabaseUrl(), { max: 4, queryLogFile: logFile });
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

function statements(): string[] {
  try {
    return readFileSync(logFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { sql: string }).sql);
  } catch {
    return [];
  }
}

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

let sales: Actor;
let partnerA: Actor;
let partnerB: Actor;
let orgA: { id: string; name: string };
let prospect: { id: string };
let bare: { id: string };
let owner: { id: string; name: string };
let typeName: string;
let originName: string;

beforeAll(async () => {
  const ref = await ensureReferenceData(setupDb);
  orgA = await createPartner(setupDb, { name: "Cabinet Alpha" });
  const orgB = await createPartner(setupDb, { name: "Cabinet Beta" });
  partnerA = toActor(await createUser(setupDb, { role: "PARTNER", partnerId: orgA.id, passwordHash }));
  partnerB = toActor(await createUser(setupDb, { role: "PARTNER", partnerId: orgB.id, passwordHash }));
  sales = toActor(await createUser(setupDb, { role: "SALES", passwordHash }));
  owner = await createUser(setupDb, { role: "SALES", name: "Rémi Commercial", passwordHash });
  typeName = ref.prospectTypes[0]!.name;
  originName = ref.origins[0]!.name;
  prospect = await createProspect(setupDb, {
    partnerId: orgA.id,
    createdById: partnerA.id,
    ownerId: owner.id,
    typeId: ref.prospectTypes[0]!.id,
    originId: ref.origins[0]!.id,
  });
  await createContact(setupDb, { prospectId: prospect.id, lastName: "Premier" });
  await createContact(setupDb, { prospectId: prospect.id, lastName: "Second" });
  const stage = ref.pipelineStages[0]!;
  const call = ref.actionTypes.find((t) => t.category !== "OFFER")!;
  const opportunity = await createOpportunity(setupDb, { prospectId: prospect.id, stageId: stage.id, ownerId: owner.id });
  await createAction(setupDb, { prospectId: prospect.id, typeId: call.id, opportunityId: opportunity.id, assigneeId: owner.id });
  await createAction(setupDb, { prospectId: prospect.id, typeId: call.id, assigneeId: sales.id });
  await createAction(setupDb, { prospectId: prospect.id, typeId: call.id, dueAt: new Date(Date.now() - 86_400_000) });
  // A direct prospect with no key set at all.
  bare = await createProspect(setupDb, {});
});

beforeEach(() => {
  request.store.clear();
  rmSync(logFile, { force: true });
});

afterAll(async () => {
  await db.$disconnect();
  rmSync(logFile, { force: true });
});

describe("findFileProspect", () => {
  it("reads the prospect, its contacts in order and the names its keys point at", async () => {
    const file = await findFileProspect(sales, prospect.id, db);
    expect(file?.contacts.map((c) => c.lastName)).toEqual(["Premier", "Second"]);
    expect(file?.names).toEqual({
      partner: { id: orgA.id, name: "Cabinet Alpha" },
      createdBy: { id: partnerA.id, name: partnerA.name },
      owner: { id: owner.id, name: "Rémi Commercial" },
      type: { id: expect.any(String), name: typeName },
      origin: { id: expect.any(String), name: originName },
    });
    // The row, the contacts and the five names.
    expect(statements()).toHaveLength(3);
  });

  it("keeps partner scoping in the query: another partner's prospect is not found", async () => {
    expect(await findFileProspect(partnerB, prospect.id, db)).toBeNull();
    expect(await findFileProspect(partnerA, prospect.id, db)).not.toBeNull();
    expect(await findFileProspect(sales, "inexistant", db)).toBeNull();
    // Nothing is read past the access check that failed.
    expect(statements().filter((s) => s.includes('"Contact"'))).toHaveLength(1);
  });

  it("reads no names when every key is null, and never `IN (NULL)`", async () => {
    const file = await findFileProspect(sales, bare.id, db);
    expect(file?.names).toEqual({ partner: null, createdBy: null, owner: null, type: null, origin: null });
    expect(statements()).toHaveLength(2);
  });

  it("is read once per request by every section that needs it, and refused to all of them out of scope", async () => {
    await Promise.all([
      getProspectFile(sales, prospect.id, db),
      getProspectEarner(sales, prospect.id, db),
      getPendingCorrections(sales, prospect.id, db),
      getProspectConnections(sales, prospect.id, db),
      findProspectHistory(sales, prospect.id, { page: 1 }, db),
    ]);
    expect(statements().filter((s) => /FROM "public"\."Prospect" WHERE/.test(s))).toHaveLength(1);

    request.store.clear();
    expect(await getProspectFile(partnerB, prospect.id, db)).toBeNull();
    expect(await getProspectEarner(partnerB, prospect.id, db)).toBeNull();
    expect(await getProspectConnections(partnerB, prospect.id, db)).toBeNull();
    await expect(findProspectHistory(partnerB, prospect.id, { page: 1 }, db)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("lookupReferenceNames", () => {
  it("resolves users, action types and stages in one statement, and runs none without ids", async () => {
    const ref = await ensureReferenceData(setupDb);
    rmSync(logFile, { force: true });
    expect(await lookupReferenceNames(db, { users: [null], actionTypes: [], stages: [] })).toEqual({
      users: new Map(),
      actionTypes: new Map(),
      stages: new Map(),
    });
    expect(statements()).toHaveLength(0);
    const stage = ref.pipelineStages[0]!;
    const type = ref.actionTypes[0]!;
    const names = await lookupReferenceNames(db, { users: [owner.id, owner.id, null], actionTypes: [type.id], stages: [stage.id] });
    expect(names.users).toEqual(new Map([[owner.id, "Rémi Commercial"]]));
    expect(names.actionTypes.get(type.id)).toMatchObject({ name: type.name, category: type.category });
    expect(names.stages.get(stage.id)).toEqual({ id: stage.id, label: stage.label, kind: stage.kind });
    // Only the types alone: the branch that comes first still names the columns.
    expect((await lookupReferenceNames(db, { actionTypes: [type.id] })).actionTypes.get(type.id)?.name).toBe(type.name);
    expect(statements()).toHaveLength(2);
  });
});

describe("the whole file for the sales team", () => {
  it("stays within its statement budget, with no `IN (NULL)`", async () => {
    // What app/(app)/prospects/[id]/page.tsx and its sections read, as they read it.
    const file = await getProspectFile(sales, prospect.id, db);
    expect(file).not.toBeNull();
    const [, , earner, , { opportunities, lists: free }] = await Promise.all([
      listPartnerOptions(sales, db),
      listInternalOptions(sales, file!.values, db),
      getProspectEarner(sales, prospect.id, db),
      getPendingCorrections(sales, prospect.id, db),
      loadInternalActionsTab(sales, prospect.id, new Date(), db),
      listActionTypeOptions(db),
      listStageOptions(null, db),
      listOwnerOptions(sales, null, db),
      listAttachments(sales, prospect.id, db),
      getProspectConnections(sales, prospect.id, db),
      findProspectHistory(sales, prospect.id, { page: 1 }, db),
    ]);
    expect(earner).toMatchObject({ partner: { name: "Cabinet Alpha" }, kind: "DIRECT" });
    expect(opportunities[0]?.owner?.name).toBe("Rémi Commercial");
    expect(opportunities[0]?.chains.flat()[0]?.assignee?.name).toBe("Rémi Commercial");
    expect(free.upcoming[0]?.assignee?.name).toBe(sales.name);
    expect(free.past[0]?.assignee).toBeNull();

    const run = statements();
    expect(run.filter((s) => s.includes("IN (NULL)"))).toEqual([]);
    // 46 before issue 14 (with the layout's 2); 21 here, so a regression has some room to show.
    expect(run.length).toBeLessThanOrEqual(21);
  });

  it("names the « Actions » tab's two lists in one lookup, as each list does on its own", async () => {
    const now = new Date();
    const tab = await loadInternalActionsTab(sales, prospect.id, now, db);
    expect(statements().filter((s) => s.includes("UNION ALL"))).toHaveLength(1);
    expect(tab.opportunities).toEqual(await listProspectOpportunities(sales, prospect.id, db));
    expect(tab.lists).toEqual(await listFreeProspectActions(sales, prospect.id, now, db));
    // Partners never see opportunities, whatever they ask for.
    expect((await loadInternalActionsTab(partnerA, prospect.id, now, db)).opportunities).toEqual([]);
  });
});
