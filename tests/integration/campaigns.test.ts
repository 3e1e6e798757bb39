// Mail-merge campaigns (seed §11) end to end on a real PostgreSQL and a real SMTP server: the
// live count, one pending EMAIL action per eligible file with the others listed and why,
// « Retirer », « Envoyer tout » clicked twice (and from two tabs) queuing one message per action,
// delivery with merged and escaped names, each delivery marking its action done, the signed
// unsubscribe link, and partners kept out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { generateCampaignActions } from "@/lib/campaigns/generate-actions";
import {
  createCampaign,
  generateCampaignActionType,
  saveCampaignFilter,
  updateCampaignContent,
} from "@/lib/campaigns/manage-campaign";
import { countUnqueuedCampaignActions, getCampaignOrThrow, listCampaignActions, listCampaigns } from "@/lib/campaigns/queries";
import { countCampaignRecipients } from "@/lib/campaigns/recipients";
import { campaignContentSchema, EMPTY_CRITERIA, type CampaignCriteria } from "@/lib/campaigns/schemas";
import {
  campaignDedupeKey,
  previewCampaignAction,
  removeCampaignAction,
  sendCampaign,
} from "@/lib/campaigns/send-campaign";
import { findUnsubscribeTarget, unsubscribeContact } from "@/lib/campaigns/unsubscribe-contact";
import { AppError } from "@/lib/errors";
import { createMailTransport } from "@/lib/mail/transport";
import { dispatchDueEmails } from "@/lib/worker/dispatch";
import { createContact, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { linksIn, startSmtpSink, type SmtpSink } from "@/tests/support/smtp-sink";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

const CONTENT = campaignContentSchema.parse({
  name: "Relance printemps",
  subjectTemplate: "{{company}} : une offre pour {{civility}} {{lastName}}",
  bodyTemplate: "Bonjour {{civility}} {{firstName}} {{lastName}},\n\nNous avons une offre pour {{company}}.\n\nCordialement,\n{{senderName}}",
});

let sales: Actor;
let partnerUser: Actor;
let criteria: CampaignCriteria;
let otherCriteria: CampaignCriteria;
let sink: SmtpSink;
const files: Record<string, { id: string; name: string }> = {};
let zoeContactId: string;

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

async function readyCampaign(actor: Actor, c: CampaignCriteria, name = CONTENT.name) {
  const { id } = await createCampaign(db, actor, { ...CONTENT, name });
  await saveCampaignFilter(db, actor, id, c);
  await generateCampaignActionType(db, actor, id);
  return id;
}

beforeAll(async () => {
  await ensureReferenceData(db);
  sales = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Julie Bernard" }));
  const org = await createPartner(db);
  const otherOrg = await createPartner(db);
  partnerUser = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  criteria = { ...EMPTY_CRITERIA, partner: org.id };
  otherCriteria = { ...EMPTY_CRITERIA, partner: otherOrg.id };

  const make = async (key: string, name: string) => {
    files[key] = await createProspect(db, { partnerId: org.id, name });
    return files[key]!;
  };
  const zoe = await make("zoe", "Atelier <Zoé> & Fils");
  zoeContactId = (await createContact(db, { prospectId: zoe.id, isFavorite: true, civility: "MRS", firstName: "<b>Zoé</b>", lastName: "Durand", email: "zoe@exemple.test" })).id;
  const marc = await make("marc", "Boulangerie Marc");
  await createContact(db, { prospectId: marc.id, isFavorite: true, civility: "MR", firstName: "Marc", lastName: "Petit", email: "marc@exemple.test" });
  await createContact(db, { prospectId: marc.id, isFavorite: false, firstName: "Autre", email: "autre@exemple.test" });
  const lea = await make("lea", "Cabinet Léa");
  await createContact(db, { prospectId: lea.id, isFavorite: true, civility: null, firstName: "Léa", lastName: "Roux", email: "lea@exemple.test" });
  const removed = await make("removed", "Dossier retiré");
  await createContact(db, { prospectId: removed.id, isFavorite: true, firstName: "Paul", lastName: "Retiré", email: "paul@exemple.test" });
  await make("noContact", "Sans contact");
  const noFavorite = await make("noFavorite", "Sans favori");
  await createContact(db, { prospectId: noFavorite.id, isFavorite: false, email: "pasfavori@exemple.test" });
  const noEmail = await make("noEmail", "Sans e-mail");
  await createContact(db, { prospectId: noEmail.id, isFavorite: true, email: null });
  const unsubscribed = await make("unsubscribed", "Déjà désabonné");
  await createContact(db, { prospectId: unsubscribed.id, isFavorite: true, email: "parti@exemple.test", unsubscribedAt: new Date() });
  // Another partner's file with a perfect contact: outside the criteria.
  const outside = await createProspect(db, { partnerId: otherOrg.id, name: "Hors filtre" });
  await createContact(db, { prospectId: outside.id, isFavorite: true, email: "hors@exemple.test" });

  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink?.close();
});

describe("campaign content", () => {
  it("refuses unknown or malformed merge fields and a multi-line subject, field by field", () => {
    const result = campaignContentSchema.safeParse({
      name: "Test",
      subjectTemplate: "Bonjour\n{{firstName}}",
      bodyTemplate: "Bonjour {{prenom}}, {{ company }}",
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toContainEqual(["subjectTemplate", "L'objet tient sur une seule ligne."]);
    expect(issues.find(([path]) => path === "bodyTemplate")?.[1]).toMatch(/^Champ de fusion inconnu : \{\{prenom\}\}/);
    expect(campaignContentSchema.safeParse({ ...CONTENT, bodyTemplate: "Bonjour {{ prénom }}" }).success).toBe(false);
  });
});

describe("generation", () => {
  let campaignId: string;

  it("needs the saved filters and the action type first, then reuses the type by name", async () => {
    const { id } = await createCampaign(db, sales, CONTENT);
    campaignId = id;
    await expectAppError(generateCampaignActions(db, sales, id), "VALIDATION");
    await saveCampaignFilter(db, sales, id, criteria);
    await expectAppError(generateCampaignActions(db, sales, id), "VALIDATION");

    const first = await generateCampaignActionType(db, sales, id);
    const again = await generateCampaignActionType(db, sales, id);
    expect(first).toMatchObject({ name: "Campagne — Relance printemps", reused: false });
    expect(again).toEqual({ ...first, reused: true });
    const type = await db.actionType.findUniqueOrThrow({ where: { id: first.actionTypeId } });
    expect(type).toMatchObject({ category: "EMAIL", subjectTemplate: CONTENT.subjectTemplate, bodyTemplate: CONTENT.bodyTemplate, visibleToPartner: false });

    // Editing the draft's text updates the type's too.
    await updateCampaignContent(db, sales, id, { ...CONTENT, bodyTemplate: `${CONTENT.bodyTemplate}\n` });
    await updateCampaignContent(db, sales, id, CONTENT);
    expect((await db.actionType.findUniqueOrThrow({ where: { id: first.actionTypeId } })).bodyTemplate).toBe(CONTENT.bodyTemplate);
  });

  it("creates one pending action per eligible file, lists the others with their reason, and the live count agrees", async () => {
    const live = await countCampaignRecipients(db, sales, criteria);
    expect(live.total).toBe(8);

    // Two tabs clicking « Enregistrer » at once, then a third click: one set of actions.
    const [a, b] = await Promise.all([generateCampaignActions(db, sales, campaignId), generateCampaignActions(db, sales, campaignId)]);
    const third = await generateCampaignActions(db, sales, campaignId);
    const result = [a, b].find((r) => r.generated)!;
    expect([a, b].filter((r) => r.generated)).toHaveLength(1);
    expect(third).toMatchObject({ generated: false, actionCount: 4 });

    expect(result.actionCount).toBe(4);
    expect(result.actionCount + result.skipped.length).toBe(live.total);
    expect(Object.fromEntries(result.skipped.map((s) => [s.name, s.reason]))).toEqual({
      "Sans contact": "NO_CONTACT",
      "Sans favori": "NO_FAVORITE",
      "Sans e-mail": "NO_EMAIL",
      "Déjà désabonné": "UNSUBSCRIBED",
    });

    const actions = await db.action.findMany({ where: { campaignId }, include: { type: true } });
    expect(actions).toHaveLength(4);
    expect(new Set(actions.map((x) => x.prospectId))).toEqual(new Set(["zoe", "marc", "lea", "removed"].map((k) => files[k]!.id)));
    for (const action of actions) {
      expect(action).toMatchObject({ done: false, assigneeId: sales.id });
      expect(action.type).toMatchObject({ category: "EMAIL", name: "Campagne — Relance printemps" });
    }
    const zoe = actions.find((x) => x.prospectId === files.zoe!.id)!;
    expect(zoe.subject).toBe("Atelier <Zoé> & Fils : une offre pour Mme Durand");
    expect(zoe.notes).toBe("Bonjour Mme <b>Zoé</b> Durand,\n\nNous avons une offre pour Atelier <Zoé> & Fils.\n\nCordialement,\nJulie Bernard");
    expect(await db.auditEvent.count({ where: { entityType: "Action", action: "CREATE", entityId: { in: actions.map((x) => x.id) } } })).toBe(4);

    const detail = await getCampaignOrThrow(db, sales, campaignId);
    expect(detail.status).toBe("GENERATED");
    expect(detail.filter.skipped).toHaveLength(4);
    expect(detail.progress).toMatchObject({ total: 4, pending: 4, sent: 0, failed: 0 });
    // The content is frozen once the actions exist.
    await expectAppError(updateCampaignContent(db, sales, campaignId, CONTENT), "CONFLICT");
  });

  it("« Retirer » deletes one pending action with its audit event, once", async () => {
    const action = await db.action.findFirstOrThrow({ where: { campaignId, prospectId: files.removed!.id } });
    await removeCampaignAction(db, sales, campaignId, action.id);
    expect(await db.action.count({ where: { id: action.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: action.id, action: "DELETE" } })).toBe(1);
    await expectAppError(removeCampaignAction(db, sales, campaignId, action.id), "NOT_FOUND");
    const rows = await listCampaignActions(db, sales, campaignId);
    expect(rows.map((r) => r.prospect.name).sort()).toEqual(["Atelier <Zoé> & Fils", "Boulangerie Marc", "Cabinet Léa"]);
    expect(rows.every((r) => r.state === "PENDING")).toBe(true);
  });

  it("previews the message with the merged, escaped values and the unsubscribe link", async () => {
    const action = await db.action.findFirstOrThrow({ where: { campaignId, prospectId: files.zoe!.id } });
    const preview = await previewCampaignAction(db, sales, campaignId, action.id);
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview).toMatchObject({ to: "zoe@exemple.test", queued: false });
    expect(preview.text).toContain("Bonjour Mme <b>Zoé</b> Durand,");
    expect(preview.html).toContain("Bonjour Mme &lt;b&gt;Zoé&lt;/b&gt; Durand,");
    expect(preview.html).not.toContain("<b>Zoé</b>");
    expect(preview.html).toMatch(/<a href="http:\/\/localhost:3000\/desabonnement\/[^"]+"/);
  });

  it("« Envoyer tout » clicked twice and from two tabs queues exactly one e-mail per action; the worker delivers each once and marks it done", async () => {
    const [first, second] = await Promise.all([sendCampaign(db, sales, campaignId), sendCampaign(db, sales, campaignId)]);
    const again = await sendCampaign(db, sales, campaignId);
    expect(first.queued + second.queued).toBe(3);
    expect(again).toEqual({ queued: 0, notSent: [] });

    const actions = await db.action.findMany({ where: { campaignId }, select: { id: true } });
    const outbox = await db.outboxEmail.findMany({ where: { actionId: { in: actions.map((a) => a.id) } } });
    expect(outbox).toHaveLength(3);
    expect(outbox.map((o) => o.dedupeKey).sort()).toEqual(actions.map((a) => campaignDedupeKey(a.id)).sort());
    expect((await getCampaignOrThrow(db, sales, campaignId)).storedStatus).toBe("SENDING");

    const transport = createMailTransport({ smtpUrl: sink.url, from: "CRM Partenaires <no-reply@crm.test>" });
    const loadAttachment = async () => Buffer.alloc(0);
    expect(await dispatchDueEmails(db, { transport, loadAttachment })).toEqual({ sent: 3, retried: 0, failed: 0 });
    // A restarted worker and a later click find nothing more to send.
    expect(await dispatchDueEmails(db, { transport, loadAttachment })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await sendCampaign(db, sales, campaignId)).toEqual({ queued: 0, notSent: [] });
    transport.close();

    const messages = await sink.waitFor(3);
    expect(messages).toHaveLength(3);
    expect(messages.flatMap((m) => m.envelope.to).sort()).toEqual(["lea@exemple.test", "marc@exemple.test", "zoe@exemple.test"]);
    const zoe = messages.find((m) => m.envelope.to[0] === "zoe@exemple.test")!;
    expect(zoe.subject).toBe("Atelier <Zoé> & Fils : une offre pour Mme Durand");
    expect(zoe.text).toContain("Bonjour Mme <b>Zoé</b> Durand,");
    expect(zoe.html).toContain("Bonjour Mme &lt;b&gt;Zoé&lt;/b&gt; Durand,");
    expect(zoe.html).not.toContain("<b>Zoé</b>");
    const marc = messages.find((m) => m.envelope.to[0] === "marc@exemple.test")!;
    expect(marc.text).toContain("Bonjour M. Marc Petit,");
    expect(marc.text).toContain("Julie Bernard");

    expect(await db.action.count({ where: { campaignId, done: true } })).toBe(3);
    const detail = await getCampaignOrThrow(db, sales, campaignId);
    expect(detail.status).toBe("SENT");
    expect(detail.progress).toMatchObject({ total: 3, pending: 0, sent: 3, failed: 0 });
    const sentRows = await listCampaignActions(db, sales, campaignId);
    expect(sentRows.every((r) => r.state === "SENT")).toBe(true);
    expect(sentRows.find((r) => r.prospect.id === files.zoe!.id)?.recipient).toEqual({ name: "<b>Zoé</b> Durand", email: "zoe@exemple.test" });
    const [listed] = (await listCampaigns(db, sales)).filter((c) => c.id === campaignId);
    expect(listed).toMatchObject({ status: "SENT", progress: { sent: 3, pending: 0, failed: 0 } });

    // The signed link in Zoé's message unsubscribes her; a tampered one is not recognised.
    const link = linksIn(zoe).find((l) => l.includes("/desabonnement/"))!;
    const token = decodeURIComponent(link.slice(link.lastIndexOf("/") + 1));
    expect(await findUnsubscribeTarget(db, token)).toMatchObject({ contactId: zoeContactId, unsubscribedAt: null });
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(await findUnsubscribeTarget(db, tampered)).toBeNull();
    expect(await unsubscribeContact(db, tampered)).toBeNull();
    const done = await unsubscribeContact(db, token);
    expect(done?.unsubscribedAt).toBeInstanceOf(Date);
    const twice = await unsubscribeContact(db, token);
    expect(twice?.unsubscribedAt?.getTime()).toBe(done!.unsubscribedAt!.getTime());
    expect(await db.auditEvent.count({ where: { entityType: "Contact", entityId: zoeContactId, action: "UPDATE" } })).toBe(1);
  });

  it("leaves an unsubscribed contact out of the next campaign, listed as ignored", async () => {
    const id = await readyCampaign(sales, criteria, "Relance été");
    const result = await generateCampaignActions(db, sales, id);
    expect(result.skipped.find((s) => s.prospectId === files.zoe!.id)?.reason).toBe("UNSUBSCRIBED");
    expect(await db.action.count({ where: { campaignId: id, prospectId: files.zoe!.id } })).toBe(0);
    expect(result.actionCount).toBe(3); // Marc, Léa and the file removed from the first campaign
  });

  it("keeps a pending action whose contact unsubscribed after step 4 out of the send", async () => {
    const id = await readyCampaign(sales, criteria, "Relance automne");
    await generateCampaignActions(db, sales, id);
    await db.contact.updateMany({ where: { email: "lea@exemple.test" }, data: { unsubscribedAt: new Date() } });
    const result = await sendCampaign(db, sales, id);
    expect(result.queued).toBe(2);
    expect(result.notSent).toEqual([expect.objectContaining({ prospectName: "Cabinet Léa", reason: "UNSUBSCRIBED" })]);
    const rows = await listCampaignActions(db, sales, id);
    expect(rows.find((r) => r.prospect.name === "Cabinet Léa")).toMatchObject({ state: "PENDING", recipient: { skipReason: "UNSUBSCRIBED" } });
  });

  it("pages step 5's actions in file order and counts the ones still to send across pages", async () => {
    const id = await readyCampaign(sales, criteria, "Relance hiver");
    await generateCampaignActions(db, sales, id);
    const all = await listCampaignActions(db, sales, id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await listCampaignActions(db, sales, id, { page: 1, perPage: 1 });
    const second = await listCampaignActions(db, sales, id, { page: 2, perPage: 1 });
    expect([...first, ...second].map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
    expect(await countUnqueuedCampaignActions(db, sales, id)).toBe(all.length);

    await sendCampaign(db, sales, id);
    const after = await listCampaignActions(db, sales, id);
    expect(await countUnqueuedCampaignActions(db, sales, id)).toBe(after.filter((r) => r.state === "PENDING").length);
    await expectAppError(countUnqueuedCampaignActions(db, partnerUser, id), "FORBIDDEN");
  });
});

describe("partners", () => {
  it("are refused everywhere", async () => {
    const id = await readyCampaign(sales, otherCriteria, "Interne");
    await expectAppError(createCampaign(db, partnerUser, CONTENT), "FORBIDDEN");
    await expectAppError(listCampaigns(db, partnerUser), "FORBIDDEN");
    await expectAppError(getCampaignOrThrow(db, partnerUser, id), "FORBIDDEN");
    await expectAppError(countCampaignRecipients(db, partnerUser, criteria), "FORBIDDEN");
    await expectAppError(saveCampaignFilter(db, partnerUser, id, criteria), "FORBIDDEN");
    await expectAppError(generateCampaignActionType(db, partnerUser, id), "FORBIDDEN");
    await expectAppError(generateCampaignActions(db, partnerUser, id), "FORBIDDEN");
    await expectAppError(sendCampaign(db, partnerUser, id), "FORBIDDEN");
    expect(await db.action.count({ where: { campaignId: id } })).toBe(0);
  });
});
