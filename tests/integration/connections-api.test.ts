// POST /api/v1/connections and the OpenAPI document of /api/v1.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createConnection } from "@/app/api/v1/connections/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { API_V1_OPERATIONS, requestBodySchema } from "@/lib/api/openapi";
import { createApiKey } from "@/lib/api-keys/manage";
import { linkConnectionsToProspect } from "@/lib/connections/link-connections";
import { createPartner, createProspect, createUser, sirenFrom, uniqueNumber } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let key: string;

function post(body: unknown, k: string | null = key) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (k) headers.authorization = `Bearer ${k}`;
  return createConnection(new Request("http://localhost:3000/api/v1/connections", { method: "POST", headers, body: JSON.stringify(body) }));
}

beforeAll(async () => {
  const admin = await createUser(db, { role: "ADMIN", passwordHash });
  key = (await createApiKey(db, { name: "Plateforme", createdById: admin.id })).key;
});

describe("POST /api/v1/connections", () => {
  it("records a PLATFORM connection once, linked to the prospect holding its SIREN", async () => {
    const partner = await createPartner(db);
    const client = await createProspect(db, { partnerId: partner.id, stage: "CLIENT" });
    const supplier = await createProspect(db, { partnerId: null });
    const body = { clientSiren: client.siren, siren: supplier.siren, name: "Fournisseur invité", relation: "SUPPLIER" };
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(body)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const rows = await db.connection.findMany({ where: { prospectId: client.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "PLATFORM", linkedProspectId: supplier.id, relation: "SUPPLIER" });
    const json = (await (await post(body)).json()) as { connection: { linked: boolean }; created: boolean };
    expect(json).toMatchObject({ created: false, connection: { linked: true } });
  });

  it("answers 400, 401, 404 and 409 like the invoice API", async () => {
    const client = await createProspect(db, { partnerId: null });
    const other = sirenFrom(60_000_000 + uniqueNumber());
    expect((await post({ clientSiren: client.siren, siren: other, name: "X", relation: "SUPPLIER" }, null)).status).toBe(401);
    const bad = await post({ clientSiren: client.siren, siren: "123", name: "", relation: "PARTNER" });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { fieldErrors: object }).fieldErrors).sort()).toEqual(["name", "relation", "siren"]);
    expect((await post({ clientSiren: sirenFrom(61_000_000 + uniqueNumber()), siren: other, name: "X", relation: "SUPPLIER" })).status).toBe(404);
    expect((await post({ clientSiren: client.siren, siren: other, name: "Nom A", relation: "CUSTOMER" })).status).toBe(201);
    expect((await post({ clientSiren: client.siren, siren: other, name: "Nom B", relation: "CUSTOMER" })).status).toBe(409);
  });

  it("answers 400, never 500, to a NUL byte or a line break in the name", async () => {
    const client = await createProspect(db, { partnerId: null });
    const other = sirenFrom(63_000_000 + uniqueNumber());
    for (const name of ["Fournisseur\u0000SA", "Nom\r\nX-Evil: 1"]) {
      const response = await post({ clientSiren: client.siren, siren: other, name, relation: "SUPPLIER" });
      expect(response.status, JSON.stringify(name)).toBe(400);
      expect(Object.keys(((await response.json()) as { fieldErrors: object }).fieldErrors)).toEqual(["name"]);
    }
    expect(await db.connection.count({ where: { prospectId: client.id } })).toBe(0);
  });

  it("links earlier connections when a prospect with their SIREN is created", async () => {
    const client = await createProspect(db, { partnerId: null });
    const siren = sirenFrom(62_000_000 + uniqueNumber());
    await post({ clientSiren: client.siren, siren, name: "Futur prospect", relation: "CUSTOMER" });
    const created = await createProspect(db, { siren });
    expect(await linkConnectionsToProspect(db, { prospectId: created.id, siren, actorId: null })).toBe(1);
    expect((await db.connection.findFirstOrThrow({ where: { prospectId: client.id, siren } })).linkedProspectId).toBe(created.id);
    expect(await db.auditEvent.count({ where: { entityType: "Connection", prospectId: client.id, action: "UPDATE" } })).toBe(1);
  });
});

// Every route.ts under app/api/v1, as the path it serves.
function v1Routes(dir = path.resolve("app/api/v1"), prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return v1Routes(full, `${prefix}/${entry}`);
    return entry === "route.ts" ? [prefix] : [];
  });
}

describe("GET /api/v1/openapi.json", () => {
  it("describes every POST route of /api/v1 with the JSON Schema of its zod body", async () => {
    const response = openapi(new Request("http://localhost:3000/api/v1/openapi.json"));
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, { post: { requestBody: { content: { "application/json": { schema: { $ref: string } } } } } }>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    const described = Object.keys(doc.paths).sort();
    expect(described).toEqual(v1Routes().filter((p) => p !== "/openapi.json").sort());
    for (const op of API_V1_OPERATIONS) {
      const ref = doc.paths[op.path]!.post.requestBody.content["application/json"].schema.$ref;
      const schema = doc.components.schemas[ref.replace("#/components/schemas/", "")];
      expect(schema).toEqual(requestBodySchema(op.schema));
      expect(schema).toMatchObject({ type: "object" });
    }
    expect(doc.components.schemas.CreateConnection).toMatchObject({
      required: expect.arrayContaining(["clientSiren", "siren", "name", "relation"]),
      properties: { relation: { enum: ["SUPPLIER", "CUSTOMER"] } },
    });
  });
});

describe("« Lier au prospect » from a connection's row", () => {
  it("links a connection to the prospect holding its SIREN, once, for the sales team only", async () => {
    const { linkConnection } = await import("@/lib/connections/link-connection");
    const pick = (u: Awaited<ReturnType<typeof createUser>>) => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });
    const sales = pick(await createUser(db, { role: "SALES", passwordHash }));
    const partner = await createPartner(db);
    const partnerUser = pick(await createUser(db, { role: "PARTNER", partnerId: partner.id, passwordHash }));
    const client = await createProspect(db, { partnerId: partner.id });
    const target = await createProspect(db, { partnerId: null });
    const connection = await db.connection.create({
      data: { prospectId: client.id, name: "Relation", siren: target.siren, relation: "CUSTOMER", source: "SALES" },
    });
    await expect(linkConnection(db, partnerUser, connection.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(linkConnection(db, sales, connection.id)).resolves.toEqual({ prospectId: client.id, linkedProspectId: target.id });
    await expect(linkConnection(db, sales, connection.id)).rejects.toMatchObject({ code: "CONFLICT" });
    const orphan = await db.connection.create({
      data: { prospectId: client.id, name: "Inconnue", siren: sirenFrom(63_000_000 + uniqueNumber()), relation: "CUSTOMER", source: "SALES" },
    });
    await expect(linkConnection(db, sales, orphan.id)).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
