// The admin side of statements: the CSV/XLSX export (formula injection neutralised, admins
// only) and the PDF of a statement validated outside the app, issued once on first download.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { statementPdfResponse } from "@/lib/commissions/download";
import { statementExportResponse } from "@/lib/commissions/export";
import { findStatements, statementFiltersSchema } from "@/lib/commissions/queries";
import { resetEnvCacheForTests } from "@/lib/env";
import { getStorage, resetStorageForTests, type Storage } from "@/lib/storage";
import { createInvoice, createPartner, createProspect, createUser } from "@/tests/factories";
import { backfillCommissions } from "@/lib/commissions/backfill";
import { generateStatementsForMonth } from "@/lib/commissions/generate-statements";
import { getTestDb } from "@/tests/setup/db";
import { extractPdfText } from "@/tests/support/pdf-text";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let storageDir: string;
let storage: Storage;
let admin: Actor;
let sales: Actor;
let partnerUser: Actor;
let statementId: string;

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({ ...u });

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(os.tmpdir(), "crm-statements-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.S3_BUCKET;
  resetEnvCacheForTests();
  resetStorageForTests();
  storage = getStorage();
  const pick = (u: Awaited<ReturnType<typeof createUser>>) => toActor({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });
  admin = pick(await createUser(db, { role: "ADMIN", passwordHash }));
  sales = pick(await createUser(db, { role: "SALES", passwordHash }));
  const org = await createPartner(db, { name: "=HYPERLINK(\"http://x\")", directRateBps: 100 });
  partnerUser = pick(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  const client = await createProspect(db, { partnerId: org.id, stage: "CLIENT", name: "Imprimerie Garnier" });
  await createInvoice(db, { clientId: client.id, status: "FINANCED", amountCents: 250_000, number: "F-ADM-1", at: new Date("2025-02-10T10:00:00Z") });
  await backfillCommissions(db);
  await generateStatementsForMonth(db, "2025-02");
  const statement = await db.commissionStatement.findFirstOrThrow({ where: { partnerId: org.id } });
  statementId = statement.id;
  // Validated outside the app, as the demo seed does: a number, no PDF yet.
  await db.commissionStatement.update({
    where: { id: statementId },
    data: { status: "VALIDATED", number: "REL-2025-0042", validatedAt: new Date("2025-03-05T09:00:00Z") },
  });
});

afterAll(async () => {
  resetStorageForTests();
  await rm(storageDir, { recursive: true, force: true });
});

describe("statement export", () => {
  it("exports the filtered list as CSV with formulas neutralised, for admins only", async () => {
    const params = new URLSearchParams({ mois: "2025-02" });
    const response = await statementExportResponse(admin, "csv", params, db);
    expect(response.status).toBe(200);
    const csv = await response.text();
    expect(csv).toContain("Période;Organisation;SIREN;Numéro;Statut");
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).toContain("REL-2025-0042;Validé;1;0;25");
    expect((await statementExportResponse(sales, "csv", params, db)).status).toBe(404);
    expect((await statementExportResponse(null, "csv", params, db)).status).toBe(401);
    expect((await statementExportResponse(admin, "pdf", params, db)).status).toBe(404);
    const xlsx = await statementExportResponse(admin, "xlsx", params, db);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("lists with totals and survives a malformed query string", async () => {
    const filters = statementFiltersSchema.parse({ mois: "2025-13", statut: "NOPE", page: "-3" });
    expect(filters).toMatchObject({ mois: undefined, statut: undefined, page: 1 });
    const list = await findStatements(admin, statementFiltersSchema.parse({ statut: "VALIDATED" }), db);
    expect(list).toMatchObject({ total: 1, totalCents: 2_500 });
    expect(await findStatements(partnerUser, filters, db)).toBeNull();
  });
});

describe("PDF of a statement validated outside the app", () => {
  it("is issued once on first download, then served as recorded", async () => {
    const first = await statementPdfResponse(partnerUser, statementId, { db, storage });
    expect(first.status).toBe(200);
    const bytes = new Uint8Array(await first.arrayBuffer());
    const { text } = await extractPdfText(bytes);
    expect(text).toContain("REL-2025-0042");
    expect(text).toContain("Imprimerie Garnier");
    expect(text).toContain("25,00 €");
    const key = (await db.commissionStatement.findUniqueOrThrow({ where: { id: statementId } })).pdfStorageKey;
    expect(key).toBeTruthy();
    const again = new Uint8Array(await (await statementPdfResponse(partnerUser, statementId, { db, storage })).arrayBuffer());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect((await statementPdfResponse(sales, "nope", { db, storage })).status).toBe(404);
  });
});
