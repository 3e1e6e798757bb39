// « Annuler le désabonnement »: the same signed link undoes an unsubscribe, once, in the history;
// a tampered link changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { resubscribeContact } from "@/lib/campaigns/resubscribe-contact";
import { signUnsubscribeToken } from "@/lib/campaigns/unsubscribe-token";
import { unsubscribeContact } from "@/lib/campaigns/unsubscribe-contact";
import { getEnv } from "@/lib/env";
import { createContact, createProspect } from "@/tests/factories";
import { getTestDb, resetDatabase } from "@/tests/setup/db";

const db = getTestDb();

beforeEach(async () => {
  await resetDatabase();
});

describe("resubscribeContact", () => {
  it("clears the unsubscribe and records it; a second call and a tampered token change nothing", async () => {
    const prospect = await createProspect(db);
    const contact = await createContact(db, { prospectId: prospect.id, email: "zoe@exemple.test" });
    const token = signUnsubscribeToken(contact.id, getEnv().NEXTAUTH_SECRET);
    await unsubscribeContact(db, token);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).unsubscribedAt).toBeInstanceOf(Date);

    expect(await resubscribeContact(db, `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`)).toBe(false);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).unsubscribedAt).toBeInstanceOf(Date);

    expect(await resubscribeContact(db, token)).toBe(true);
    expect(await resubscribeContact(db, token)).toBe(true);
    expect((await db.contact.findUniqueOrThrow({ where: { id: contact.id } })).unsubscribedAt).toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityType: "Contact", entityId: contact.id }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(2);
    expect(events[1]?.changes).toMatchObject({ unsubscribedAt: { to: null } });
  });
});
