// Opportunities (issue 4 §2): creation with an amount typed in euros, edits saved against a
// version (a stale save changes nothing), status won / lost / back in progress kept in step with
// the pipeline column, and one « Historique » entry per change.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { findProspectHistory } from "@/lib/history/queries";
import { formatHistoryValue, historyEntityLabel, historyFieldLabel } from "@/lib/history/labels";
import { createOpportunity } from "@/lib/opportunities/create-opportunity";
import { getOpportunityDetail, listOwnerOptions, listProspectOpportunities, listStageOptions } from "@/lib/opportunities/queries";
import {
  createOpportunitySchema,
  OPPORTUNITY_CONFLICT,
  updateOpportunitySchema,
  type UpdateOpportunityInput,
} from "@/lib/opportunities/schemas";
import { setOpportunityStatus, updateOpportunity } from "@/lib/opportunities/update-opportunity";
import { createPartner, createProspect, createUser, ensureReferenceData, type ReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

let ref: ReferenceData;
let sales: Actor;
let manager: Actor;
let prospectId: string;
const stage = (kind: "IN_PROGRESS" | "WON" | "LOST", nth = 0) => ref.pipelineStages.filter((s) => s.kind === kind)[nth]!;

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

async function create(title: string, extra: Partial<Record<"amount" | "stageId" | "expectedCloseDate" | "ownerId", string>> = {}) {
  return createOpportunity(
    db,
    sales,
    createOpportunitySchema.parse({
      prospectId,
      title,
      amount: "12 500,00",
      stageId: stage("IN_PROGRESS").id,
      expectedCloseDate: "2031-03-31",
      ownerId: sales.id,
      ...extra,
    }),
  );
}

async function edit(id: string, changes: Partial<UpdateOpportunityInput>, actor: Actor = sales) {
  const current = await db.opportunity.findUniqueOrThrow({ where: { id } });
  return updateOpportunity(
    db,
    actor,
    updateOpportunitySchema.parse({
      opportunityId: id,
      version: current.version,
      title: current.title,
      amount: String(current.amountCents / 100),
      stageId: current.stageId,
      expectedCloseDate: current.expectedCloseDate ? current.expectedCloseDate.toISOString().slice(0, 10) : "",
      ownerId: current.ownerId,
      status: current.status,
      ...changes,
    }),
  );
}

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  sales = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Sophie Vendeuse" }));
  manager = toActor(await createUser(db, { role: "MANAGER", passwordHash, name: "Marc Manager" }));
  prospectId = (await createProspect(db, { partnerId: (await createPartner(db)).id })).id;
});

describe("the form's schema", () => {
  it("reads amounts typed the French way into cents and refuses nonsense", () => {
    const base = { prospectId: "p", title: "T", stageId: "s", expectedCloseDate: "", ownerId: "o" };
    expect(createOpportunitySchema.parse({ ...base, amount: "12 500,00" }).amount).toBe(1_250_000);
    expect(createOpportunitySchema.parse({ ...base, amount: "1.250,5 €" }).amount).toBe(125_050);
    expect(createOpportunitySchema.parse({ ...base, amount: "" }).amount).toBe(0);
    const bad = createOpportunitySchema.safeParse({ ...base, amount: "-5", expectedCloseDate: "2031-02-30", title: " " });
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      amount: "Montant invalide : tapez un nombre d'euros, par exemple 12 500,00.",
      expectedCloseDate: "Date invalide.",
      title: "Le titre est obligatoire.",
    });
    expect(createOpportunitySchema.safeParse({ ...base, amount: "30 000 000" }).error!.issues[0]!.message).toBe(
      "Montant trop élevé : 21 474 836,47 € au plus.",
    );
  });
});

