// « Actions »: a partner records an action on its prospect, typed in Paris time and stored in
// UTC across the clock change; it shows in the tab and in « Prochaines actions »; the steps
// of an opportunity stay internal; another partner's prospect is not found.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createAction } from "@/lib/actions/create-action";
import { findProspectOption, listActionTypeOptions, listProspectActions, searchProspectOptions } from "@/lib/actions/queries";
import { createActionSchema } from "@/lib/actions/schemas";
import { findUpcomingActions } from "@/lib/dashboard/queries";
import { AppError } from "@/lib/errors";
import {
  createAction as createActionRow,
  createOpportunity,
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
let partnerA: Actor;
let partnerB: Actor;
let sales: Actor;
let prospectA: { id: string };
let prospectB: { id: string };
let callTypeId: string;
let meetingTypeId: string;

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

const input = (values: Partial<Record<"prospectId" | "typeId" | "subject" | "scheduledAt" | "notes", string>>) =>
  createActionSchema.parse({
    prospectId: prospectA.id,
    typeId: callTypeId,
    subject: "Appeler la DAF",
    scheduledAt: "2030-01-10T10:00",
    ...values,
  });

beforeAll(async () => {
  ref = await ensureReferenceData(db);
  callTypeId = ref.actionTypes.find((t) => t.category === "CALL")!.id;
  meetingTypeId = ref.actionTypes.find((t) => t.isAppointment)!.id;
  const orgA = await createPartner(db);
  const orgB = await createPartner(db);
  partnerA = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, passwordHash }));
  partnerB = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  prospectA = await createProspect(db, { partnerId: orgA.id, name: "Boulangerie Alpha", city: "Lyon" });
  prospectB = await createProspect(db, { partnerId: orgB.id, name: "Boulangerie Beta", city: "Lyon" });
});

describe("createAction", () => {
  it("stores the Paris time in UTC on both sides of the March clock change", async () => {
    const before = await createAction(db, partnerA, input({ subject: "Veille du changement", scheduledAt: "2030-03-30T10:00" }));
    const after = await createAction(db, partnerA, input({ subject: "Lendemain", scheduledAt: "2030-03-31T10:00", typeId: meetingTypeId }));
    const rows = await db.action.findMany({ where: { id: { in: [before.id, after.id] } }, orderBy: { dueAt: "asc" } });
    // 31 March 2030 is the last Sunday of March: 10:00 is UTC+1 the day before, UTC+2 that day.
    expect(rows.map((r) => r.dueAt?.toISOString())).toEqual(["2030-03-30T09:00:00.000Z", "2030-03-31T08:00:00.000Z"]);
    expect(rows[0]).toMatchObject({ assigneeId: partnerA.id, createdById: partnerA.id, opportunityId: null, startAt: null });
    // An appointment type also gets its calendar start.
    expect(rows[1]!.startAt?.toISOString()).toBe("2030-03-31T08:00:00.000Z");
  });

  it("moves a time that the spring change skips forward, and records an audit event", async () => {
    const { id } = await createAction(db, partnerA, input({ subject: "Pendant le saut", scheduledAt: "2030-03-31T02:30", notes: "Note" }));
    const row = await db.action.findUniqueOrThrow({ where: { id } });
    expect(row.dueAt?.toISOString()).toBe("2030-03-31T01:30:00.000Z");
    expect(row.notes).toBe("Note");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Action", entityId: id } });
    expect(audit).toMatchObject({ action: "CREATE", prospectId: prospectA.id, actorId: partnerA.id });
    expect(audit.changes).toMatchObject({ subject: "Pendant le saut", dueAt: "2030-03-31T01:30:00.000Z", notes: "Note" });
  });

  it("does not find another partner's prospect", async () => {
    const error = await createAction(db, partnerB, input({})).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "NOT_FOUND", fieldErrors: { prospectId: ["Choisissez un prospect de la liste."] } });
  });

  it("refuses offers (made by the quote flow) and inactive types", async () => {
    const offer = ref.actionTypes.find((t) => t.category === "OFFER")!;
    await expect(createAction(db, partnerA, input({ typeId: offer.id }))).rejects.toMatchObject({ code: "VALIDATION" });
    const inactive = await db.actionType.create({ data: { name: "Ancien type", color: "#000000", category: "OTHER", active: false } });
    await expect(createAction(db, partnerA, input({ typeId: inactive.id }))).rejects.toMatchObject({ code: "VALIDATION" });
    const offered = await listActionTypeOptions(db);
    expect(offered.map((t) => t.id)).not.toContain(offer.id);
    expect(offered.map((t) => t.id)).not.toContain(inactive.id);
    expect(offered.map((t) => t.id)).toContain(callTypeId);
  });

  it("does not offer a campaign's generated e-mail type for planning", async () => {
    const generated = await db.actionType.create({ data: { name: "Campagne — Salon 2027", color: "#9333ea", category: "EMAIL" } });
    await db.campaign.create({
      data: { name: "Salon 2027", subjectTemplate: "Salon", bodyTemplate: "Bonjour", filter: {}, actionTypeId: generated.id },
    });
    expect((await listActionTypeOptions(db)).map((t) => t.id)).not.toContain(generated.id);
  });

  it("validates the form in French", () => {
    const result = createActionSchema.safeParse({ prospectId: "", typeId: callTypeId, subject: " ", scheduledAt: "2030-02-30T10:00" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]));
    expect(messages).toEqual({
      prospectId: "Choisissez le prospect concerné.",
      subject: "L'objet est obligatoire.",
      scheduledAt: "Date ou heure invalide.",
    });
  });
});

