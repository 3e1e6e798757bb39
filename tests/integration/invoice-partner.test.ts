// Invoice.partnerId is its client's partnerId, kept so by database triggers in the same
// transaction as the change (migration 20261206141000_invoice_partner_id), whatever writes it.
import { beforeAll, describe, expect, it } from "vitest";
import { createInvoice, createPartner, createProspect } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
let partnerA: string;
let partnerB: string;

beforeAll(async () => {
  partnerA = (await createPartner(db, { name: "Cabinet A" })).id;
  partnerB = (await createPartner(db, { name: "Cabinet B" })).id;
});

const partnerOf = async (id: string) => (await db.invoice.findUniqueOrThrow({ where: { id }, select: { partnerId: true } })).partnerId;

describe("Invoice.partnerId", () => {
  it("is the client's partner from the insert on", async () => {
    const client = await createProspect(db, { name: "Client A", partnerId: partnerA });
    const invoice = await createInvoice(db, { clientId: client.id });
    expect(await partnerOf(invoice.id)).toBe(partnerA);
    const direct = await createProspect(db, { name: "Client direct" });
    expect(await partnerOf((await createInvoice(db, { clientId: direct.id })).id)).toBeNull();
  });

  it("follows the client when it changes partner, and when the invoice changes client", async () => {
    const client = await createProspect(db, { name: "Client mobile", partnerId: partnerA });
    const other = await createProspect(db, { name: "Client B", partnerId: partnerB });
    const invoice = await createInvoice(db, { clientId: client.id });
    await db.prospect.update({ where: { id: client.id }, data: { partnerId: partnerB } });
    expect(await partnerOf(invoice.id)).toBe(partnerB);
    await db.prospect.update({ where: { id: client.id }, data: { partnerId: null } });
    expect(await partnerOf(invoice.id)).toBeNull();
    await db.invoice.update({ where: { id: invoice.id }, data: { clientId: other.id } });
    expect(await partnerOf(invoice.id)).toBe(partnerB);
  });

  it("cannot be set to anything else", async () => {
    const client = await createProspect(db, { name: "Client fixe", partnerId: partnerA });
    const invoice = await createInvoice(db, { clientId: client.id });
    await db.invoice.update({ where: { id: invoice.id }, data: { partnerId: partnerB } });
    expect(await partnerOf(invoice.id)).toBe(partnerA);
  });
});
