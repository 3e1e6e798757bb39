// Moving a card between columns (stage, status and audit row) and editing the columns: rename,
// add, reorder, retire — a column holding opportunities hands them to the chosen column first —
// and the guards (permissions, unique labels, one in-progress and one won column kept).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  COLUMN_NOT_FOUND_MESSAGE,
  LABEL_TAKEN_MESSAGE,
  LAST_IN_PROGRESS_MESSAGE,
  LAST_WON_MESSAGE,
  TARGET_INVALID_MESSAGE,
  TARGET_REQUIRED_MESSAGE,
} from "@/lib/pipeline/manage-columns";
import { COLUMN_GONE_MESSAGE } from "@/lib/pipeline/move-opportunity";
import { listActiveColumns, listEditableColumns } from "@/lib/pipeline/queries";
import { createOpportunity, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/pipeline/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });
const FORBIDDEN = "Vous n'avez pas les droits nécessaires pour cette opération.";

let sales: Actor;
let manager: Actor;
let partner: Actor;
let prospectId: string;
let stages: Record<string, string>;

const labels = async () => (await listActiveColumns(db)).map((c) => c.label);

beforeAll(async () => {
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  manager = toActor(await createUser(db, { role: "MANAGER", passwordHash }));
  const org = await createPartner(db);
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  prospectId = (await createProspect(db, { partnerId: org.id })).id;
});

// Every test starts from the default six columns and no opportunity.
beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.opportunity.deleteMany();
  await db.pipelineStage.deleteMany();
  const ref = await ensureReferenceData(db);
  stages = Object.fromEntries(ref.pipelineStages.map((s) => [s.label, s.id]));
  session.actor = manager;
});

describe("moving a card", () => {
  it("follows the column's kind: won, then reopened, then lost; each move audited", async () => {
    session.actor = sales;
    const opp = await createOpportunity(db, { prospectId, ownerId: sales.id, stageId: stages["Qualification"]! });

    const won = await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Conclue"]! });
    expect(won).toMatchObject({ ok: true, data: { status: "WON", changed: true } });
    const afterWin = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(afterWin).toMatchObject({ stageId: stages["Conclue"], status: "WON", version: 1 });
    expect(afterWin.closedAt).toBeInstanceOf(Date);

    const events = await db.auditEvent.findMany({ where: { entityType: "Opportunity", entityId: opp.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "UPDATE", actorId: sales.id, prospectId });
    expect(events[0]!.changes).toMatchObject({
      stage: { from: "Qualification", to: "Conclue" },
      status: { from: "OPEN", to: "WON" },
      closedAt: { from: null, to: afterWin.closedAt!.toISOString() },
    });

    await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Négociation"]! });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).toMatchObject({
      stageId: stages["Négociation"],
      status: "OPEN",
      closedAt: null,
    });

    await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Perdue"]! });
    const lost = await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } });
    expect(lost.status).toBe("LOST");
    expect(lost.closedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { entityId: opp.id } })).toBe(3);
  });

  it("does nothing when dropped in its own column", async () => {
    const opp = await createOpportunity(db, { prospectId, stageId: stages["Proposition"]! });
    const same = await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Proposition"]! });
    expect(same).toMatchObject({ ok: true, data: { changed: false } });
    expect(await db.auditEvent.count()).toBe(0);
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).version).toBe(0);
  });

  it("refuses a partner, an unknown card and a retired column, changing nothing", async () => {
    const opp = await createOpportunity(db, { prospectId, stageId: stages["Proposition"]! });
    session.actor = partner;
    expect(await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Conclue"]! })).toMatchObject({
      ok: false,
      error: FORBIDDEN,
    });
    session.actor = sales;
    expect(await actions.moveOpportunityStageAction({ opportunityId: "inconnue", stageId: stages["Conclue"]! })).toMatchObject({
      ok: false,
      error: "Élément introuvable : il a peut-être été supprimé.",
    });
    await db.pipelineStage.update({ where: { id: stages["Qualification"]! }, data: { active: false } });
    expect(await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: stages["Qualification"]! })).toMatchObject({
      ok: false,
      error: COLUMN_GONE_MESSAGE,
    });
    expect(await actions.moveOpportunityStageAction({ opportunityId: opp.id, stageId: "" })).toMatchObject({ ok: false });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: opp.id } })).stageId).toBe(stages["Proposition"]);
    expect(await db.auditEvent.count()).toBe(0);
  });
});

