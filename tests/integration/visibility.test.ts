// Conversion and visibility (issue 4 §5): a prospect that becomes a customer keeps its
// opportunities, actions and quotes; its partner sees the file's stage and status but never
// the opportunities, their steps, the quotes or the internal notes — every one of them is a
// 404 (null / NOT_FOUND) for a partner, and the permissions table says so.
import { beforeAll, describe, expect, it } from "vitest";
import { getActionDetail } from "@/lib/actions/action-detail";
import { completeAction } from "@/lib/actions/complete-action";
import { createNestedAction } from "@/lib/actions/create-nested-action";
import { deleteAction } from "@/lib/actions/delete-action";
import { listProspectActions } from "@/lib/actions/queries";
import { completeActionSchema, createNestedActionSchema } from "@/lib/actions/schemas";
import type { Actor } from "@/lib/auth/actor";
import { can, ROLE_PERMISSIONS } from "@/lib/auth/permissions";
import { moveProspectStage } from "@/lib/onboarding/triage";
import { createOpportunity } from "@/lib/opportunities/create-opportunity";
import { getOpportunityDetail, listProspectOpportunities } from "@/lib/opportunities/queries";
import { createOpportunitySchema, updateOpportunitySchema } from "@/lib/opportunities/schemas";
import { setOpportunityStatus, updateOpportunity } from "@/lib/opportunities/update-opportunity";
import { getProspectFile } from "@/lib/prospects/prospect-file";
import { listOpportunityQuotes } from "@/lib/quotes/queries";
import {
  createAction as createActionRow,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
  type ReferenceData,
} from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

let ref: ReferenceData;
let sales: Actor;
let partner: Actor;
let otherPartner: Actor;
let prospectId: string;
let opportunityId: string;
let stepIds: string[];
let freeActionId: string;
let quoteIds: string[];

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  const callTypeId = ref.actionTypes.find((t) => t.category === "CALL")!.id;
  const offerTypeId = ref.actionTypes.find((t) => t.category === "OFFER")!.id;
  const org = await createPartner(db);
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  otherPartner = toActor(await createUser(db, { role: "PARTNER", partnerId: (await createPartner(db)).id, passwordHash }));
  prospectId = (await createProspect(db, { partnerId: org.id, internalNotes: "Marge serrée", status: "READY_TO_START" })).id;
  opportunityId = (
    await createOpportunity(
      db,
      sales,
      createOpportunitySchema.parse({
        prospectId,
        title: "Financement fournisseurs",
        amount: "48 000",
        stageId: ref.pipelineStages[0]!.id,
        expectedCloseDate: "2031-06-30",
        ownerId: sales.id,
      }),
    )
  ).id;
  const nested = (typeId: string, subject: string) =>
    createNestedAction(
      db,
      sales,
      createNestedActionSchema.parse({ opportunityId, typeId, subject, scheduledAt: "2030-09-01T10:00", assigneeId: sales.id }),
    );
  const call = await nested(callTypeId, "Appel de qualification");
  const followUp = await completeAction(
    db,
    sales,
    completeActionSchema.parse({
      actionId: call.id,
      outcome: "OK",
      next: { typeId: callTypeId, subject: "Rappel", assigneeId: sales.id, scheduledAt: "2030-09-08T10:00" },
    }),
  );
  const offer = await nested(offerTypeId, "Proposition");
  stepIds = [call.id, followUp.nextActionId!, offer.id];
  freeActionId = (await createActionRow(db, { prospectId, typeId: callTypeId, subject: "Appel du partenaire", assigneeId: partner.id })).id;
  const quotes = await Promise.all([
    db.quote.create({ data: { opportunityId, prospectId, actionId: offer.id, validUntil: new Date("2030-10-01"), status: "SENT", number: "DEV-2030-0042" } }),
    db.quote.create({ data: { opportunityId, prospectId, validUntil: new Date("2030-10-01") } }),
  ]);
  quoteIds = quotes.map((q) => q.id);
});

