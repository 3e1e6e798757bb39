// Quotes (« Faire une offre », tab « Devis ») on a real PostgreSQL: draft validation and
// optimistic lock, gapless numbering under concurrency, the validation transaction (PDF, EMAIL
// action chained after the offer, outbox row) delivered through a real SMTP server, the client's
// answer, and partner isolation (404 everywhere).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetEnvCacheForTests } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatEuros } from "@/lib/format";
import { createMailTransport } from "@/lib/mail/transport";
import { decideQuote } from "@/lib/quotes/decide-quote";
import { quotePdfResponse } from "@/lib/quotes/download";
import { parisYear } from "@/lib/quotes/numbering";
import { getQuotePanelData, listOpportunityQuotes } from "@/lib/quotes/queries";
import { saveQuoteDraft } from "@/lib/quotes/save-quote-draft";
import { addDays, parisDayOf } from "@/lib/dates";
import type { SaveQuoteDraftInput } from "@/lib/quotes/schemas";
import { validateQuote } from "@/lib/quotes/validate-quote";
import { getStorage, resetStorageForTests, type Storage } from "@/lib/storage";
import { dispatchDueEmails } from "@/lib/worker/dispatch";
import {
  createAction,
  createContact,
  createOpportunity,
  createPartner,
  createProspect,
  createUser,
  ensureReferenceData,
} from "@/tests/factories";
import type { ReferenceData } from "@/tests/factories/reference-data";
import { getTestDb } from "@/tests/setup/db";
import { extractPdfText, normalizeSpaces } from "@/tests/support/pdf-text";
import { startSmtpSink } from "@/tests/support/smtp-sink";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { saveQuoteDraftAction, validateQuoteAction, decideQuoteAction } = await import("@/lib/quotes/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

let storageDir: string;
let storage: Storage;
let ref: ReferenceData;
let sales: Actor;
let partner: Actor;
let partnerOrgId: string;

function toActor(user: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role, partnerId: user.partnerId };
}

function typeId(category: string): string {
  const type = ref.actionTypes.find((t) => t.category === category);
  if (!type) throw new Error(`no ${category} type`);
  return type.id;
}

const validUntil = () => addDays(parisDayOf(new Date()), 30);

// A prospect referred by the partner's organisation, its favourite contact, an opportunity and
// an offer action nested in it.
async function makeOffer(options: { contact?: { email: string | null; lastName?: string } | null; prospectName?: string } = {}) {
  const prospect = await createProspect(db, {
    name: options.prospectName ?? `Boulangerie ${Math.random().toString(36).slice(2, 8)}`,
    partnerId: partnerOrgId,
    street: "3 place du Marché",
    postalCode: "69002",
    city: "Lyon",
  });
  const contact =
    options.contact === null
      ? null
      : await createContact(db, {
          prospectId: prospect.id,
          isFavorite: true,
          civility: "MRS",
          firstName: "Claire",
          lastName: options.contact?.lastName ?? "Dupont",
          email: options.contact ? options.contact.email : `claire.${prospect.id}@exemple.test`,
        });
  const stage = ref.pipelineStages.find((s) => s.kind === "IN_PROGRESS")!;
  const opportunity = await createOpportunity(db, { prospectId: prospect.id, stageId: stage.id, ownerId: sales.id });
  const offer = await createAction(db, {
    prospectId: prospect.id,
    typeId: typeId("OFFER"),
    subject: "Proposition commerciale",
    opportunityId: opportunity.id,
    assigneeId: sales.id,
  });
  return { prospect, contact, opportunity, offer };
}

function draftInput(actionId: string, overrides: Partial<SaveQuoteDraftInput> = {}): SaveQuoteDraftInput {
  return {
    actionId,
    validUntil: validUntil(),
    lines: [
      { description: "Mise en place du programme", quantity: "1", unitPrice: "1 500,00", vatRate: "2000" },
      { description: "Accompagnement fournisseurs", quantity: "2,5", unitPrice: "400", vatRate: "2000" },
    ],
    ...overrides,
  };
}

