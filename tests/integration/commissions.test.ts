// Partner remuneration (issue 10): lines written by the invoice API, reversals, statements,
// gapless numbering, immutability, partner isolation and the backfill.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createInvoiceRoute } from "@/app/api/v1/invoices/route";
import { POST as changeStatusRoute } from "@/app/api/v1/invoices/status/route";
import { createApiKey } from "@/lib/api-keys/manage";
import type { Actor } from "@/lib/auth/actor";
import { assertAgreementStartAllowed } from "@/lib/commissions/agreement-guard";
import { backfillCommissions } from "@/lib/commissions/backfill";
import { parisMonthOf } from "@/lib/commissions/compute";
import { statementPdfResponse } from "@/lib/commissions/download";
import { generateStatementsForMonth } from "@/lib/commissions/generate-statements";
import { addAdjustment, markStatementPaid, validateStatement } from "@/lib/commissions/manage-statements";
import { getCommissionSummary, getPartnerCommissions } from "@/lib/commissions/queries";
import { resetEnvCacheForTests } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { getStorage, resetStorageForTests, type Storage } from "@/lib/storage";
import { createInvoice, createPartner, createProspect, createUser, sirenFrom, uniqueNumber } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { extractPdfText } from "@/tests/support/pdf-text";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let storageDir: string;
let storage: Storage;
let key: string;
let admin: Actor;

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

