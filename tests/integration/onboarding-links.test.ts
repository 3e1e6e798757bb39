// The client's single-use link: token lookups, resends that void the previous link, and the
// onboarding page's submission (documents attached, link used, sales team told).
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { createOnboardingLink, findUsableLink, redeemToken } from "@/lib/onboarding/links";
import { markReadyToStart } from "@/lib/onboarding/mark-ready";
import type { OnboardingSubmission } from "@/lib/onboarding/schemas";
import { InvalidOnboardingLinkError, submitOnboarding, type OnboardingFiles } from "@/lib/onboarding/submit-onboarding";
import { generateOnboardingToken, hashOnboardingToken } from "@/lib/onboarding/token";
import { resendOnboardingLink } from "@/lib/onboarding/triage";
import { createOnboardingTeam, createProspectWithFavorite, PDF, PNG, tokenFromEmail, withTemporaryStorage, type OnboardingTeam } from "@/tests/support/onboarding";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();
let team: OnboardingTeam;
const storage = withTemporaryStorage("crm-onboarding-");

beforeEach(async () => {
  await resetDatabase();
  team = await createOnboardingTeam(db);
});


async function readyProspect() {
  const { prospect, contact } = await createProspectWithFavorite(db, team);
  const result = await db.$transaction((tx) => markReadyToStart(tx, { prospectId: prospect.id, actor: team.actors.partner }));
  if (result.alreadyReady) throw new Error("expected a new ready period");
  const mail = await db.outboxEmail.findUniqueOrThrow({ where: { id: result.clientEmailId } });
  return { prospect, contact, linkId: result.onboardingLinkId, token: tokenFromEmail(mail.text) };
}

const submission: OnboardingSubmission = {
  legalName: "BOULANGERIE MARTIN SAS",
  street: "3 place du Marché",
  postalCode: "69002",
  city: "Lyon",
  representativeFirstName: "Camille",
  representativeLastName: "Martin",
  email: "camille@boulangerie.test",
  phone: "+33612345678",
  consent: true,
};

const goodFiles = (): OnboardingFiles => ({
  idDocument: { fileName: "carte-identite.png", data: PNG },
  kbis: { fileName: "kbis.pdf", data: PDF },
  rib: { fileName: "../../rib.pdf", data: PDF },
});

describe("redeemToken", () => {
  it("lets a valid token in, marks the link opened once, and keeps working until used", async () => {
    const { linkId, token } = await readyProspect();
    const t1 = new Date(Date.now() + 1000);
    expect(await redeemToken(db, token, t1)).toEqual({ ok: true, linkId });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).openedAt?.toISOString()).toBe(t1.toISOString());

    expect(await redeemToken(db, token, new Date(t1.getTime() + 60_000))).toEqual({ ok: true, linkId });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).openedAt?.toISOString()).toBe(t1.toISOString());
  });

  it("gives the same neutral failure for unknown, malformed, expired, used and revoked tokens", async () => {
    const { linkId, token, prospect } = await readyProspect();
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });

    expect(await redeemToken(db, generateOnboardingToken().token)).toEqual({ ok: false });
    expect(await redeemToken(db, "pas-un-jeton")).toEqual({ ok: false });
    expect(await redeemToken(db, hashOnboardingToken(token))).toEqual({ ok: false });
    expect(await redeemToken(db, token, link.expiresAt)).toEqual({ ok: false });

    await db.onboardingLink.update({ where: { id: linkId }, data: { usedAt: new Date() } });
    expect(await redeemToken(db, token)).toEqual({ ok: false });

    const revoked = await db.$transaction((tx) =>
      createOnboardingLink(tx, { prospectId: prospect.id, contactId: null, email: "x@client.test", createdById: null }),
    );
    await db.onboardingLink.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
    expect(await redeemToken(db, revoked.token)).toEqual({ ok: false });
  });

  it("never stores the token: only its SHA-256", async () => {
    const { token, linkId } = await readyProspect();
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.tokenHash).toBe(hashOnboardingToken(token));
    expect(JSON.stringify(link)).not.toContain(token);
  });
});

