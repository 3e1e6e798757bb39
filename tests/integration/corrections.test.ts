// « Corrections du client »: the onboarding submission's corrections become pending reviews;
// accepting writes them through the ordinary save path, rejecting keeps the value with a reason.
import { beforeEach, describe, expect, it } from "vitest";
import { acceptCorrections, rejectCorrection } from "@/lib/corrections/decide-corrections";
import { countPendingCorrections, getPendingCorrections } from "@/lib/corrections/queries";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import type { OnboardingSubmission } from "@/lib/onboarding/schemas";
import { submitOnboarding, type OnboardingFiles } from "@/lib/onboarding/submit-onboarding";
import { findReadyProspects } from "@/lib/onboarding/triage-queries";
import { getProspectFile } from "@/lib/prospects/prospect-file";
import { prospectFormSchema } from "@/lib/prospects/prospect-form-schema";
import { saveProspect } from "@/lib/prospects/save-prospect";
import { createOnboardingTeam, createProspectWithFavorite, PDF, PNG, withTemporaryStorage, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;
withTemporaryStorage("crm-corrections-");

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});

const files = (): OnboardingFiles => ({
  idDocument: { fileName: "id.png", data: PNG },
  kbis: { fileName: "kbis.pdf", data: PDF },
  rib: { fileName: "rib.pdf", data: PDF },
});

// A ready file whose client corrected its street, city, e-mail and phone (and kept the rest).
async function submitted() {
  const { prospect, contact } = await createProspectWithFavorite(db, team);
  const ready = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));
  if (ready.alreadyReady) throw new Error("expected a new ready period");
  const data: OnboardingSubmission = {
    legalName: prospect.legalName!,
    street: "3 place du Marché",
    postalCode: prospect.postalCode!,
    city: "Villeurbanne",
    representativeFirstName: contact.firstName,
    representativeLastName: contact.lastName,
    email: "Nouvelle.Adresse@client.test",
    phone: "+33612345678",
    consent: true,
  };
  await submitOnboarding(db, { linkId: ready.onboardingLinkId, data, files: files() });
  return { prospect, contact };
}

const byField = async (prospectId: string) =>
  Object.fromEntries((await db.prospectCorrection.findMany({ where: { prospectId } })).map((c) => [c.field, c]));

describe("corrections from the onboarding submission", () => {
  it("records one pending correction per changed field and names each in the notification", async () => {
    const { prospect, contact } = await submitted();
    const corrections = await byField(prospect.id);
    expect(Object.keys(corrections).sort()).toEqual(["city", "contact.email", "contact.landlinePhone", "street"]);
    expect(corrections.street).toMatchObject({ oldValue: prospect.street, newValue: "3 place du Marché", status: "PENDING", sensitive: false });
    expect(corrections["contact.email"]).toMatchObject({ oldValue: contact.email, newValue: "nouvelle.adresse@client.test", sensitive: true, contactId: contact.id });
    expect(corrections["contact.landlinePhone"]).toMatchObject({ oldValue: contact.landlinePhone, newValue: "+33612345678" });

    const notification = await db.notification.findFirstOrThrow({ where: { kind: "ONBOARDING_COMPLETED", userId: team.users.sales.id } });
    for (const label of ["adresse", "ville", "e-mail du contact", "téléphone fixe du contact"]) expect(notification.body).toContain(label);

    // The file is not changed until someone reviews it.
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).street).toBe(prospect.street);

    const block = await getPendingCorrections(team.actors.sales, prospect.id);
    expect(block?.corrections).toHaveLength(4);
    // Worded on the server, so the browser needs no phone metadata to show them.
    expect(block?.corrections.find((c) => c.field === "contact.landlinePhone")?.newDisplay).toBe("06 12 34 56 78");
    expect(await getPendingCorrections(team.actors.partner, prospect.id)).toBeNull();
    expect((await countPendingCorrections([prospect.id])).get(prospect.id)).toBe(4);
    const triage = await findReadyProspects(team.actors.sales, { vue: "a-traiter", page: 1, perPage: 20 }, db);
    expect(triage.rows.find((r) => r.id === prospect.id)?.pendingCorrections).toBe(4);
  });
});

