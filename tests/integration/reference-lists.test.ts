// The admins' reference lists: add, rename, reorder, retire and delete only when unused; the
// server actions are ADMIN only; retired values are no longer offered in pickers.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listActionTypeOptions } from "@/lib/actions/queries";
import { listInternalOptions } from "@/lib/prospects/internal-options";
import { IN_USE_MESSAGE, NAME_TAKEN_MESSAGE } from "@/lib/reference/manage";
import { listReferenceLists } from "@/lib/reference/queries";
import { createAction, createProspect, createUser, ensureReferenceData } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const actions = await import("@/lib/reference/actions");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let admin: Actor;
let sales: Actor;
let seq = 0;
const unique = (label: string) => `${label} ${++seq}`;

beforeAll(async () => {
  await ensureReferenceData(db);
  admin = toActor(await createUser(db, { role: "ADMIN", name: "Adèle Admin", passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", name: "Sami Commercial", passwordHash }));
});

beforeEach(() => {
  session.actor = admin;
});

async function origins() {
  return (await listReferenceLists(db)).origins;
}

describe("permissions", () => {
  it("refuses every change to a non-admin, and writes nothing", async () => {
    session.actor = sales;
    const before = await db.origin.count();
    const result = await actions.saveReferenceNameAction({ kind: "origin", name: unique("Salon") });
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/droit|autoris|accès/i);
    const some = (await origins())[0]!;
    expect((await actions.deleteReferenceAction({ kind: "origin", id: some.id })).ok).toBe(false);
    expect((await actions.setReferenceActiveAction({ kind: "origin", id: some.id, active: false })).ok).toBe(false);
    expect(await db.origin.count()).toBe(before);
  });
});

describe("prospect types and origins", () => {
  it("adds at the end, renames, and refuses a duplicate name in French", async () => {
    const name = unique("Parrainage");
    const created = await actions.saveReferenceNameAction({ kind: "origin", name: `  ${name}  ` });
    expect(created.ok).toBe(true);
    const list = await origins();
    expect(list.at(-1)?.name).toBe(name);

    const id = list.at(-1)!.id;
    const renamed = await actions.saveReferenceNameAction({ kind: "origin", id, name: `${name} (client)` });
    expect(renamed.ok).toBe(true);
    expect((await db.origin.findUniqueOrThrow({ where: { id } })).name).toBe(`${name} (client)`);

    const duplicate = await actions.saveReferenceNameAction({ kind: "origin", name: list[0]!.name });
    expect(duplicate).toEqual({ ok: false, error: NAME_TAKEN_MESSAGE, fieldErrors: { name: [NAME_TAKEN_MESSAGE] } });
    const empty = await actions.saveReferenceNameAction({ kind: "prospectType", name: "   " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { name: ["Le nom est obligatoire."] } });
  });

  it("moves a value up and down, and does nothing past either end", async () => {
    const start = (await origins()).map((o) => o.id);
    await actions.moveReferenceAction({ kind: "origin", id: start[1]!, direction: "up" });
    expect((await origins()).map((o) => o.id)).toEqual([start[1], start[0], ...start.slice(2)]);
    await actions.moveReferenceAction({ kind: "origin", id: start[1]!, direction: "down" });
    expect((await origins()).map((o) => o.id)).toEqual(start);
    expect((await actions.moveReferenceAction({ kind: "origin", id: start[0]!, direction: "up" })).ok).toBe(true);
    expect((await origins()).map((o) => o.id)).toEqual(start);
  });

  it("deletes an unused value after confirmation, but only retires a used one", async () => {
    await actions.saveReferenceNameAction({ kind: "prospectType", name: unique("Association") });
    const types = (await listReferenceLists(db)).prospectTypes;
    const unused = types.at(-1)!;
    expect(unused.usage).toBe(0);
    expect((await actions.deleteReferenceAction({ kind: "prospectType", id: unused.id })).ok).toBe(true);
    expect(await db.prospectType.findUnique({ where: { id: unused.id } })).toBeNull();

    const used = types[0]!;
    const prospect = await createProspect(db, { typeId: used.id });
    const refused = await actions.deleteReferenceAction({ kind: "prospectType", id: used.id });
    expect(refused).toMatchObject({ ok: false, error: IN_USE_MESSAGE });
    expect(await db.prospectType.findUnique({ where: { id: used.id } })).not.toBeNull();

    expect((await actions.setReferenceActiveAction({ kind: "prospectType", id: used.id, active: false })).ok).toBe(true);
    // Still shown on the file that uses it, no longer offered for others.
    const onItsFile = await listInternalOptions(sales, { typeId: used.id }, db);
    expect(onItsFile?.types.find((t) => t.value === used.id)?.label).toBe(`${used.name} (retiré)`);
    const elsewhere = await listInternalOptions(sales, {}, db);
    expect(elsewhere?.types.map((t) => t.value)).not.toContain(used.id);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospect.id } })).typeId).toBe(used.id);

    await actions.setReferenceActiveAction({ kind: "prospectType", id: used.id, active: true });
    expect((await listInternalOptions(sales, {}, db))?.types.map((t) => t.value)).toContain(used.id);
  });

  it("answers a clear message for an unknown id", async () => {
    const result = await actions.deleteReferenceAction({ kind: "origin", id: "inexistant" });
    expect(result).toMatchObject({ ok: false, error: "Élément introuvable : il a peut-être été supprimé." });
  });
});