async function draftQuote(actionId: string) {
  return saveQuoteDraft(db, sales, { ...draftInput(actionId), lines: draftInput(actionId).lines.map((l) => ({ ...l })) });
}

async function appErrorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-quotes-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.S3_BUCKET;
  resetEnvCacheForTests();
  resetStorageForTests();
  storage = getStorage();
  ref = await ensureReferenceData(db);
  sales = toActor(await createUser(db, { role: "SALES", passwordHash, name: "Sam Commercial" }));
  const org = await createPartner(db);
  partnerOrgId = org.id;
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
});

afterAll(async () => {
  resetStorageForTests();
  await rm(storageDir, { recursive: true, force: true });
});

beforeEach(() => {
  session.actor = sales;
});

describe("saving a draft", () => {
  it("refuses no lines, negative amounts, unknown VAT and a past validity with field errors", async () => {
    const { offer } = await makeOffer();
    const noLines = await saveQuoteDraftAction(draftInput(offer.id, { lines: [] }));
    expect(noLines).toMatchObject({ ok: false, fieldErrors: { lines: ["Ajoutez au moins une ligne au devis."] } });

    const bad = await saveQuoteDraftAction(
      draftInput(offer.id, {
        validUntil: addDays(parisDayOf(new Date()), -1),
        lines: [
          { description: "Ligne", quantity: "-2", unitPrice: "-10", vatRate: "1234" },
          { description: "", quantity: "0", unitPrice: "1,999", vatRate: "2000" },
        ],
      }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors).toEqual({
      validUntil: ["La date de validité ne peut pas être dans le passé."],
      "lines.0.quantity": ["La quantité doit être positive."],
      "lines.0.unitPrice": ["Le prix unitaire ne peut pas être négatif."],
      "lines.0.vatRate": [expect.stringMatching(/^Taux de TVA inconnu/)],
      "lines.1.description": ["Indiquez la désignation."],
      "lines.1.quantity": ["La quantité doit être supérieure à 0."],
      "lines.1.unitPrice": ["Le prix unitaire accepte au plus 2 décimales (centimes)."],
    });
    expect(await db.quote.count({ where: { actionId: offer.id } })).toBe(0);
  });

  it("creates the quote with exact totals, then updates it under an optimistic lock", async () => {
    const { offer, prospect } = await makeOffer();
    const created = await saveQuoteDraftAction(draftInput(offer.id));
    expect(created).toMatchObject({ ok: true, data: { version: 0 } });
    if (!created.ok) return;
    const quote = await db.quote.findUniqueOrThrow({ where: { id: created.data.quoteId }, include: { lines: { orderBy: { position: "asc" } } } });
    // 1 500,00 + 2,5 × 400,00 = 2 500,00 HT; 20 % = 500,00; 3 000,00 TTC.
    expect(quote).toMatchObject({ status: "DRAFT", number: null, totalHtCents: 250000, totalVatCents: 50000, totalTtcCents: 300000 });
    expect(quote.lines.map((l) => [l.quantityMilli, l.unitPriceCents, l.vatRateBps, l.totalHtCents])).toEqual([
      [1000, 150000, 2000, 150000],
      [2500, 40000, 2000, 100000],
    ]);

    const updated = await saveQuoteDraftAction(
      draftInput(offer.id, { version: 0, lines: [{ description: "Audit", quantity: "1,5", unitPrice: "0,01", vatRate: "550" }] }),
    );
    expect(updated).toEqual({ ok: true, data: { quoteId: quote.id, version: 1 } });
    const after = await db.quote.findUniqueOrThrow({ where: { id: quote.id }, include: { lines: true } });
    // 1,5 × 0,01 € = 0,015 € → 0,02 €; VAT 5,5 % of 0,02 € = 0,0011 → 0.
    expect(after).toMatchObject({ totalHtCents: 2, totalVatCents: 0, totalTtcCents: 2, version: 1 });
    expect(after.lines).toHaveLength(1);

    // Someone saved in between: the stale version is refused and nothing is overwritten.
    const stale = await saveQuoteDraftAction(draftInput(offer.id, { version: 0 }));
    expect(stale).toMatchObject({ ok: false, error: expect.stringContaining("modifié par quelqu'un d'autre") });
    expect(await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ version: 1, totalHtCents: 2 });
    // A second "first save" (no version) of the same offer is a conflict too, not a duplicate.
    const second = await saveQuoteDraftAction(draftInput(offer.id));
    expect(second).toMatchObject({ ok: false, error: expect.stringContaining("modifié par quelqu'un d'autre") });

    const history = await db.auditEvent.findMany({ where: { entityType: "Quote", entityId: quote.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => h.action)).toEqual(["CREATE", "UPDATE"]);
    expect(history.every((h) => h.prospectId === prospect.id && h.actorId === sales.id)).toBe(true);
    expect(history[1]!.changes).toMatchObject({ totalTtcCents: { from: 300000, to: 2 } });
  });

  it("only accepts offer actions nested in an opportunity", async () => {
    const prospect = await createProspect(db, {});
    const call = await createAction(db, { prospectId: prospect.id, typeId: typeId("CALL") });
    expect(await saveQuoteDraftAction(draftInput(call.id))).toMatchObject({ ok: false, error: expect.stringMatching(/n'existe pas/) });
    const freeOffer = await createAction(db, { prospectId: prospect.id, typeId: typeId("OFFER") });
    expect(await saveQuoteDraftAction(draftInput(freeOffer.id))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/opportunité/),
    });
  });
});

describe("validating the offer", () => {
  it("numbers, prints and queues the e-mail as an EMAIL action chained after the offer, once", async () => {
    const { offer, prospect, contact, opportunity } = await makeOffer({ prospectName: "Dupont & Fils <SARL>" });
    // The offer already had a follow-up: it moves behind the e-mail.
    const followUp = await createAction(db, {
      prospectId: prospect.id,
      typeId: typeId("CALL"),
      opportunityId: opportunity.id,
      previousActionId: offer.id,
      subject: "Relance téléphonique",
    });
    const draft = await draftQuote(offer.id);

    // A double click: two validations of the same version at once send one e-mail.
    const results = await Promise.allSettled([
      validateQuoteAction({ quoteId: draft.quoteId, version: draft.version }),
      validateQuoteAction({ quoteId: draft.quoteId, version: draft.version }),
    ]);
    const values = results.map((r) => (r.status === "fulfilled" ? r.value : null));
    const ok = values.filter((v) => v?.ok);
    const refused = values.filter((v) => v && !v.ok);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ error: expect.stringContaining("déjà été validé") });

    const quote = await db.quote.findUniqueOrThrow({ where: { id: draft.quoteId } });
    expect(quote.status).toBe("SENT");
    expect(quote.number).toMatch(new RegExp(`^DEV-${parisYear(new Date())}-\\d{4}$`));
    expect(quote.sentAt).toBeInstanceOf(Date);
    expect(quote.pdfStorageKey).toBe(`quotes/${prospect.id}/${quote.id}.pdf`);
    const pdf = await storage.get(quote.pdfStorageKey!);
    const { text } = await extractPdfText(pdf);
    expect(text).toContain(`Devis ${quote.number}`);
    expect(text).toContain("Dupont & Fils <SARL>");
    expect(text).toContain(normalizeSpaces(formatEuros(300000)));

    const offerAfter = await db.action.findUniqueOrThrow({ where: { id: offer.id } });
    expect(offerAfter).toMatchObject({ done: true, outcome: `Devis ${quote.number} envoyé à ${contact!.email}` });

    const emailAction = await db.action.findUniqueOrThrow({ where: { previousActionId: offer.id }, include: { type: true } });
    expect(emailAction).toMatchObject({
      opportunityId: opportunity.id,
      prospectId: prospect.id,
      assigneeId: sales.id,
      done: false,
      subject: `Notre proposition ${quote.number}`,
    });
    expect(emailAction.type.category).toBe("EMAIL");
    expect(emailAction.notes).toContain("Bonjour Mme Dupont,");
    expect(await db.action.findUniqueOrThrow({ where: { id: followUp.id } })).toMatchObject({ previousActionId: emailAction.id });

    const outbox = await db.outboxEmail.findMany({ where: { dedupeKey: `quote:${quote.id}:sent` } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      actionId: emailAction.id,
      status: "PENDING",
      toAddresses: [`"Claire Dupont" <${contact!.email}>`],
      subject: `Notre proposition ${quote.number}`,
      attachments: [{ fileName: `${quote.number}.pdf`, mimeType: "application/pdf", storageKey: quote.pdfStorageKey }],
    });
    // The company name is escaped in the HTML version.
    expect(outbox[0]!.html).toContain("Dupont &amp; Fils &lt;SARL&gt;");
    expect(outbox[0]!.html).not.toContain("<SARL>");

    const audits = await db.auditEvent.findMany({ where: { prospectId: prospect.id } });
    expect(audits.filter((a) => a.entityType === "Quote").map((a) => a.action)).toEqual(expect.arrayContaining(["CREATE", "UPDATE"]));
    expect(audits.some((a) => a.entityType === "Action" && a.entityId === emailAction.id && a.action === "CREATE")).toBe(true);
    expect(audits.some((a) => a.entityType === "Action" && a.entityId === offer.id && a.action === "UPDATE")).toBe(true);

    // Sent quotes are read-only.
    const late = await saveQuoteDraftAction(draftInput(offer.id, { version: quote.version }));
    expect(late).toMatchObject({ ok: false, error: "Ce devis a déjà été validé : il n'est plus modifiable." });
  });

  it("names what is missing, and gives the number back when the transaction fails", async () => {
    const noContact = await makeOffer({ contact: null });
    const d1 = await draftQuote(noContact.offer.id);
    expect((await appErrorOf(validateQuote(db, sales, { quoteId: d1.quoteId, version: d1.version }))).message).toMatch(
      /pas de contact favori/,
    );

    const noEmail = await makeOffer({ contact: { email: null, lastName: "Sansmail" } });
    const d2 = await draftQuote(noEmail.offer.id);
    expect((await appErrorOf(validateQuote(db, sales, { quoteId: d2.quoteId, version: d2.version }))).message).toMatch(
      /Le contact favori \(Claire Sansmail\) n'a pas d'adresse e-mail/,
    );

    const stale = await appErrorOf(validateQuote(db, sales, { quoteId: d2.quoteId, version: d2.version + 1 }));
    expect(stale.code).toBe("CONFLICT");

    // An address the outbox refuses makes the transaction fail after the number and the PDF.
    const badAddress = await makeOffer({ contact: { email: "pas-une-adresse" } });
    const d3 = await draftQuote(badAddress.offer.id);
    const year = parisYear(new Date());
    const before = await db.quoteSequence.findUnique({ where: { year } });
    expect((await appErrorOf(validateQuote(db, sales, { quoteId: d3.quoteId, version: d3.version }))).message).toMatch(
      /Adresse e-mail invalide/,
    );
    expect(await db.quoteSequence.findUnique({ where: { year } })).toEqual(before);
    expect(await db.quote.findUniqueOrThrow({ where: { id: d3.quoteId } })).toMatchObject({ status: "DRAFT", number: null });
    await expect(storage.get(`quotes/${badAddress.prospect.id}/${d3.quoteId}.pdf`)).rejects.toThrow(/Aucun fichier/);
    expect(await db.action.count({ where: { previousActionId: badAddress.offer.id } })).toBe(0);
  });

  it("gives 20 concurrent validations of 20 drafts 20 distinct consecutive numbers", async () => {
    const drafts = [];
    for (let i = 0; i < 20; i += 1) {
      const { offer } = await makeOffer();
      drafts.push(await draftQuote(offer.id));
    }
    const results = await Promise.all(drafts.map((d) => validateQuote(db, sales, { quoteId: d.quoteId, version: d.version })));
    const numbers = results.map((r) => Number(r.number.slice(-4))).sort((a, b) => a - b);
    expect(new Set(results.map((r) => r.number)).size).toBe(20);
    expect(numbers[19]! - numbers[0]!).toBe(19);
    const sequence = await db.quoteSequence.findUniqueOrThrow({ where: { year: parisYear(new Date()) } });
    expect(sequence.lastNumber).toBe(numbers[19]);
    expect(await db.outboxEmail.count({ where: { dedupeKey: { in: drafts.map((d) => `quote:${d.quoteId}:sent`) } } })).toBe(20);
  }, 120_000);

  it("delivers the e-mail with the PDF through SMTP and marks the EMAIL action done", async () => {
    const sink = await startSmtpSink();
    try {
      const { offer, contact } = await makeOffer({ contact: { email: "claire.livraison@exemple.test", lastName: "<b>Dupont</b>\r\nBcc: x@evil.test" } });
      const draft = await draftQuote(offer.id);
      const sent = await validateQuote(db, sales, { quoteId: draft.quoteId, version: draft.version });
      // Only this test's message is due: earlier ones are pushed into the future.
      await db.outboxEmail.updateMany({ where: { id: { not: sent.outboxEmailId }, status: "PENDING" }, data: { nextAttemptAt: new Date(Date.now() + 3_600_000) } });
      const result = await dispatchDueEmails(db, {
        transport: createMailTransport({ smtpUrl: sink.url, from: "CRM Partenaires <no-reply@crm.test>" }),
        loadAttachment: (key) => storage.get(key),
      });
      expect(result).toMatchObject({ sent: 1, failed: 0 });
      const [message] = await sink.waitFor(1);
      expect(message!.envelope.to).toEqual([contact!.email]);
      expect(message!.subject).toBe(`Notre proposition ${sent.number}`);
      expect(message!.html).toContain("&lt;b&gt;Dupont&lt;/b&gt;");
      const attachment = message!.attachments.find((a) => a.contentType === "application/pdf");
      expect(attachment?.filename).toBe(`${sent.number}.pdf`);
      const { text } = await extractPdfText(attachment!.content);
      expect(text).toContain(sent.number);
      expect(text).toContain(`Total TTC ${normalizeSpaces(formatEuros(300000))}`);
      expect(await db.action.findUniqueOrThrow({ where: { id: sent.emailActionId } })).toMatchObject({ done: true });
    } finally {
      await sink.close();
    }
  });
});