describe("resendOnboardingLink", () => {
  it("voids the previous link, creates a new one and queues a new e-mail", async () => {
    const { prospect, linkId, token } = await readyProspect();
    const outboxBefore = await db.outboxEmail.count();

    const resent = await resendOnboardingLink(db, team.actors.sales, prospect.id);
    expect(resent.revoked).toBe(1);
    expect(resent.linkId).not.toBe(linkId);

    expect(await redeemToken(db, token)).toEqual({ ok: false });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).revokedAt).not.toBeNull();

    expect(await db.outboxEmail.count()).toBe(outboxBefore + 1);
    const mail = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `onboarding-link:${resent.linkId}` } });
    const newToken = tokenFromEmail(mail.text);
    expect(newToken).not.toBe(token);
    expect(await redeemToken(db, newToken)).toEqual({ ok: true, linkId: resent.linkId });

    const audit = await db.auditEvent.findFirst({ where: { entityType: "OnboardingLink", entityId: resent.linkId } });
    expect(audit).toMatchObject({ action: "CREATE", actorId: team.users.sales.id });
  });

  it("is refused to partners (NOT_FOUND) and for a file that is not « Prêt à démarrer »", async () => {
    const { prospect } = await readyProspect();
    await expect(resendOnboardingLink(db, team.actors.partner, prospect.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(resendOnboardingLink(db, team.actors.otherPartner, prospect.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { prospect: discussing } = await createProspectWithFavorite(db, team);
    await expect(resendOnboardingLink(db, team.actors.sales, discussing.id)).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db.onboardingLink.count({ where: { prospectId: discussing.id } })).toBe(0);
  });

  it("leaves a single usable link when two colleagues resend at once", async () => {
    const { prospect } = await readyProspect();
    await Promise.all([
      resendOnboardingLink(db, team.actors.sales, prospect.id),
      resendOnboardingLink(db, team.actors.manager, prospect.id),
    ]);
    const live = await db.onboardingLink.count({ where: { prospectId: prospect.id, revokedAt: null, usedAt: null } });
    expect(live).toBe(1);
    expect(await db.onboardingLink.count({ where: { prospectId: prospect.id } })).toBe(3);
  });
});

describe("submitOnboarding", () => {
  it("attaches the three documents, marks the link used, records consent, moves the stage and notifies sales", async () => {
    const { prospect, linkId, token } = await readyProspect();
    const notificationsBefore = await db.notification.count();

    const { prospectId, attachmentIds } = await submitOnboarding(db, { linkId, data: submission, files: goodFiles() });
    expect(prospectId).toBe(prospect.id);
    expect(attachmentIds).toHaveLength(3);

    const attachments = await db.attachment.findMany({ where: { prospectId: prospect.id }, orderBy: { category: "asc" } });
    expect(attachments.map((a) => [a.category, a.mimeType, a.onboardingLinkId, a.uploadedById])).toEqual([
      ["ID_DOCUMENT", "image/png", linkId, null],
      ["COMPANY_REGISTRATION", "application/pdf", linkId, null],
      ["BANK_DETAILS", "application/pdf", linkId, null],
    ]);
    // The path-traversal name was cleaned; the files exist on disk under the storage root.
    expect(attachments.every((a) => !a.fileName.includes("/") && !a.fileName.includes(".."))).toBe(true);
    const stored = readdirSync(storage.dir, { recursive: true }).map(String);
    for (const a of attachments) expect(stored).toContain(path.join(...a.storageKey.split("/")));

    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.usedAt).not.toBeNull();
    expect(link.consentAt).not.toBeNull();
    expect(link.submittedData).toMatchObject({
      legalName: "BOULANGERIE MARTIN SAS",
      representativeLastName: "Martin",
      phone: "+33612345678",
      changedFields: expect.arrayContaining(["legalName", "street"]),
    });

    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).stage).toBe("ONBOARDING");
    const completed = await db.notification.findMany({ where: { kind: "ONBOARDING_COMPLETED" } });
    expect(completed).toHaveLength(3);
    expect(completed[0]?.link).toBe(`/prospects/${prospect.id}?onglet=pieces-jointes`);
    expect(await db.notification.count()).toBe(notificationsBefore + 3);
    const history = await db.auditEvent.findMany({ where: { prospectId: prospect.id, actorId: null } });
    expect(history.map((h) => h.entityType).sort()).toEqual(["Attachment", "Attachment", "Attachment", "OnboardingLink", "Prospect"]);

    // Used: the token and the session no longer open anything, and a second submission fails.
    expect(await redeemToken(db, token)).toEqual({ ok: false });
    expect(await findUsableLink(db, linkId)).toBeNull();
    await expect(submitOnboarding(db, { linkId, data: submission, files: goodFiles() })).rejects.toBeInstanceOf(
      InvalidOnboardingLinkError,
    );
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(3);
  });

  it("accepts one of two simultaneous submissions (double tap) and refuses the other", async () => {
    const { prospect, linkId } = await readyProspect();
    const outcomes = await Promise.allSettled([
      submitOnboarding(db, { linkId, data: submission, files: goodFiles() }),
      submitOnboarding(db, { linkId, data: submission, files: goodFiles() }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(InvalidOnboardingLinkError);
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(3);
  });

  it("reports every bad document under its own field and writes nothing", async () => {
    const { prospect, linkId } = await readyProspect();
    const files: OnboardingFiles = {
      idDocument: { fileName: "photo.png", data: Buffer.alloc(0) },
      kbis: { fileName: "kbis.html", data: Buffer.from("<html><script>alert(1)</script></html>") },
      rib: null,
    };
    await expect(submitOnboarding(db, { linkId, data: submission, files })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: {
        idDocument: ["Le fichier est vide."],
        kbis: [expect.stringMatching(/^Ce type de fichier n'est pas accepté/)],
        rib: ["Ajoutez le document : RIB."],
      },
    });
    const big = Buffer.concat([PDF, Buffer.alloc(getEnv().UPLOAD_MAX_BYTES)]);
    await expect(
      submitOnboarding(db, { linkId, data: submission, files: { ...goodFiles(), rib: { fileName: "rib.pdf", data: big } } }),
    ).rejects.toMatchObject({ fieldErrors: { rib: [expect.stringMatching(/taille maximale/)] } });

    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(0);
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });
    expect(link.usedAt).toBeNull();
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).stage).toBe("PROSPECT");
  });

  it("refuses an expired or replaced link with the neutral error", async () => {
    const { prospect, linkId } = await readyProspect();
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } });
    await expect(
      submitOnboarding(db, { linkId, data: submission, files: goodFiles(), now: link.expiresAt }),
    ).rejects.toBeInstanceOf(InvalidOnboardingLinkError);

    await resendOnboardingLink(db, team.actors.sales, prospect.id);
    await expect(submitOnboarding(db, { linkId, data: submission, files: goodFiles() })).rejects.toBeInstanceOf(
      InvalidOnboardingLinkError,
    );
    await expect(
      submitOnboarding(db, { linkId: "cunknownlinkid0000000000", data: submission, files: goodFiles() }),
    ).rejects.toBeInstanceOf(InvalidOnboardingLinkError);
    expect(await db.attachment.count()).toBe(0);
  });

  it("leaves the stage alone when the file is already further than PROSPECT", async () => {
    const { prospect, linkId } = await readyProspect();
    await db.prospect.update({ where: { id: prospect.id }, data: { stage: "CLIENT" } });
    await submitOnboarding(db, { linkId, data: submission, files: goodFiles() });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).stage).toBe("CLIENT");
  });
});