function post(route: (r: Request) => Promise<Response>, pathName: string, body: unknown) {
  return route(
    new Request(`http://localhost:3000/api/v1${pathName}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    expect(isAppError(error) && error.code).toBe(code);
    return;
  }
  throw new Error("expected an AppError");
}

// A partner organisation with one user and a direct client, as the API sees them.
async function setupPartner(rates: { directRateBps?: number; networkRateBps?: number } = {}) {
  const org = await createPartner(db, rates);
  const user = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  const client = await createProspect(db, { partnerId: org.id, stage: "CLIENT" });
  return { org, user, client };
}

async function financeThroughApi(clientSiren: string, amountCents: number, at: string) {
  const number = `F-${uniqueNumber()}`;
  const ref = { clientSiren, supplierSiren: sirenFrom(81_234_567), number };
  expect((await post(createInvoiceRoute, "/invoices", { ...ref, supplierName: "Transports Martin", amountCents, dueDate: "2027-01-31" })).status).toBe(201);
  expect((await post(changeStatusRoute, "/invoices/status", { ...ref, status: "FINANCED", at })).status).toBe(200);
  return ref;
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-commissions-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.S3_BUCKET;
  resetEnvCacheForTests();
  resetStorageForTests();
  storage = getStorage();
  const adminUser = await createUser(db, { role: "ADMIN", passwordHash });
  admin = toActor(adminUser);
  key = (await createApiKey(db, { name: "Plateforme", createdById: adminUser.id })).key;
});

afterAll(async () => {
  resetStorageForTests();
  await rm(storageDir, { recursive: true, force: true });
});

describe("commission lines", () => {
  it("creates exactly one line for a FINANCED status, even under 20 concurrent identical calls", async () => {
    const { org, client } = await setupPartner({ directRateBps: 150 });
    const number = `F-${uniqueNumber()}`;
    const ref = { clientSiren: client.siren, supplierSiren: sirenFrom(81_234_567), number };
    await post(createInvoiceRoute, "/invoices", { ...ref, supplierName: "Transports Martin", amountCents: 1_234_567, dueDate: "2027-01-31" });
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(changeStatusRoute, "/invoices/status", { ...ref, status: "FINANCED", at: "2026-10-15T10:00:00Z" })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    const lines = await db.commissionLine.findMany({ where: { partnerId: org.id } });
    expect(lines).toHaveLength(1);
    // 1 234 567 cents × 1,50 % = 18 518,505 → 18 519 (half-up).
    expect(lines[0]).toMatchObject({ type: "EARNING", kind: "DIRECT", baseCents: 1_234_567, rateBps: 150, amountCents: 18_519 });
    expect(lines[0]!.periodMonth.toISOString().slice(0, 10)).toBe("2026-10-01");
  });

  it("cancels a financed invoice the platform rejects with a negative line in the rejection's month", async () => {
    const { org, client } = await setupPartner({ directRateBps: 200 });
    const ref = await financeThroughApi(client.siren!, 500_000, "2026-09-30T22:30:00Z");
    const rejected = await post(changeStatusRoute, "/invoices/status", { ...ref, status: "REJECTED", at: "2026-11-02T09:00:00Z" });
    expect(rejected.status).toBe(200);
    await post(changeStatusRoute, "/invoices/status", { ...ref, status: "REJECTED", at: "2026-11-02T09:00:00Z" });
    const lines = await db.commissionLine.findMany({ where: { partnerId: org.id }, orderBy: { type: "asc" } });
    expect(lines.map((l) => [l.type, l.amountCents, l.periodMonth.toISOString().slice(0, 7)])).toEqual([
      // 30 September 22:30 UTC is already 1 October in Paris.
      ["EARNING", 10_000, "2026-10"],
      ["REVERSAL", -10_000, "2026-11"],
    ]);
  });

  it("applies the version in force on the financing day, the new rate from its first day", async () => {
    const { org, client } = await setupPartner({ directRateBps: 100 });
    await db.agreementVersion.create({ data: { partnerId: org.id, startsOn: new Date("2026-06-01T00:00:00Z"), directRateBps: 300 } });
    // 31 May 23:30 Paris (21:30 UTC) is the old rate; 1 June 00:30 Paris (31 May 22:30 UTC) the new one.
    await financeThroughApi(client.siren!, 100_000, "2026-05-31T21:30:00Z");
    await financeThroughApi(client.siren!, 100_000, "2026-05-31T22:30:00Z");
    const lines = await db.commissionLine.findMany({ where: { partnerId: org.id }, orderBy: { occurredAt: "asc" } });
    expect(lines.map((l) => l.rateBps)).toEqual([100, 300]);
  });

  it("pays the network rate to the introducer's organisation, within the entitlement window only", async () => {
    const { org, client: introducer } = await setupPartner({ directRateBps: 150, networkRateBps: 50 });
    await db.agreementVersion.updateMany({ where: { partnerId: org.id }, data: { entitlementMonths: 3 } });
    const networkClient = await createProspect(db, { partnerId: null, stage: "CLIENT" });
    await db.connection.create({
      data: { prospectId: introducer.id, name: networkClient.name, siren: networkClient.siren, relation: "SUPPLIER", source: "PLATFORM", linkedProspectId: networkClient.id },
    });
    await financeThroughApi(networkClient.siren!, 200_000, "2026-01-10T10:00:00Z");
    await financeThroughApi(networkClient.siren!, 200_000, "2026-04-09T10:00:00Z");
    // Three months after the first financing: the window is over.
    await financeThroughApi(networkClient.siren!, 200_000, "2026-04-10T10:00:00Z");
    const lines = await db.commissionLine.findMany({ where: { clientId: networkClient.id }, orderBy: { occurredAt: "asc" } });
    expect(lines.map((l) => [l.kind, l.partnerId, l.introducedById, l.amountCents])).toEqual([
      ["NETWORK", org.id, introducer.id, 1_000],
      ["NETWORK", org.id, introducer.id, 1_000],
    ]);
  });

  it("backfills invoices financed before the feature, once", async () => {
    const { org, client } = await setupPartner({ directRateBps: 100 });
    await createInvoice(db, { clientId: client.id, status: "FINANCED", amountCents: 300_000, at: new Date("2026-08-10T10:00:00Z") });
    await createInvoice(db, { clientId: client.id, status: "PAID", amountCents: 100_000, at: new Date("2026-08-20T10:00:00Z") });
    await createInvoice(db, { clientId: client.id, status: "VALIDATED", amountCents: 100_000 });
    const first = await backfillCommissions(db);
    expect(first.created).toBeGreaterThanOrEqual(2);
    const second = await backfillCommissions(db);
    expect(second.created).toBe(0);
    const lines = await db.commissionLine.findMany({ where: { partnerId: org.id } });
    expect(lines.map((l) => l.amountCents).sort((a, b) => a - b)).toEqual([1_000, 3_000]);
  });
});

describe("statements", () => {
  it("builds one statement per organisation and month however often it runs, then validates it with a PDF of record", async () => {
    const { org, user, client } = await setupPartner({ directRateBps: 150 });
    await financeThroughApi(client.siren!, 1_000_000, "2025-03-10T10:00:00Z");
    await financeThroughApi(client.siren!, 500_000, "2025-03-20T10:00:00Z");
    await generateStatementsForMonth(db, "2025-03");
    await generateStatementsForMonth(db, "2025-03");
    const statements = await db.commissionStatement.findMany({ where: { partnerId: org.id } });
    expect(statements).toHaveLength(1);
    const draft = statements[0]!;
    expect(draft).toMatchObject({ status: "DRAFT", totalCents: 22_500 });

    // A draft is not the partner's to read yet.
    expect((await statementPdfResponse(user, draft.id, { db, storage })).status).toBe(404);

    await addAdjustment(db, admin, { statementId: draft.id, amount: -2_500, reason: "Erreur de saisie interne", visibleToPartner: false });
    const version = (await db.commissionStatement.findUniqueOrThrow({ where: { id: draft.id } })).version;
    const result = await validateStatement(db, admin, { statementId: draft.id, version }, { storage, now: new Date("2025-04-02T08:00:00Z") });
    expect(result.number).toBe("REL-2025-0001");

    const response = await statementPdfResponse(user, draft.id, { db, storage });
    expect(response.status).toBe(200);
    const { text } = await extractPdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("REL-2025-0001");
    expect(text).toContain(client.name);
    expect(text).toContain(org.name);
    expect(text).toContain("200,00 €");
    expect(text).not.toContain("Erreur de saisie interne");

    const email = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `statement:${draft.id}:validated` } });
    expect(email.toAddresses.join()).toContain(user.email);
    expect(email.subject).toBe("Votre relevé de commissions REL-2025-0001 (mars 2025)");
    expect(email.text).toContain("/commissions");
    expect(email.attachments).toEqual([{ fileName: "REL-2025-0001.pdf", mimeType: "application/pdf", storageKey: result.pdfStorageKey }]);
    expect(await db.notification.count({ where: { userId: user.id, link: "/commissions" } })).toBe(1);

    const partnerView = await getPartnerCommissions(user, { month: "2025-03", now: new Date("2025-04-05T10:00:00Z") }, db);
    expect(partnerView!.statements[0]).toMatchObject({ number: "REL-2025-0001", status: "VALIDATED", totalCents: 20_000 });
    expect(partnerView!.statements[0]!.adjustments).toEqual([{ amountCents: -2_500, reason: null }]);
  });

  it("refuses any change to a validated statement; new lines of its month go to the next one", async () => {
    const { org, client } = await setupPartner();
    await financeThroughApi(client.siren!, 100_000, "2025-05-10T10:00:00Z");
    await generateStatementsForMonth(db, "2025-05");
    const draft = await db.commissionStatement.findFirstOrThrow({ where: { partnerId: org.id } });
    await validateStatement(db, admin, { statementId: draft.id, version: draft.version }, { storage });
    await expectAppError(addAdjustment(db, admin, { statementId: draft.id, amount: 100, reason: "Oubli", visibleToPartner: true }), "CONFLICT");
    const partnerActor = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
    await expectAppError(markStatementPaid(db, partnerActor, { statementId: draft.id, paidOn: "2025-06-15", paymentReference: "X" }), "FORBIDDEN");
    await expectAppError(validateStatement(db, admin, { statementId: draft.id, version: draft.version + 1 }, { storage }), "CONFLICT");
    // The database refuses it too, whatever the code path.
    await expect(db.commissionStatement.update({ where: { id: draft.id }, data: { totalCents: 1 } })).rejects.toThrow(/cannot change/);
    await expect(db.commissionLine.updateMany({ where: { statementId: draft.id }, data: { amountCents: 1 } })).rejects.toThrow(/cannot change/);
    await expect(db.commissionAdjustment.create({ data: { statementId: draft.id, amountCents: 1, reason: "x" } })).rejects.toThrow(/cannot change/);
    await expectAppError(assertAgreementStartAllowed(db, org.id, "2025-05-31"), "VALIDATION");
    await expect(assertAgreementStartAllowed(db, org.id, "2025-06-01")).resolves.toBeUndefined();

    // A late line dated in May waits for June's statement.
    await financeThroughApi(client.siren!, 100_000, "2025-05-28T10:00:00Z");
    await generateStatementsForMonth(db, "2025-05");
    expect(await db.commissionStatement.count({ where: { partnerId: org.id } })).toBe(1);
    await generateStatementsForMonth(db, "2025-06");
    const june = await db.commissionStatement.findFirstOrThrow({ where: { partnerId: org.id, status: "DRAFT" } });
    expect(june.periodMonth.toISOString().slice(0, 7)).toBe("2025-06");
    expect(june.totalCents).toBe(1_500);
    const may = await db.commissionStatement.findUniqueOrThrow({ where: { id: draft.id } });
    expect(may.totalCents).toBe(1_500);

    await markStatementPaid(db, admin, { statementId: draft.id, paidOn: "2025-06-15", paymentReference: "VIR-123" });
    expect((await db.commissionStatement.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("PAID");
    await expectAppError(markStatementPaid(db, admin, { statementId: draft.id, paidOn: "2025-06-16", paymentReference: "VIR-124" }), "CONFLICT");
  });

  it("numbers 20 concurrent validations without gap or duplicate", async () => {
    const drafts = [];
    for (let i = 0; i < 20; i += 1) {
      const org = await createPartner(db);
      drafts.push(await db.commissionStatement.create({ data: { partnerId: org.id, periodMonth: new Date("2024-01-01T00:00:00Z") } }));
    }
    const now = new Date("2024-02-03T10:00:00Z");
    const results = await Promise.all(drafts.map((d) => validateStatement(db, admin, { statementId: d.id, version: d.version }, { storage, now })));
    expect(results.map((r) => r.number).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `REL-2024-${String(i + 1).padStart(4, "0")}`));
  });

  it("keeps each organisation to its own lines, statements and PDFs", async () => {
    const a = await setupPartner();
    const b = await setupPartner();
    await financeThroughApi(a.client.siren!, 100_000, "2025-07-10T10:00:00Z");
    await generateStatementsForMonth(db, "2025-07");
    const statement = await db.commissionStatement.findFirstOrThrow({ where: { partnerId: a.org.id } });
    await validateStatement(db, admin, { statementId: statement.id, version: statement.version }, { storage });

    expect((await statementPdfResponse(a.user, statement.id, { db, storage })).status).toBe(200);
    expect((await statementPdfResponse(b.user, statement.id, { db, storage })).status).toBe(404);
    const bView = await getPartnerCommissions(b.user, { month: "2025-07", now: new Date("2025-08-01T10:00:00Z") }, db);
    expect(bView).toMatchObject({ lines: [], statements: [], clients: [] });
    const aView = await getPartnerCommissions(a.user, { month: "2025-07", now: new Date("2025-08-01T10:00:00Z") }, db);
    expect(aView!.lines).toHaveLength(1);
    const summary = await getCommissionSummary(a.user, new Date("2025-07-20T10:00:00Z"), db);
    expect(summary).toMatchObject({ monthCents: 1_500, yearCents: 1_500 });
    expect(parisMonthOf(new Date("2025-07-20T10:00:00Z"))).toBe("2025-07");
  });
});