describe("converting a prospect to a customer", () => {
  it("keeps its opportunities, their chained actions and its quotes", async () => {
    await moveProspectStage(db, sales, { prospectId, stage: "ONBOARDING" });
    await moveProspectStage(db, sales, { prospectId, stage: "CLIENT" });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospectId } })).stage).toBe("CLIENT");

    const opportunities = await listProspectOpportunities(sales, prospectId, db);
    expect(opportunities.map((o) => o.id)).toEqual([opportunityId]);
    expect(opportunities[0]!.chains.map((chain) => chain.map((a) => a.id))).toEqual([[stepIds[0], stepIds[1]], [stepIds[2]]]);
    expect(await db.action.count({ where: { prospectId } })).toBe(4);
    expect((await listOpportunityQuotes(sales, opportunityId, db)).map((q) => q.id).sort()).toEqual([...quoteIds].sort());
    expect((await getActionDetail(sales, stepIds[1]!, db))!.chain).toMatchObject({ index: 2, total: 2, previousId: stepIds[0] });
  });

  it("works on a customer exactly as on a prospect: a new opportunity and a won status", async () => {
    const created = await createOpportunity(
      db,
      sales,
      createOpportunitySchema.parse({
        prospectId,
        title: "Extension de ligne",
        amount: "10 000",
        stageId: ref.pipelineStages[0]!.id,
        expectedCloseDate: "",
        ownerId: sales.id,
      }),
    );
    await setOpportunityStatus(db, sales, { opportunityId: created.id, version: 0, status: "WON" });
    expect((await db.opportunity.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("WON");
  });
});

describe("what a partner sees", () => {
  it("sees the file's stage and status, without the internal notes", async () => {
    const file = await getProspectFile(partner, prospectId, db);
    expect(file!.info).toMatchObject({ stage: "CLIENT", status: "READY_TO_START" });
    expect(file!.info).not.toHaveProperty("internalNotes");
    expect(await getProspectFile(otherPartner, prospectId, db)).toBeNull();
  });

  it("never sees an opportunity, a step of one, or a quote: 404 everywhere", async () => {
    expect(await listProspectOpportunities(partner, prospectId, db)).toEqual([]);
    expect(await getOpportunityDetail(partner, opportunityId, db)).toBeNull();
    for (const id of stepIds) expect(await getActionDetail(partner, id, db)).toBeNull();
    expect(await listOpportunityQuotes(partner, opportunityId, db)).toEqual([]);
    const lists = await listProspectActions(partner, prospectId, new Date("2030-01-01"), db);
    expect([...lists.upcoming, ...lists.past].map((a) => a.id)).toEqual([freeActionId]);
    // Its own free action it does see, with its place in its (one-action) chain.
    expect((await getActionDetail(partner, freeActionId, db))!.chain).toMatchObject({ index: 1, total: 1 });
  });

  it("cannot create, edit, win or delete any of it: NOT_FOUND, never FORBIDDEN", async () => {
    const attempts: Array<() => Promise<unknown>> = [
      () =>
        createOpportunity(
          db,
          partner,
          createOpportunitySchema.parse({ prospectId, title: "x", amount: "", stageId: ref.pipelineStages[0]!.id, expectedCloseDate: "", ownerId: partner.id }),
        ),
      () =>
        updateOpportunity(
          db,
          partner,
          updateOpportunitySchema.parse({
            opportunityId,
            version: 0,
            title: "Piratée",
            amount: "1",
            stageId: ref.pipelineStages[0]!.id,
            expectedCloseDate: "",
            ownerId: partner.id,
            status: "LOST",
          }),
        ),
      () => setOpportunityStatus(db, partner, { opportunityId, version: 0, status: "WON" }),
      () =>
        createNestedAction(
          db,
          partner,
          createNestedActionSchema.parse({ opportunityId, typeId: ref.actionTypes[0]!.id, subject: "x", scheduledAt: "2030-09-01T10:00", assigneeId: partner.id }),
        ),
      () => completeAction(db, partner, completeActionSchema.parse({ actionId: stepIds[0]! })),
      () => deleteAction(db, partner, { actionId: stepIds[2]! }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opportunityId } })).toMatchObject({ title: "Financement fournisseurs", status: "OPEN" });
    expect(await db.action.count({ where: { id: { in: stepIds } } })).toBe(3);
  });

  it("is what the permissions table says", () => {
    expect(ROLE_PERMISSIONS.PARTNER).not.toContain("prospect:internal:read");
    expect(ROLE_PERMISSIONS.PARTNER).not.toContain("opportunity:manage");
    expect(ROLE_PERMISSIONS.PARTNER).not.toContain("quote:manage");
    expect(can("PARTNER", "prospect:read:own")).toBe(true);
    expect(can("PARTNER", "action:manage:own")).toBe(true);
    for (const role of ["SALES", "MANAGER", "ADMIN"] as const) {
      expect(can(role, "prospect:internal:read") && can(role, "opportunity:manage") && can(role, "quote:manage")).toBe(true);
    }
  });
});
