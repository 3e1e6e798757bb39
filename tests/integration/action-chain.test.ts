// Chained actions (issue 4 §2): « Fait » with a follow-up builds the chain, « « » / « » » walk it,
// « Montrer action parent » reaches the opportunity, one follow-up at most (also under concurrent
// completions), reopening, and the RELINK deletion policy with its refusal for a sent offer.
import { beforeAll, describe, expect, it } from "vitest";
import { getActionDetail } from "@/lib/actions/action-detail";
import { completeAction, ALREADY_FOLLOWED } from "@/lib/actions/complete-action";
import { createNestedAction } from "@/lib/actions/create-nested-action";
import { deleteAction, SENT_OFFER_CANNOT_BE_DELETED } from "@/lib/actions/delete-action";
import { listAssigneeOptions, listFreeProspectActions, listProspectActions } from "@/lib/actions/queries";
import { reopenAction } from "@/lib/actions/reopen-action";
import { completeActionSchema, createNestedActionSchema, updateActionSchema } from "@/lib/actions/schemas";
import { updateAction } from "@/lib/actions/update-action";
import type { Actor } from "@/lib/auth/actor";
import { findProspectHistory } from "@/lib/history/queries";
import { formatHistoryValue, historyFieldLabel } from "@/lib/history/labels";
import { AppError } from "@/lib/errors";
import { createOpportunity } from "@/lib/opportunities/create-opportunity";
import { createOpportunitySchema } from "@/lib/opportunities/schemas";
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
let manager: Actor;
let partner: Actor;
let otherPartner: Actor;
let prospectId: string;
let opportunityId: string;
let callTypeId: string;
let meetingTypeId: string;
let offerTypeId: string;

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

async function nested(subject: string, typeId = callTypeId, scheduledAt = "2030-05-02T09:30") {
  return createNestedAction(
    db,
    sales,
    createNestedActionSchema.parse({ opportunityId, typeId, subject, scheduledAt, assigneeId: sales.id }),
  );
}

function follow(actionId: string, subject: string, extra: { outcome?: string; typeId?: string; assigneeId?: string } = {}) {
  return completeActionSchema.parse({
    actionId,
    outcome: extra.outcome,
    next: {
      typeId: extra.typeId ?? meetingTypeId,
      subject,
      assigneeId: extra.assigneeId ?? manager.id,
      scheduledAt: "2030-05-09T14:00",
    },
  });
}

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  callTypeId = ref.actionTypes.find((t) => t.category === "CALL")!.id;
  meetingTypeId = ref.actionTypes.find((t) => t.category === "MEETING" && t.isAppointment)!.id;
  offerTypeId = ref.actionTypes.find((t) => t.category === "OFFER")!.id;
  const org = await createPartner(db);
  const otherOrg = await createPartner(db);
  sales = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Sophie Vendeuse" }));
  manager = toActor(await createUser(db, { role: "MANAGER", passwordHash, name: "Marc Manager" }));
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  otherPartner = toActor(await createUser(db, { role: "PARTNER", partnerId: otherOrg.id, passwordHash }));
  prospectId = (await createProspect(db, { partnerId: org.id, name: "Menuiserie Durand" })).id;
  opportunityId = (
    await createOpportunity(
      db,
      sales,
      createOpportunitySchema.parse({
        prospectId,
        title: "Affacturage 2031",
        amount: "12 500,00",
        stageId: ref.pipelineStages[0]!.id,
        expectedCloseDate: "",
        ownerId: sales.id,
      }),
    )
  ).id;
});