describe("accepting and rejecting", () => {
  it("writes an accepted value through the save path, with the prospect's and the decision's history", async () => {
    const { prospect } = await submitted();
    const c = await byField(prospect.id);
    const version = (await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).version;

    const saved = await acceptCorrections(db, team.actors.sales, {
      prospectId: prospect.id,
      version,
      correctionIds: [c.street!.id, c.city!.id],
      confirmSensitive: false,
    });
    expect(saved.version).toBe(version + 1);
    const after = await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } });
    expect([after.street, after.city]).toEqual(["3 place du Marché", "Villeurbanne"]);

    const decided = await byField(prospect.id);
    expect(decided.street).toMatchObject({ status: "ACCEPTED", decidedById: team.users.sales.id });
    expect(decided["contact.email"]?.status).toBe("PENDING");

    const prospectEvent = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Prospect", entityId: prospect.id, actorId: team.users.sales.id } });
    expect(prospectEvent.changes).toMatchObject({ street: { from: prospect.street, to: "3 place du Marché" } });
    const decision = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ProspectCorrection", entityId: c.street!.id } });
    expect(decision.changes).toMatchObject({ decision: { to: "Corrigé par le client, accepté par Julie Petit" } });
  });

  it("asks for explicit confirmation before accepting the link's new e-mail address", async () => {
    const { prospect, contact } = await submitted();
    const c = await byField(prospect.id);
    const version = (await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).version;
    const input = { prospectId: prospect.id, version, correctionIds: [c["contact.email"]!.id], confirmSensitive: false };
    await expect(acceptCorrections(db, team.actors.sales, input)).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).email).toBe(contact.email);

    await acceptCorrections(db, team.actors.sales, { ...input, confirmSensitive: true });
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).email).toBe("nouvelle.adresse@client.test");
  });

  it("refuses to accept over a manual edit made since the block was read (version check)", async () => {
    const { prospect } = await submitted();
    const c = await byField(prospect.id);
    const seen = (await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).version;

    // A colleague saves the file in the wizard meanwhile.
    const file = await getProspectFile(team.actors.sales2, prospect.id, db);
    await saveProspect(db, team.actors.sales2, prospectFormSchema.parse({ ...file!.values, comment: "Rappeler lundi" }));

    await expect(
      acceptCorrections(db, team.actors.sales, { prospectId: prospect.id, version: seen, correctionIds: [c.street!.id], confirmSensitive: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await byField(prospect.id)).street?.status).toBe("PENDING");
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).street).toBe(prospect.street);
  });

  it("keeps the old value on rejection, with the reason in the history, and cannot decide twice", async () => {
    const { prospect } = await submitted();
    const c = await byField(prospect.id);
    await rejectCorrection(db, team.actors.manager, { prospectId: prospect.id, correctionId: c.city!.id, reason: "Siège toujours à Lyon (Kbis)" });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).city).toBe(prospect.city);
    expect((await byField(prospect.id)).city).toMatchObject({ status: "REJECTED", reason: "Siège toujours à Lyon (Kbis)" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ProspectCorrection", entityId: c.city!.id } });
    expect(event.changes).toMatchObject({ reason: { to: "Siège toujours à Lyon (Kbis)" } });

    await expect(
      rejectCorrection(db, team.actors.manager, { prospectId: prospect.id, correctionId: c.city!.id, reason: "encore" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lets neither partners nor anyone outside the file's scope decide", async () => {
    const { prospect } = await submitted();
    const c = await byField(prospect.id);
    await expect(
      rejectCorrection(db, team.actors.partner, { prospectId: prospect.id, correctionId: c.city!.id, reason: "non" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      acceptCorrections(db, team.actors.otherPartner, { prospectId: prospect.id, version: 1, correctionIds: [c.city!.id], confirmSensitive: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