describe("the client's answer", () => {
  async function sentQuote() {
    const offer = await makeOffer();
    const draft = await draftQuote(offer.offer.id);
    await validateQuote(db, sales, { quoteId: draft.quoteId, version: draft.version });
    return { ...offer, quoteId: draft.quoteId };
  }

  it("accepting wins the opportunity in the first WON column", async () => {
    const { quoteId, opportunity } = await sentQuote();
    const result = await decideQuoteAction({ quoteId, decision: "ACCEPTED" });
    expect(result).toMatchObject({ ok: true, data: { status: "ACCEPTED" } });
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId } });
    expect(quote.status).toBe("ACCEPTED");
    expect(quote.acceptedAt).toBeInstanceOf(Date);
    const won = ref.pipelineStages.find((s) => s.kind === "WON")!;
    const opp = await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } });
    expect(opp).toMatchObject({ status: "WON", stageId: won.id, version: opportunity.version + 1 });
    expect(opp.closedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { entityType: "Opportunity", entityId: opportunity.id, action: "UPDATE" } })).toBe(1);
    // Only from SENT: a second answer is refused.
    expect(await decideQuoteAction({ quoteId, decision: "DECLINED" })).toMatchObject({
      ok: false,
      error: "Ce devis est déjà marqué comme accepté.",
    });
  });

  it("declining leaves the opportunity open; a draft cannot be answered", async () => {
    const { quoteId, opportunity } = await sentQuote();
    expect(await decideQuoteAction({ quoteId, decision: "DECLINED" })).toMatchObject({ ok: true });
    const quote = await db.quote.findUniqueOrThrow({ where: { id: quoteId } });
    expect(quote.status).toBe("DECLINED");
    expect(quote.declinedAt).toBeInstanceOf(Date);
    expect(await db.opportunity.findUniqueOrThrow({ where: { id: opportunity.id } })).toMatchObject({
      status: "OPEN",
      stageId: opportunity.stageId,
      closedAt: null,
    });

    const { offer } = await makeOffer();
    const draft = await draftQuote(offer.id);
    expect((await appErrorOf(decideQuote(db, sales, { quoteId: draft.quoteId, decision: "ACCEPTED" }))).message).toMatch(
      /pas encore été envoyé/,
    );
  });
});