describe("createOpportunity", () => {
  it("creates an open opportunity with its amount in cents, and audits it", async () => {
    const { id } = await create("Affacturage export");
    const row = await db.opportunity.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ prospectId, title: "Affacturage export", amountCents: 1_250_000, status: "OPEN", ownerId: sales.id, closedAt: null, version: 0 });
    expect(row.expectedCloseDate?.toISOString()).toBe("2031-03-31T00:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Opportunity", entityId: id } });
    expect(audit).toMatchObject({ action: "CREATE", prospectId, actorId: sales.id });
    expect(audit.changes).toMatchObject({ title: "Affacturage export", amountCents: 1_250_000, pipelineStage: stage("IN_PROGRESS").label, status: "OPEN" });
  });

  it("refuses a representative who is not an active sales user, and a retired stage", async () => {
    const partnerOrg = await createPartner(db);
    const partnerUser = await createUser(db, { role: "PARTNER", partnerId: partnerOrg.id, passwordHash });
    await expect(create("Mauvais représentant", { ownerId: partnerUser.id })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { ownerId: ["Choisissez un commercial de la liste."] },
    });
    const retired = await db.pipelineStage.create({ data: { label: "Ancienne colonne", position: 99, active: false } });
    await expect(create("Colonne retirée", { stageId: retired.id })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await listStageOptions(null, db)).map((o) => o.value)).not.toContain(retired.id);
    expect((await listStageOptions(retired.id, db)).find((o) => o.value === retired.id)?.label).toBe("Ancienne colonne (retirée)");
    expect((await listOwnerOptions(sales, null, db)).map((o) => o.value)).toEqual(expect.arrayContaining([sales.id, manager.id]));
    expect((await listOwnerOptions(sales, null, db)).map((o) => o.value)).not.toContain(partnerUser.id);
  });
});

describe("updateOpportunity", () => {
  it("saves the fields and bumps the version, with a from → to history entry", async () => {
    const { id } = await create("Ligne de crédit");
    const saved = await edit(id, { title: "Ligne de crédit 2031", amount: "15 000", ownerId: manager.id, stageId: stage("IN_PROGRESS", 2).id });
    expect(saved).toMatchObject({ version: 1, status: "OPEN" });
    const row = await db.opportunity.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ title: "Ligne de crédit 2031", amountCents: 1_500_000, ownerId: manager.id, version: 1 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(audit.changes).toEqual({
      title: { from: "Ligne de crédit", to: "Ligne de crédit 2031" },
      amountCents: { from: 1_250_000, to: 1_500_000 },
      ownerId: { from: sales.id, to: manager.id },
      pipelineStage: { from: stage("IN_PROGRESS").label, to: stage("IN_PROGRESS", 2).label },
    });
    // Saving the same values again changes nothing and records nothing.
    expect(await edit(id, {})).toMatchObject({ version: 1 });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "UPDATE" } })).toBe(1);
  });

  it("refuses a save made on a stale version and overwrites nothing", async () => {
    const { id } = await create("Conflit");
    await edit(id, { title: "Version de Marc" }, manager);
    const stale = updateOpportunitySchema.parse({
      opportunityId: id,
      version: 0,
      title: "Version de Sophie",
      amount: "1",
      stageId: stage("IN_PROGRESS").id,
      expectedCloseDate: "",
      ownerId: sales.id,
      status: "OPEN",
    });
    const error = await updateOpportunity(db, sales, stale).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: OPPORTUNITY_CONFLICT });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Version de Marc", amountCents: 1_250_000, version: 1 });
  });

  it("lets exactly one of two simultaneous saves of the same version through", async () => {
    const { id } = await create("Course");
    const input = (title: string) =>
      updateOpportunitySchema.parse({
        opportunityId: id,
        version: 0,
        title,
        amount: "12 500,00",
        stageId: stage("IN_PROGRESS").id,
        expectedCloseDate: "2031-03-31",
        ownerId: sales.id,
        status: "OPEN",
      });
    const results = await Promise.allSettled([updateOpportunity(db, sales, input("A")), updateOpportunity(db, manager, input("B"))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT", message: OPPORTUNITY_CONFLICT });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });
});

describe("status « Gagnée » / « Perdue » / « En cours »", () => {
  it("wins: closed now, in the won column; back « En cours »: reopened in an open column", async () => {
    const { id } = await create("À gagner");
    const won = await setOpportunityStatus(db, sales, { opportunityId: id, version: 0, status: "WON" });
    expect(won).toMatchObject({ status: "WON", version: 1, stageId: stage("WON").id });
    const row = await db.opportunity.findUniqueOrThrow({ where: { id } });
    expect(row.closedAt).toBeInstanceOf(Date);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "UPDATE" } });
    expect(audit.changes).toMatchObject({
      status: { from: "OPEN", to: "WON" },
      closedAt: { from: null },
      pipelineStage: { from: stage("IN_PROGRESS").label, to: stage("WON").label },
    });

    const reopened = await setOpportunityStatus(db, sales, { opportunityId: id, version: 1, status: "OPEN" });
    expect(reopened.status).toBe("OPEN");
    const back = await db.opportunity.findUniqueOrThrow({ where: { id }, include: { stage: true } });
    expect(back.closedAt).toBeNull();
    expect(back.stage.kind).toBe("IN_PROGRESS");
  });

  it("loses: closed now, in the lost column", async () => {
    const { id } = await create("À perdre");
    await edit(id, { status: "LOST" });
    const row = await db.opportunity.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "LOST", stageId: stage("LOST").id });
    expect(row.closedAt).toBeInstanceOf(Date);
  });

  it("follows the column when only the column changes", async () => {
    const { id } = await create("Par la colonne");
    await edit(id, { stageId: stage("WON").id });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "WON", stageId: stage("WON").id });
    const created = await create("Créée gagnée", { stageId: stage("WON").id });
    const row = await db.opportunity.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.status).toBe("WON");
    expect(row.closedAt).toBeInstanceOf(Date);
  });
});