describe("editing the columns", () => {
  it("renames a column; refuses an empty, too long or already used label", async () => {
    expect(await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "  Offre envoyée  " })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await labels()).toContain("Offre envoyée");

    expect(await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "négociation" })).toEqual({
      ok: false,
      error: LABEL_TAKEN_MESSAGE,
      fieldErrors: { label: [LABEL_TAKEN_MESSAGE] },
    });
    const empty = await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { label: ["Le libellé de la colonne est obligatoire."] } });
    const long = await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "x".repeat(61) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { label: ["Libellé : 60 caractères au plus."] } });
    expect((await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "x".repeat(60) })).ok).toBe(true);
    expect(await actions.renamePipelineColumnAction({ stageId: "inconnue", label: "Autre" })).toMatchObject({
      ok: false,
      error: COLUMN_NOT_FOUND_MESSAGE,
    });
  });

  it("adds a column last with its kind, and reorders columns up and down", async () => {
    const added = await actions.addPipelineColumnAction({ label: "Signature", kind: "IN_PROGRESS" });
    expect(added.ok).toBe(true);
    expect(await labels()).toEqual(["Qualification", "Découverte des besoins", "Proposition", "Négociation", "Conclue", "Perdue", "Signature"]);
    expect(await actions.addPipelineColumnAction({ label: "conclue", kind: "WON" })).toMatchObject({ ok: false, error: LABEL_TAKEN_MESSAGE });

    const signature = added.ok ? added.data.id : "";
    await actions.movePipelineColumnAction({ stageId: signature, direction: "up" });
    await actions.movePipelineColumnAction({ stageId: signature, direction: "up" });
    await actions.movePipelineColumnAction({ stageId: stages["Qualification"]!, direction: "down" });
    expect(await labels()).toEqual(["Découverte des besoins", "Qualification", "Proposition", "Négociation", "Signature", "Conclue", "Perdue"]);
    // Past either end: nothing moves.
    expect((await actions.movePipelineColumnAction({ stageId: stages["Découverte des besoins"]!, direction: "up" })).ok).toBe(true);
    expect((await labels())[0]).toBe("Découverte des besoins");
  });

  it("retires a column holding cards only once told where they go, and moves them all with audit", async () => {
    const open = await createOpportunity(db, { prospectId, stageId: stages["Découverte des besoins"]!, title: "Ouverte" });
    const old = await createOpportunity(db, { prospectId, stageId: stages["Découverte des besoins"]!, title: "Ancienne" });
    const elsewhere = await createOpportunity(db, { prospectId, stageId: stages["Qualification"]! });
    const held = (await listEditableColumns(db)).find((c) => c.id === stages["Découverte des besoins"]);
    expect(held?.heldCount).toBe(2);

    const stageId = stages["Découverte des besoins"]!;
    expect(await actions.retirePipelineColumnAction({ stageId })).toEqual({
      ok: false,
      error: TARGET_REQUIRED_MESSAGE,
      fieldErrors: { targetStageId: [TARGET_REQUIRED_MESSAGE] },
    });
    expect(await actions.retirePipelineColumnAction({ stageId, targetStageId: stages["Conclue"]! })).toMatchObject({
      ok: false,
      error: TARGET_INVALID_MESSAGE,
    });
    expect(await actions.retirePipelineColumnAction({ stageId, targetStageId: stageId })).toMatchObject({ ok: false, error: TARGET_INVALID_MESSAGE });
    expect(await labels()).toContain("Découverte des besoins");

    const retired = await actions.retirePipelineColumnAction({ stageId, targetStageId: stages["Proposition"]! });
    expect(retired).toEqual({ ok: true, data: { movedOpportunities: 2 } });
    expect(await labels()).not.toContain("Découverte des besoins");
    expect(await db.pipelineStage.findUniqueOrThrow({ where: { id: stageId } })).toMatchObject({ active: false });
    for (const id of [open.id, old.id]) {
      expect(await db.opportunity.findUniqueOrThrow({ where: { id } })).toMatchObject({ stageId: stages["Proposition"], status: "OPEN" });
    }
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: elsewhere.id } })).stageId).toBe(stages["Qualification"]);
    const events = await db.auditEvent.findMany({ where: { entityType: "Opportunity" }, orderBy: { entityId: "asc" } });
    expect(events.map((e) => e.entityId).sort()).toEqual([open.id, old.id].sort());
    expect(events[0]!.changes).toEqual({ stage: { from: "Découverte des besoins", to: "Proposition" } });

    // A retired label can be used again.
    expect((await actions.addPipelineColumnAction({ label: "Découverte des besoins", kind: "IN_PROGRESS" })).ok).toBe(true);
  });

  it("retires an empty column without asking, but keeps one in-progress and one won column", async () => {
    expect(await actions.retirePipelineColumnAction({ stageId: stages["Conclue"]! })).toMatchObject({ ok: false, error: LAST_WON_MESSAGE });
    expect((await actions.retirePipelineColumnAction({ stageId: stages["Perdue"]!, targetStageId: "" })).ok).toBe(true);
    for (const label of ["Qualification", "Découverte des besoins", "Proposition"]) {
      expect((await actions.retirePipelineColumnAction({ stageId: stages[label]! })).ok).toBe(true);
    }
    expect(await actions.retirePipelineColumnAction({ stageId: stages["Négociation"]! })).toMatchObject({
      ok: false,
      error: LAST_IN_PROGRESS_MESSAGE,
    });
    expect(await labels()).toEqual(["Négociation", "Conclue"]);
    expect(await actions.retirePipelineColumnAction({ stageId: stages["Perdue"]! })).toMatchObject({ ok: false, error: COLUMN_NOT_FOUND_MESSAGE });
  });

  it("is for managers only", async () => {
    session.actor = sales;
    for (const result of [
      await actions.renamePipelineColumnAction({ stageId: stages["Proposition"]!, label: "Autre" }),
      await actions.addPipelineColumnAction({ label: "Autre", kind: "IN_PROGRESS" }),
      await actions.movePipelineColumnAction({ stageId: stages["Proposition"]!, direction: "up" }),
      await actions.retirePipelineColumnAction({ stageId: stages["Perdue"]! }),
    ]) {
      expect(result).toMatchObject({ ok: false, error: FORBIDDEN });
    }
    expect(await labels()).toEqual(["Qualification", "Découverte des besoins", "Proposition", "Négociation", "Conclue", "Perdue"]);
  });
});