describe("visibility", () => {
  it("partners get « not found » from the PDF route, the queries and the actions, even on their own prospect", async () => {
    const { offer, opportunity } = await makeOffer();
    const draft = await draftQuote(offer.id);
    const sent = await validateQuote(db, sales, { quoteId: draft.quoteId, version: draft.version });

    const salesPdf = await quotePdfResponse(sales, sent.quoteId, { db, storage });
    expect(salesPdf.status).toBe(200);
    expect(salesPdf.headers.get("Content-Type")).toBe("application/pdf");
    expect(salesPdf.headers.get("Content-Disposition")).toContain(`filename="${sent.number}.pdf"`);
    expect(salesPdf.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(salesPdf.headers.get("Cache-Control")).toBe("private, no-store");
    expect((await extractPdfText(new Uint8Array(await salesPdf.arrayBuffer()))).text).toContain(sent.number);
    expect((await getQuotePanelData(sales, offer.id, db))?.quote).toMatchObject({ number: sent.number, status: "SENT", hasPdf: true });
    expect(await listOpportunityQuotes(sales, opportunity.id, db)).toHaveLength(1);

    expect((await quotePdfResponse(partner, sent.quoteId, { db, storage })).status).toBe(404);
    expect((await quotePdfResponse(sales, "inconnu", { db, storage })).status).toBe(404);
    expect(await getQuotePanelData(partner, offer.id, db)).toBeNull();
    expect(await listOpportunityQuotes(partner, opportunity.id, db)).toEqual([]);

    session.actor = partner;
    const notFound = /n'existe pas ou n'est plus accessible/;
    expect(await saveQuoteDraftAction(draftInput(offer.id))).toMatchObject({ ok: false, error: expect.stringMatching(notFound) });
    expect(await validateQuoteAction({ quoteId: sent.quoteId, version: 1 })).toMatchObject({ ok: false, error: expect.stringMatching(notFound) });
    expect(await decideQuoteAction({ quoteId: sent.quoteId, decision: "ACCEPTED" })).toMatchObject({
      ok: false,
      error: expect.stringMatching(notFound),
    });
    expect(await db.quote.findUniqueOrThrow({ where: { id: sent.quoteId } })).toMatchObject({ status: "SENT" });
  });

  it("serves a draft as a preview marked « BROUILLON »", async () => {
    const { offer } = await makeOffer();
    const draft = await draftQuote(offer.id);
    const response = await quotePdfResponse(sales, draft.quoteId, { db, storage });
    expect(response.status).toBe(200);
    const { text } = await extractPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("BROUILLON");
    expect(text).not.toMatch(/DEV-\d{4}/);
  });
});