describe("queries and « Historique »", () => {
  it("lists the prospect's opportunities, open first, and reads one in detail", async () => {
    const list = await listProspectOpportunities(sales, prospectId, db);
    expect(list.length).toBeGreaterThanOrEqual(5);
    const statuses = list.map((o) => o.status);
    expect(statuses.indexOf("OPEN")).toBe(0);
    expect(statuses.lastIndexOf("OPEN")).toBeLessThan(statuses.indexOf("WON"));
    const detail = await getOpportunityDetail(sales, list[0]!.id, db);
    expect(detail).toMatchObject({ id: list[0]!.id, prospect: { id: prospectId }, chains: [] });
    expect(await getOpportunityDetail(sales, "inexistante", db)).toBeNull();
  });

  it("shows opportunity changes in French, with names and labels", async () => {
    const history = await findProspectHistory(sales, prospectId, { page: 1, perPage: 100 }, db);
    const rows = history.rows.filter((r) => r.entityType === "Opportunity");
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["CREATE", "UPDATE"]));
    const ownerChange = rows.flatMap((r) => r.changes).find((c) => c.field === "ownerId" && c.from !== null);
    expect(ownerChange).toMatchObject({ from: "Sophie Vendeuse", to: "Marc Manager" });
    // An update event is labelled with the opportunity's current title.
    const won = rows.filter((r) => r.action === "UPDATE" && r.changes.some((c) => c.field === "status" && c.to === "WON"));
    expect(won.map((r) => r.entityLabel).sort()).toEqual(["Par la colonne", "À gagner"].sort());
    expect(historyEntityLabel("Opportunity")).toBe("Opportunité");
    expect(historyFieldLabel("pipelineStage")).toBe("Étape du pipeline");
    expect(historyFieldLabel("expectedCloseDate")).toBe("Date de clôture prévue");
    expect(formatHistoryValue("Opportunity", "status", "WON")).toBe("Gagnée");
    expect(formatHistoryValue("Opportunity", "status", "LOST")).toBe("Perdue");
    expect(formatHistoryValue("Opportunity", "expectedCloseDate", "2031-03-31T00:00:00.000Z")).toBe("31/03/2031");
    expect(formatHistoryValue("Opportunity", "amountCents", 1_250_000)).toMatch(/^12\s500,00\s€$/);
  });
});
