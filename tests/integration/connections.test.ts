// « Connexions »: suppliers derived from the invoices submitted to the client, connections the
// sales team records (with audit), whether the partner earns on them, and partner isolation.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { commissionLabel } from "@/lib/connections/labels";
import { addConnection, removeConnection } from "@/lib/connections/manage-connections";
import { getProspectConnections } from "@/lib/connections/queries";
import { addConnectionSchema } from "@/lib/connections/schemas";
import { createInvoice, createPartner, createProspect, createUser, sirenFrom } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const day = 86_400_000;

let partnerA: Actor;
let partnerB: Actor;
let partnerZero: Actor;
let sales: Actor;
let client: { id: string };
let clientOfZero: { id: string };
const supplierOne = sirenFrom(41_000_001);
const supplierTwo = sirenFrom(41_000_002);

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

beforeAll(async () => {
  const orgA = await createPartner(db, { name: "Cabinet Alpha", directRateBps: 150, networkRateBps: 150 });
  const orgB = await createPartner(db, { name: "Cabinet Beta", directRateBps: 200, networkRateBps: 200 });
  const orgZero = await createPartner(db, { name: "Cabinet Zéro", directRateBps: 0, networkRateBps: 0 });
  partnerA = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, passwordHash }));
  partnerB = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, passwordHash }));
  partnerZero = toActor(await createUser(db, { role: "PARTNER", partnerId: orgZero.id, passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  client = await createProspect(db, { partnerId: orgA.id, stage: "CLIENT" });
  clientOfZero = await createProspect(db, { partnerId: orgZero.id, stage: "CLIENT" });

  const now = Date.now();
  // Supplier one renamed itself between its invoices; the latest name wins.
  await createInvoice(db, { clientId: client.id, supplierSiren: supplierOne, supplierName: "Transports Martin", submittedAt: new Date(now - 30 * day) });
  await createInvoice(db, { clientId: client.id, supplierSiren: supplierOne, supplierName: "Martin Logistique", submittedAt: new Date(now - 2 * day) });
  await createInvoice(db, { clientId: client.id, supplierSiren: supplierOne, supplierName: "Martin Logistique", status: "FINANCED", at: new Date(now - 10 * day) });
  await createInvoice(db, { clientId: client.id, supplierSiren: supplierTwo, supplierName: "Atelier Dupont", submittedAt: new Date(now - 5 * day) });
  // Another client's invoices never show here.
  await createInvoice(db, { clientId: clientOfZero.id, supplierSiren: sirenFrom(41_000_003), supplierName: "Ailleurs SARL" });
});

describe("getProspectConnections", () => {
  it("derives the suppliers from the invoices submitted to the client", async () => {
    const result = await getProspectConnections(partnerA, client.id, db);
    expect(result?.partner).toEqual({ name: "Cabinet Alpha", networkRateBps: 150 });
    expect(
      result?.items.map((i) => ({ name: i.name, siren: i.siren, relation: i.relation, count: i.invoiceCount, connection: i.connection })),
    ).toEqual([
      { name: "Atelier Dupont", siren: supplierTwo, relation: "SUPPLIER", count: 1, connection: null },
      { name: "Martin Logistique", siren: supplierOne, relation: "SUPPLIER", count: 3, connection: null },
    ]);
    const martin = result!.items.find((i) => i.siren === supplierOne)!;
    expect(Date.now() - martin.lastInvoiceAt!.getTime()).toBeLessThan(2 * day + 60_000);
    expect(Date.now() - martin.lastInvoiceAt!.getTime()).toBeGreaterThan(2 * day - 60_000);
  });

  it("is null for another partner, and empty for a client without invoices", async () => {
    expect(await getProspectConnections(partnerB, client.id, db)).toBeNull();
    const fresh = await createProspect(db, { partnerId: partnerA.partnerId });
    expect(await getProspectConnections(partnerA, fresh.id, db)).toEqual({
      items: [],
      partner: { name: "Cabinet Alpha", networkRateBps: 150 },
    });
  });

  it("says whether the partner earns under its agreement", async () => {
    const earning = await getProspectConnections(partnerA, client.id, db);
    expect(commissionLabel(earning!.partner, "partner")).toEqual({ earns: true, text: "Oui — 1,50\u00a0% selon votre convention" });
    const notEarning = await getProspectConnections(partnerZero, clientOfZero.id, db);
    expect(notEarning!.items).toHaveLength(1);
    expect(commissionLabel(notEarning!.partner, "partner")).toEqual({ earns: false, text: "Non prévu par votre convention" });
  });
});

describe("connections recorded by the sales team", () => {
  it("adds a customer and a known supplier (merged with its invoices), with audit events", async () => {
    const customer = await addConnection(
      db,
      sales,
      addConnectionSchema.parse({ prospectId: client.id, name: "Grande Distribution SA", siren: "", relation: "CUSTOMER" }),
    );
    const supplier = await addConnection(
      db,
      sales,
      addConnectionSchema.parse({ prospectId: client.id, name: "Martin", siren: supplierOne.replace(/(\d{3})(?=\d)/g, "$1 "), relation: "SUPPLIER" }),
    );
    const result = await getProspectConnections(partnerA, client.id, db);
    expect(result!.items.map((i) => [i.name, i.relation, i.invoiceCount, i.connection?.id ?? null])).toEqual([
      ["Atelier Dupont", "SUPPLIER", 1, null],
      ["Martin Logistique", "SUPPLIER", 3, supplier.id],
      ["Grande Distribution SA", "CUSTOMER", 0, customer.id],
    ]);
    const audits = await db.auditEvent.findMany({ where: { entityType: "Connection" }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.entityId, a.action, a.actorId, a.prospectId])).toEqual([
      [customer.id, "CREATE", sales.id, client.id],
      [supplier.id, "CREATE", sales.id, client.id],
    ]);
    expect(audits[1]!.changes).toEqual({ name: "Martin", siren: supplierOne, relation: "SUPPLIER" });
  });

  it("refuses a duplicate, and partners may not record or remove anything", async () => {
    await expect(
      addConnection(db, sales, addConnectionSchema.parse({ prospectId: client.id, name: "grande distribution sa", relation: "CUSTOMER" })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addConnection(db, partnerA, addConnectionSchema.parse({ prospectId: client.id, name: "Nouveau", relation: "CUSTOMER" })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const recorded = await db.connection.findFirstOrThrow({ where: { prospectId: client.id, relation: "CUSTOMER" } });
    await expect(removeConnection(db, partnerA, recorded.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addConnection(db, sales, addConnectionSchema.parse({ prospectId: "inconnu", name: "X", relation: "CUSTOMER" })),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("removes a recorded connection with an audit event; invoice suppliers remain", async () => {
    const recorded = await db.connection.findMany({ where: { prospectId: client.id } });
    for (const row of recorded) await removeConnection(db, sales, row.id);
    const result = await getProspectConnections(sales, client.id, db);
    expect(result!.items.map((i) => [i.name, i.connection])).toEqual([
      ["Atelier Dupont", null],
      ["Martin Logistique", null],
    ]);
    expect(await db.auditEvent.count({ where: { entityType: "Connection", action: "DELETE" } })).toBe(2);
    await expect(removeConnection(db, sales, recorded[0]!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
