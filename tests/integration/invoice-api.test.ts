// The financing platform's invoice API, called through its route handlers as Next.js would:
// API key checks, body checks, idempotent creation and the status timeline.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as createInvoice } from "@/app/api/v1/invoices/route";
import { POST as changeStatus } from "@/app/api/v1/invoices/status/route";
import { authenticateApiKey } from "@/lib/api-keys/authenticate";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";
import { createPartner, createProspect, createUser, sirenFrom } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const BASE = "http://localhost:3000/api/v1/invoices";

let key: string;
let keyId: string;
let clientSiren: string;
let clientId: string;
const supplierSiren = sirenFrom(81_234_567);
let seq = 0;

function request(path: string, body: unknown, options: { key?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = {};
  const k = options.key === undefined ? key : options.key;
  if (k) headers.authorization = `Bearer ${k}`;
  headers["content-type"] = options.contentType ?? "application/json";
  return new Request(`${BASE}${path}`, { method: "POST", headers, body: options.raw ?? JSON.stringify(body) });
}

function invoiceBody(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    clientSiren,
    supplierSiren,
    supplierName: "Transports Martin",
    number: `F-2026-${String(seq).padStart(4, "0")}`,
    amountCents: 1_250_000,
    dueDate: "2027-01-31",
    ...overrides,
  };
}

async function json(response: Response) {
  return (await response.json()) as Record<string, unknown> & {
    error?: string;
    fieldErrors?: Record<string, string[]>;
    invoice?: Record<string, unknown>;
  };
}

beforeAll(async () => {
  const admin = await createUser(db, { role: "ADMIN", passwordHash });
  const created = await createApiKey(db, { name: "Plateforme (tests)", createdById: admin.id });
  key = created.key;
  keyId = created.id;
  const partner = await createPartner(db);
  const client = await createProspect(db, { partnerId: partner.id, stage: "CLIENT" });
  clientSiren = client.siren!;
  clientId = client.id;
});

beforeEach(async () => {
  await db.invoice.deleteMany();
});