describe("action types", () => {
  it("refuses an appointment colour too close to another active appointment type's, with a suggestion", async () => {
    const first = await actions.saveActionTypeAction({
      name: unique("Salon"),
      color: "#ca8a04",
      category: "MEETING",
      isAppointment: true,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    expect(first.ok).toBe(true);
    const near = await actions.saveActionTypeAction({
      name: unique("Foire"),
      color: "#c98b10",
      category: "MEETING",
      isAppointment: true,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    expect(near.ok).toBe(false);
    if (near.ok) return;
    expect(near.fieldErrors.color?.[0]).toMatch(/^Couleur trop proche de celle de « Salon/);
    expect(near.fieldErrors.color?.[0]).toMatch(/Essayez par exemple #[0-9A-F]{6}\.$/);
    // Not an appointment: no calendar, no clash.
    const task = await actions.saveActionTypeAction({
      name: unique("Foire"),
      color: "#c98b10",
      category: "TASK",
      isAppointment: false,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    expect(task.ok).toBe(true);
  });

  it("adds and edits one with colour, category, « Rendez-vous » flag and templates", async () => {
    const name = unique("Visite sur site");
    const created = await actions.saveActionTypeAction({
      name,
      color: "#db2777",
      category: "MEETING",
      isAppointment: true,
      subjectTemplate: "Notre rendez-vous",
      bodyTemplate: "Bonjour {{prenom}},",
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(await db.actionType.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({
      name,
      color: "#DB2777",
      category: "MEETING",
      isAppointment: true,
      subjectTemplate: "Notre rendez-vous",
      active: true,
    });
    const edited = await actions.saveActionTypeAction({
      id: created.data.id,
      name,
      color: "#000000",
      category: "TASK",
      isAppointment: false,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    expect(edited.ok).toBe(true);
    expect(await db.actionType.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({
      category: "TASK",
      subjectTemplate: null,
      bodyTemplate: null,
    });
  });

  it("refuses a bad colour, an unknown category and a subject on two lines", async () => {
    const result = await actions.saveActionTypeAction({
      name: unique("Mauvais"),
      color: "bleu",
      category: "PARTY" as "CALL",
      isAppointment: false,
      subjectTemplate: "Objet\r\nBcc: x@y.z",
      bodyTemplate: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["category", "color", "subjectTemplate"]);
    expect(result.fieldErrors.color).toEqual(["Couleur invalide : au format #RRGGBB, par exemple #2563EB."]);
  });

  it("keeps a used type, retires it from « Ajouter une action », and deletes an unused one", async () => {
    const created = await actions.saveActionTypeAction({
      name: unique("Relance"),
      color: "#FF0000",
      category: "CALL",
      isAppointment: false,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    if (!created.ok) throw new Error(created.error);
    const prospect = await createProspect(db);
    await createAction(db, { prospectId: prospect.id, typeId: created.data.id, subject: "Rappeler" });
    expect(await actions.deleteReferenceAction({ kind: "actionType", id: created.data.id })).toMatchObject({ ok: false, error: IN_USE_MESSAGE });
    await actions.setReferenceActiveAction({ kind: "actionType", id: created.data.id, active: false });
    expect((await listActionTypeOptions(db)).map((t) => t.id)).not.toContain(created.data.id);

    const spare = await actions.saveActionTypeAction({
      name: unique("Inutile"),
      color: "#00FF00",
      category: "OTHER",
      isAppointment: false,
      subjectTemplate: "",
      bodyTemplate: "",
    });
    if (!spare.ok) throw new Error(spare.error);
    expect((await actions.deleteReferenceAction({ kind: "actionType", id: spare.data.id })).ok).toBe(true);
  });
});