describe("a chain made with « Fait »", () => {
  let a: string;
  let b: string;
  let c: string;

  it("creates the follow-up after the action, in the same opportunity, pre-set in Paris time", async () => {
    a = (await nested("Premier appel")).id;
    const done = await completeAction(db, sales, follow(a, "Rendez-vous de découverte", { outcome: "Intéressé, rappeler" }));
    expect(done.id).toBe(a);
    b = done.nextActionId!;
    expect(b).toBeTruthy();
    const [first, second] = await Promise.all([
      db.action.findUniqueOrThrow({ where: { id: a } }),
      db.action.findUniqueOrThrow({ where: { id: b } }),
    ]);
    expect(first).toMatchObject({ done: true, outcome: "Intéressé, rappeler" });
    expect(first.doneAt).toBeInstanceOf(Date);
    expect(second).toMatchObject({
      previousActionId: a,
      prospectId,
      opportunityId,
      typeId: meetingTypeId,
      assigneeId: manager.id,
      createdById: sales.id,
      done: false,
    });
    // 14:00 in Paris in May is 12:00 UTC; a meeting is also placed on the calendar.
    expect(second.dueAt?.toISOString()).toBe("2030-05-09T12:00:00.000Z");
    expect(second.startAt?.toISOString()).toBe("2030-05-09T12:00:00.000Z");

    c = (await completeAction(db, sales, follow(b, "Envoyer la proposition", { typeId: callTypeId }))).nextActionId!;
  });

  it("walks the chain with « « » and « » » in order and shows the position", async () => {
    const [da, db_, dc] = await Promise.all([getActionDetail(sales, a, db), getActionDetail(sales, b, db), getActionDetail(sales, c, db)]);
    expect(da!.chain).toMatchObject({ index: 1, total: 3, previousId: null, nextId: b });
    expect(db_!.chain).toMatchObject({ index: 2, total: 3, previousId: a, nextId: c });
    expect(dc!.chain).toMatchObject({ index: 3, total: 3, previousId: b, nextId: null });
    expect(da!.hasFollowUp).toBe(true);
    expect(dc!.hasFollowUp).toBe(false);
  });

  it("links every step to its parent opportunity (« Montrer action parent »)", async () => {
    const detail = await getActionDetail(sales, c, db);
    expect(detail!.action.opportunity).toEqual({ id: opportunityId, title: "Affacturage 2031" });
    expect(detail!.action.prospect.id).toBe(prospectId);
  });

  it("refuses a second follow-up with a clear message, and the database does too", async () => {
    const error = await completeAction(db, sales, follow(a, "Une autre suite")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "CONFLICT", message: ALREADY_FOLLOWED });
    // The unique index itself, bypassing the application.
    await expect(createActionRow(db, { prospectId, typeId: callTypeId, previousActionId: a })).rejects.toMatchObject({ code: "P2002" });
    expect(await db.action.count({ where: { previousActionId: a } })).toBe(1);
  });

  it("gives exactly one follow-up to two concurrent « Fait » with a next action", async () => {
    const d = (await nested("Relance simultanée")).id;
    const results = await Promise.allSettled([
      completeAction(db, sales, follow(d, "Suite de Sophie")),
      completeAction(db, manager, follow(d, "Suite de Marc")),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT", message: ALREADY_FOLLOWED });
    expect(await db.action.count({ where: { previousActionId: d } })).toBe(1);
  });

  it("completes without a follow-up (a quick « Fait ») and reopens, keeping the outcome", async () => {
    const quick = await completeAction(db, sales, completeActionSchema.parse({ actionId: c, outcome: "Proposition envoyée" }));
    expect(quick).toEqual({ id: c, nextActionId: null });
    const doneRow = await db.action.findUniqueOrThrow({ where: { id: c } });
    expect(doneRow.done).toBe(true);

    // Completing again keeps the first done time.
    await completeAction(db, sales, completeActionSchema.parse({ actionId: c }));
    expect((await db.action.findUniqueOrThrow({ where: { id: c } })).doneAt).toEqual(doneRow.doneAt);

    await reopenAction(db, sales, { actionId: c });
    const reopened = await db.action.findUniqueOrThrow({ where: { id: c } });
    expect(reopened).toMatchObject({ done: false, doneAt: null, outcome: "Proposition envoyée" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c, action: "UPDATE" }, orderBy: { createdAt: "desc" } });
    expect(audit.changes).toMatchObject({ done: { from: true, to: false } });
  });

  it("edits an action's subject, date, person in charge and type", async () => {
    await updateAction(
      db,
      sales,
      updateActionSchema.parse({ actionId: c, typeId: meetingTypeId, subject: "Présenter la proposition", scheduledAt: "2030-05-20T10:00", assigneeId: sales.id }),
    );
    const row = await db.action.findUniqueOrThrow({ where: { id: c } });
    expect(row).toMatchObject({ subject: "Présenter la proposition", typeId: meetingTypeId, assigneeId: sales.id });
    expect(row.dueAt?.toISOString()).toBe("2030-05-20T08:00:00.000Z");
    expect(row.startAt?.toISOString()).toBe("2030-05-20T08:00:00.000Z");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: c, action: "UPDATE" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(audit.changes).toMatchObject({ type: { to: "Rendez-vous" }, subject: { to: "Présenter la proposition" } });
  });

  it("deletes the middle of A → B → C and leaves A → C (RELINK)", async () => {
    const removed = await deleteAction(db, sales, { actionId: b });
    expect(removed).toMatchObject({ id: b, opportunityId, relinkedId: c });
    expect(await db.action.findUnique({ where: { id: b } })).toBeNull();
    expect((await db.action.findUniqueOrThrow({ where: { id: c } })).previousActionId).toBe(a);
    const detail = await getActionDetail(sales, c, db);
    expect(detail!.chain).toMatchObject({ index: 2, total: 2, previousId: a, nextId: null });
    const events = await db.auditEvent.findMany({ where: { entityId: { in: [b, c] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    expect(events.find((e) => e.entityId === b && e.action === "DELETE")?.changes).toMatchObject({ subject: "Rendez-vous de découverte" });
    expect(events.find((e) => e.entityId === c && e.action === "UPDATE")?.changes).toMatchObject({
      previousAction: { from: "Rendez-vous de découverte", to: "Premier appel" },
    });
  });

  it("deletes the head of a chain: its follower starts the chain", async () => {
    await deleteAction(db, sales, { actionId: a });
    expect((await db.action.findUniqueOrThrow({ where: { id: c } })).previousActionId).toBeNull();
    expect((await getActionDetail(sales, c, db))!.chain).toMatchObject({ index: 1, total: 1 });
  });
});

describe("offers and their quotes", () => {
  it("creates « Faire une offre » inside an opportunity and refuses to delete it once its quote is sent", async () => {
    const offer = await nested("Proposition commerciale", offerTypeId);
    expect(offer.isOffer).toBe(true);
    const quote = await db.quote.create({
      data: { opportunityId, prospectId, actionId: offer.id, status: "SENT", number: "DEV-2030-0001", validUntil: new Date("2030-06-30") },
    });
    const error = await deleteAction(db, sales, { actionId: offer.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", message: SENT_OFFER_CANNOT_BE_DELETED });
    expect(await db.action.findUnique({ where: { id: offer.id } })).not.toBeNull();
    expect(await db.quote.findUnique({ where: { id: quote.id } })).not.toBeNull();
  });

  it("deletes an offer whose quote is still a draft, with the draft", async () => {
    const offer = await nested("Brouillon d'offre", offerTypeId);
    const quote = await db.quote.create({ data: { opportunityId, prospectId, actionId: offer.id, validUntil: new Date("2030-06-30") } });
    await deleteAction(db, sales, { actionId: offer.id });
    expect(await db.quote.findUnique({ where: { id: quote.id } })).toBeNull();
    expect(await db.auditEvent.count({ where: { entityType: "Quote", entityId: quote.id, action: "DELETE" } })).toBe(1);
  });

  it("never offers « Faire une offre » outside an opportunity", async () => {
    const free = await createActionRow(db, { prospectId, typeId: callTypeId, subject: "Appel libre" });
    const error = await completeAction(db, sales, follow(free.id, "Offre libre", { typeId: offerTypeId })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { "next.typeId": ["Choisissez un type d'action."] } });
    expect(await db.action.count({ where: { previousActionId: free.id } })).toBe(0);
  });
});

describe("partners", () => {
  it("do not see or touch the steps of an opportunity: 404", async () => {
    const step = await nested("Étape interne");
    expect(await getActionDetail(partner, step.id, db)).toBeNull();
    for (const attempt of [
      () => completeAction(db, partner, completeActionSchema.parse({ actionId: step.id })),
      () => reopenAction(db, partner, { actionId: step.id }),
      () => deleteAction(db, partner, { actionId: step.id }),
      () =>
        createNestedAction(
          db,
          partner,
          createNestedActionSchema.parse({ opportunityId, typeId: callTypeId, subject: "x", scheduledAt: "2030-05-02T09:30", assigneeId: partner.id }),
        ),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await listFreeProspectActions(sales, prospectId, new Date("2030-01-01"), db)).upcoming.map((x) => x.id)).not.toContain(step.id);
    expect((await listProspectActions(partner, prospectId, new Date("2030-01-01"), db)).upcoming.map((x) => x.id)).not.toContain(step.id);
  });

  it("chain their own free actions, for themselves only", async () => {
    const free = await createActionRow(db, { prospectId, typeId: callTypeId, subject: "Appel du partenaire", assigneeId: partner.id });
    const refused = await completeAction(db, partner, follow(free.id, "Pour un commercial", { assigneeId: sales.id })).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "VALIDATION", fieldErrors: { "next.assigneeId": ["Choisissez un responsable de la liste."] } });
    const done = await completeAction(db, partner, follow(free.id, "Rappel du partenaire", { assigneeId: partner.id }));
    const next = await getActionDetail(partner, done.nextActionId!, db);
    expect(next!.chain).toMatchObject({ index: 2, total: 2, previousId: free.id });
    expect(next!.action.opportunity).toBeNull();
    expect(await listAssigneeOptions(partner, null, db)).toEqual([{ value: partner.id, label: partner.name }]);
    // Another organisation: not found.
    expect(await getActionDetail(otherPartner, free.id, db)).toBeNull();
    await expect(reopenAction(db, otherPartner, { actionId: free.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("« Historique »", () => {
  it("lists the creation, completion, follow-up, reopening and deletion of actions in French", async () => {
    const history = await findProspectHistory(sales, prospectId, { page: 1, perPage: 100 }, db);
    const actionRows = history.rows.filter((r) => r.entityType === "Action");
    const kinds = new Set(actionRows.map((r) => r.action));
    expect(kinds).toEqual(new Set(["CREATE", "UPDATE", "DELETE"]));
    const followUp = actionRows.find(
      (r) => r.action === "CREATE" && r.changes.some((c) => c.field === "subject" && c.to === "Rendez-vous de découverte"),
    );
    expect(followUp!.changes.find((c) => c.field === "previousAction")?.to).toBe("Premier appel");
    expect(historyFieldLabel("previousAction")).toBe("Suite de");
    expect(historyFieldLabel("opportunity")).toBe("Opportunité");
    // The person in charge reads as a name.
    expect(followUp!.changes.find((c) => c.field === "assigneeId")?.to).toBe("Marc Manager");
    expect(formatHistoryValue("Action", "done", true)).toBe("Oui");
  });
});