describe("API keys", () => {
  it("stores only the SHA-256 and a visible prefix, and records the last use", async () => {
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(key.startsWith(row.prefix)).toBe(true);
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(key);
    expect(row.lastUsedAt).toBeNull();
    expect(await authenticateApiKey(db, `Bearer ${key}`)).toEqual({ keyId, name: "Plateforme (tests)" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 401 without a key, with a wrong key or another scheme, before reading the body", async () => {
    for (const response of [
      await createInvoice(request("", invoiceBody(), { key: null })),
      await createInvoice(request("", invoiceBody(), { key: `${key}x` })),
      await createInvoice(request("", invoiceBody(), { key: "crm_pas-une-vraie-cle-du-tout" })),
      await createInvoice(
        new Request(BASE, { method: "POST", headers: { authorization: `Basic ${key}`, "content-type": "application/json" }, body: "{" }),
      ),
      await changeStatus(request("/status", {}, { key: null, raw: "pas du json" })),
    ]) {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect((await json(response)).error).toMatch(/Clé d'API/);
    }
    expect(await db.invoice.count()).toBe(0);
  });

  it("answers 401 for a revoked key", async () => {
    const other = await createApiKey(db, { name: "À révoquer", createdById: null });
    expect((await createInvoice(request("", invoiceBody(), { key: other.key }))).status).toBe(201);
    const first = await revokeApiKey(db, other.id);
    const again = await revokeApiKey(db, other.id);
    expect(again.revokedAt).toEqual(first.revokedAt);
    const response = await createInvoice(request("", invoiceBody(), { key: other.key }));
    expect(response.status).toBe(401);
  });
});

describe("POST /api/v1/invoices", () => {
  it("creates an invoice (201), then returns the same one on a repeat (200)", async () => {
    const body = invoiceBody({ submittedAt: "2026-11-20T09:30:00+01:00" });
    const first = await createInvoice(request("", body));
    expect(first.status).toBe(201);
    const created = await json(first);
    expect(created.created).toBe(true);
    expect(created.invoice).toMatchObject({
      clientSiren,
      supplierSiren,
      supplierName: "Transports Martin",
      number: body.number,
      amountCents: 1_250_000,
      dueDate: "2027-01-31",
      status: "SUBMITTED",
      submittedAt: "2026-11-20T08:30:00.000Z",
      validatedAt: null,
    });

    const repeat = await createInvoice(request("", { ...body, amountCents: 999 }));
    expect(repeat.status).toBe(200);
    const again = await json(repeat);
    expect(again.created).toBe(false);
    expect(again.invoice).toEqual(created.invoice);
    expect(await db.invoice.count({ where: { clientId } })).toBe(1);
  });

  it("creates exactly one invoice when identical calls race", async () => {
    const body = invoiceBody();
    const responses = await Promise.all(Array.from({ length: 5 }, () => createInvoice(request("", body))));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await db.invoice.count()).toBe(1);
  });

  it("tells apart invoices by supplier and number", async () => {
    const body = invoiceBody();
    expect((await createInvoice(request("", body))).status).toBe(201);
    expect((await createInvoice(request("", { ...body, supplierSiren: sirenFrom(82_000_001) }))).status).toBe(201);
    expect((await createInvoice(request("", { ...body, number: `${body.number}-B` }))).status).toBe(201);
    expect(await db.invoice.count()).toBe(3);
  });

  it("answers 404 for an unknown client SIREN, or one whose file is closed", async () => {
    const unknown = await createInvoice(request("", invoiceBody({ clientSiren: sirenFrom(99_999_990) })));
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error).toMatch(/Aucun client/);

    const closed = await createProspect(db, { status: "NOT_INTERESTED" });
    const response = await createInvoice(request("", invoiceBody({ clientSiren: closed.siren })));
    expect(response.status).toBe(404);
  });

  it("answers 400 with French field errors", async () => {
    const response = await createInvoice(
      request("", { clientSiren: "123", supplierSiren: "123456788", number: "", amountCents: 12.5, dueDate: "31/01/2027" }),
    );
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error).toBeTruthy();
    expect(body.fieldErrors?.clientSiren).toEqual(["Le SIREN du client doit comporter 9 chiffres."]);
    expect(body.fieldErrors?.supplierSiren?.[0]).toBe("Le SIREN du fournisseur est invalide (clé de contrôle).");
    expect(body.fieldErrors?.number?.[0]).toBe("Le numéro de facture est obligatoire.");
    expect(body.fieldErrors?.supplierName?.[0]).toBe("Le nom du fournisseur est obligatoire.");
    expect(body.fieldErrors?.amountCents?.[0]).toMatch(/entier de centimes/);
    expect(body.fieldErrors?.dueDate?.[0]).toMatch(/AAAA-MM-JJ/);
  });

  it("answers 400, never 500, to a NUL byte or a line break in a text field", async () => {
    for (const body of [invoiceBody({ supplierName: "Fournisseur\u0000SA" }), invoiceBody({ number: "F-1\r\nX-Evil: 1" })]) {
      const response = await createInvoice(request("", body));
      expect(response.status, await response.clone().text()).toBe(400);
      const { fieldErrors } = await json(response);
      expect(Object.values(fieldErrors ?? {}).flat()).toContain(
        "Ce champ contient un caractère non autorisé (retour à la ligne ou caractère invisible).",
      );
    }
    expect(await db.invoice.count()).toBe(0);
  });

  it("never answers 500 to malformed JSON, a wrong content type, a non-object or an oversized body", async () => {
    const cases: [Request, number][] = [
      [request("", null, { raw: "{ pas du json" }), 400],
      [request("", null, { raw: "" }), 400],
      [request("", null, { raw: '"une chaîne"' }), 400],
      [request("", null, { raw: "[1, 2]" }), 400],
      [request("", null, { raw: "null" }), 400],
      [request("", invoiceBody(), { contentType: "text/plain" }), 415],
      [request("", invoiceBody(), { contentType: "application/x-www-form-urlencoded" }), 415],
      [request("", null, { raw: JSON.stringify({ ...invoiceBody(), supplierName: "x".repeat(70_000) }) }), 413],
      [request("", invoiceBody({ amountCents: "1250000" })), 400],
      [request("", invoiceBody({ clientSiren: 552100554 })), 400],
      [request("", invoiceBody({ submittedAt: "hier" })), 400],
    ];
    for (const [req, status] of cases) {
      const response = await createInvoice(req);
      expect(response.status, await response.clone().text()).toBe(status);
      expect(typeof (await json(response)).error).toBe("string");
    }
    expect(await db.invoice.count()).toBe(0);
  });
});