describe("what partners see", () => {
  it("lists upcoming and past actions, without the steps of an opportunity", async () => {
    const now = new Date("2030-02-01T12:00:00Z");
    const stage = ref.pipelineStages[0]!;
    const opportunity = await createOpportunity(db, { prospectId: prospectA.id, stageId: stage.id });
    const internal = await createActionRow(db, {
      prospectId: prospectA.id,
      typeId: callTypeId,
      opportunityId: opportunity.id,
      subject: "Étape interne",
      dueAt: new Date("2030-02-05T09:00:00Z"),
    });
    const past = await createActionRow(db, {
      prospectId: prospectA.id,
      typeId: callTypeId,
      subject: "Rendez-vous passé",
      dueAt: new Date("2030-01-20T09:00:00Z"),
    });

    const forPartner = await listProspectActions(partnerA, prospectA.id, now, db);
    const upcomingSubjects = forPartner.upcoming.map((a) => a.subject);
    expect(upcomingSubjects).toEqual(["Veille du changement", "Pendant le saut", "Lendemain"]);
    expect(forPartner.past.map((a) => a.id)).toContain(past.id);
    expect([...forPartner.upcoming, ...forPartner.past].map((a) => a.id)).not.toContain(internal.id);

    const forSales = await listProspectActions(sales, prospectA.id, now, db);
    expect(forSales.upcoming.map((a) => a.id)).toContain(internal.id);

    const forOther = await listProspectActions(partnerB, prospectA.id, now, db);
    expect(forOther).toEqual({ upcoming: [], past: [] });
  });

  it("shows the partner's new actions in « Prochaines actions » on the dashboard", async () => {
    const soon = new Date(Date.now() + 3_600_000);
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Paris",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(soon)
      .replace(" ", "T");
    const { id } = await createAction(db, partnerA, input({ subject: "Rappeler demain", scheduledAt: local }));
    const dashboard = await findUpcomingActions(partnerA, db, 50);
    expect(dashboard.map((a) => a.id)).toContain(id);
    expect((await findUpcomingActions(partnerB, db, 50)).map((a) => a.id)).not.toContain(id);
  });
});

describe("prospect picker", () => {
  it("searches only the actor's prospects, by name, city or SIREN", async () => {
    expect((await searchProspectOptions(partnerA, "boulangerie", db)).map((p) => p.id)).toEqual([prospectA.id]);
    expect((await searchProspectOptions(partnerA, "", db)).map((p) => p.id)).toEqual([prospectA.id]);
    const siren = (await db.prospect.findUniqueOrThrow({ where: { id: prospectA.id } })).siren!;
    expect((await searchProspectOptions(partnerA, `${siren.slice(0, 3)} ${siren.slice(3, 6)}`, db)).map((p) => p.id)).toEqual([
      prospectA.id,
    ]);
    expect((await searchProspectOptions(sales, "lyon", db)).map((p) => p.id).sort()).toEqual([prospectA.id, prospectB.id].sort());
    expect(await findProspectOption(partnerA, prospectB.id, db)).toBeNull();
    expect(await findProspectOption(partnerA, prospectA.id, db)).toMatchObject({ name: "Boulangerie Alpha" });
  });
});
