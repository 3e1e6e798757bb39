// Action.partnerId is its prospect's partnerId, kept so by database triggers in the same
// transaction as the change (migration 20261206143000_action_partner_id), whatever writes it;
// the partner dashboard's « Prochaines actions » reads it instead of joining the prospects.
import { beforeAll, describe, expect, it } from "vitest";
import { findUpcomingActions } from "@/lib/dashboard/queries";
import { createAction, createPartner, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let partnerA: string;
let partnerB: string;
let typeId: string;

beforeAll(async () => {
  typeId = (await ensureReferenceData(db)).actionTypes[0]!.id;
  partnerA = (await createPartner(db, { name: "Cabinet A" })).id;
  partnerB = (await createPartner(db, { name: "Cabinet B" })).id;
});

const partnerOf = async (id: string) => (await db.action.findUniqueOrThrow({ where: { id }, select: { partnerId: true } })).partnerId;

describe("Action.partnerId", () => {
  it("is the prospect's partner from the insert on, and follows a change of partner or prospect", async () => {
    const p = await createProspect(db, { name: "Prospect A", partnerId: partnerA });
    const other = await createProspect(db, { name: "Prospect direct" });
    const action = await createAction(db, { prospectId: p.id, typeId, subject: "Appeler" });
    expect(await partnerOf(action.id)).toBe(partnerA);
    await db.prospect.update({ where: { id: p.id }, data: { partnerId: partnerB } });
    expect(await partnerOf(action.id)).toBe(partnerB);
    await db.action.update({ where: { id: action.id }, data: { prospectId: other.id } });
    expect(await partnerOf(action.id)).toBeNull();
    await db.action.update({ where: { id: action.id }, data: { partnerId: partnerA } });
    expect(await partnerOf(action.id)).toBeNull();
  });

  it("gives a partner's dashboard its own open actions only, soonest first", async () => {
    const org = await createPartner(db, { name: "Cabinet Tableau" });
    const u = await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash, name: "Pia Tableau" });
    const mine = await createProspect(db, { name: "Le mien", partnerId: org.id });
    const theirs = await createProspect(db, { name: "Le leur", partnerId: partnerA });
    const t0 = Date.UTC(2026, 5, 1);
    await createAction(db, { prospectId: mine.id, typeId, subject: "Plus tard", dueAt: new Date(t0 + 86_400_000) });
    await createAction(db, { prospectId: mine.id, typeId, subject: "Bientôt", dueAt: new Date(t0) });
    await createAction(db, { prospectId: mine.id, typeId, subject: "Déjà fait", done: true, doneAt: new Date(t0) });
    await createAction(db, { prospectId: theirs.id, typeId, subject: "Pas à moi", dueAt: new Date(t0) });
    const actor = { id: u.id, email: u.email, name: u.name, role: u.role, partnerId: org.id };
    expect((await findUpcomingActions(actor, db)).map((a) => a.subject)).toEqual(["Bientôt", "Plus tard"]);
  });
});