describe("POST /api/v1/invoices/status", () => {
  async function created() {
    const body = invoiceBody();
    expect((await createInvoice(request("", body))).status).toBe(201);
    return { clientSiren: body.clientSiren, supplierSiren: body.supplierSiren, number: body.number };
  }

  it("keeps the time of each status, and a repeated change is a no-op", async () => {
    const ref = await created();
    const validated = await changeStatus(request("/status", { ...ref, status: "VALIDATED", at: "2026-11-21T10:00:00Z" }));
    expect(validated.status).toBe(200);
    expect(await json(validated)).toMatchObject({ changed: true, invoice: { status: "VALIDATED", validatedAt: "2026-11-21T10:00:00.000Z" } });

    const repeat = await changeStatus(request("/status", { ...ref, status: "VALIDATED", at: "2026-11-25T10:00:00Z" }));
    expect(await json(repeat)).toMatchObject({ changed: false, invoice: { status: "VALIDATED", validatedAt: "2026-11-21T10:00:00.000Z" } });

    await changeStatus(request("/status", { ...ref, status: "FINANCED", at: "2026-11-22T10:00:00Z" }));
    const paid = await json(await changeStatus(request("/status", { ...ref, status: "PAID", at: "2027-01-31T10:00:00Z" })));
    expect(paid.invoice).toMatchObject({
      status: "PAID",
      validatedAt: "2026-11-21T10:00:00.000Z",
      financedAt: "2026-11-22T10:00:00.000Z",
      paidAt: "2027-01-31T10:00:00.000Z",
      rejectedAt: null,
    });
    const row = await db.invoice.findFirstOrThrow({ where: { number: ref.number } });
    expect(row.paidAt?.toISOString()).toBe("2027-01-31T10:00:00.000Z");
  });

  it("refuses a backwards transition with 409 and says why", async () => {
    const ref = await created();
    await changeStatus(request("/status", { ...ref, status: "FINANCED" }));
    const back = await changeStatus(request("/status", { ...ref, status: "VALIDATED" }));
    expect(back.status).toBe(409);
    expect((await json(back)).error).toBe(
      "Retour en arrière refusé : la facture est déjà « Financée », elle ne peut pas revenir au statut « Validée ».",
    );
    await changeStatus(request("/status", { ...ref, status: "PAID" }));
    const reject = await changeStatus(request("/status", { ...ref, status: "REJECTED" }));
    expect(reject.status).toBe(409);
    expect((await json(reject)).error).toMatch(/ne peut plus être rejetée/);
    expect((await db.invoice.findFirstOrThrow({ where: { number: ref.number } })).status).toBe("PAID");
  });

  it("accepts a rejection before financing, then refuses any other status", async () => {
    const ref = await created();
    const rejected = await json(await changeStatus(request("/status", { ...ref, status: "REJECTED", at: "2026-11-23T08:00:00Z" })));
    expect(rejected.invoice).toMatchObject({ status: "REJECTED", rejectedAt: "2026-11-23T08:00:00.000Z" });
    const after = await changeStatus(request("/status", { ...ref, status: "VALIDATED" }));
    expect(after.status).toBe(409);
    expect((await json(after)).error).toMatch(/rejetée/);
  });

  it("accepts a skipped step, leaving its time empty", async () => {
    const ref = await created();
    const financed = await json(await changeStatus(request("/status", { ...ref, status: "FINANCED" })));
    expect(financed.invoice).toMatchObject({ status: "FINANCED", validatedAt: null });
    expect(financed.invoice?.financedAt).toEqual(expect.any(String));
  });

  it("answers 404 for an unknown invoice or client, 400 for an unknown status", async () => {
    const ref = await created();
    expect((await changeStatus(request("/status", { ...ref, number: "INCONNUE", status: "VALIDATED" }))).status).toBe(404);
    expect((await changeStatus(request("/status", { ...ref, clientSiren: sirenFrom(99_999_991), status: "VALIDATED" }))).status).toBe(404);
    const bad = await changeStatus(request("/status", { ...ref, status: "ARCHIVED" }));
    expect(bad.status).toBe(400);
    expect((await json(bad)).fieldErrors?.status?.[0]).toMatch(/Statut inconnu/);
    expect((await changeStatus(request("/status", null, { raw: "{" }))).status).toBe(400);
  });

  it("serialises concurrent changes of one invoice", async () => {
    const ref = await created();
    const responses = await Promise.all(
      (["VALIDATED", "FINANCED", "VALIDATED", "FINANCED"] as const).map((status) => changeStatus(request("/status", { ...ref, status }))),
    );
    for (const r of responses) expect([200, 409]).toContain(r.status);
    expect((await db.invoice.findFirstOrThrow({ where: { number: ref.number } })).status).toBe("FINANCED");
  });
});
