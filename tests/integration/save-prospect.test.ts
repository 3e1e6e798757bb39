// The prospect wizard's save: field errors through the server action, deal registration on the
// SIREN across partners, the one-favourite rule (also under concurrent edits), optimistic
// locking, the history, partner scoping, and the « Prêt à démarrer » hand-over.
import pg from "pg";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import {
  DuplicateProspectError,
  SIREN_ALREADY_YOURS_MESSAGE,
  SIREN_HAS_FILE_MESSAGE,
  SIREN_TAKEN_MESSAGE,
  uniqueViolationIndex,
} from "@/lib/prospects/deal-registration";
import {
  emptyContact,
  emptyProspectForm,
  prospectFormSchema,
  type ContactFormValues,
  type ProspectFormValues,
} from "@/lib/prospects/prospect-form-schema";
import {
  CONFIRM_READY_MESSAGE,
  OTHER_PARTNER_MESSAGE,
  saveProspect,
  STALE_VERSION_MESSAGE,
  UNKNOWN_OWNER_MESSAGE,
  UNKNOWN_TYPE_MESSAGE,
  type SavedProspect,
} from "@/lib/prospects/save-prospect";
import { centsToEurosInput } from "@/lib/prospects/euros";
import { siretFromSiren } from "@/lib/validation/siren";
import { frenchVatFromSiren } from "@/lib/validation/vat";
import { createContact, createPartner, createProspect, createUser, ensureReferenceData, sirenFrom } from "@/tests/factories";
import { getTestDatabaseUrl, getTestDb } from "@/tests/setup/db";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
const { saveProspectAction } = await import("@/lib/prospects/save-prospect-action");

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

let orgA: { id: string; name: string };
let orgB: { id: string; name: string };
let alice: Actor; // partner A
let amelie: Actor; // partner A, colleague
let bruno: Actor; // partner B
let sacha: Actor; // sales
let sirenSeq = 0;

function nextSiren(): string {
  sirenSeq += 1;
  return sirenFrom(61_000_000 + sirenSeq * 7);
}

function contact(overrides: Partial<ContactFormValues> = {}): ContactFormValues {
  sirenSeq += 1;
  return {
    ...emptyContact(false),
    civility: "MRS",
    lastName: `Durand${sirenSeq}`,
    firstName: "Claire",
    jobTitle: "Gérante",
    landlinePhone: "01 23 45 67 89",
    mobilePhone: "06 12 34 56 78",
    email: `claire${sirenSeq}@exemple.test`,
    ...overrides,
  };
}

function form(overrides: Partial<ProspectFormValues> = {}): ProspectFormValues {
  const siren = overrides.siren ?? nextSiren();
  return {
    ...emptyProspectForm(null),
    name: `Société ${siren}`,
    legalName: `SOCIETE ${siren} SAS`,
    siren,
    siret: siretFromSiren(siren),
    vatNumber: frenchVatFromSiren(siren),
    nafCode: "62.01Z",
    legalForm: "SAS",
    headcountBand: "10 à 19 salariés",
    revenueCurrentYear: "1 250 000",
    revenueForecast: "1 400 000,50",
    street: "12 RUE DE LA PAIX",
    postalCode: "75002",
    city: "PARIS",
    contacts: [contact()],
    ...overrides,
  };
}

function save(actor: Actor, values: ProspectFormValues): Promise<SavedProspect> {
  return saveProspect(db, actor, prospectFormSchema.parse(values));
}

// The form as the file page would load it, to edit and save again.
async function load(id: string): Promise<ProspectFormValues> {
  const p = await db.prospect.findUniqueOrThrow({
    where: { id },
    include: { contacts: { orderBy: { createdAt: "asc" } } },
  });
  return {
    ...emptyProspectForm(p.partnerId),
    id: p.id,
    version: p.version,
    name: p.name,
    legalName: p.legalName ?? "",
    siren: p.siren ?? "",
    siret: p.siret ?? "",
    vatNumber: p.vatNumber ?? "",
    nafCode: p.nafCode ?? "",
    legalForm: p.legalForm ?? "",
    headcountBand: p.headcountBand ?? "",
    website: p.website ?? "",
    status: p.status,
    revenueCurrentYear: centsToEurosInput(p.revenueCurrentYearCents),
    revenueForecast: centsToEurosInput(p.revenueForecastCents),
    comment: p.comment ?? "",
    recommendationActivity: p.recommendationActivity ?? "",
    recommendationNeeds: p.recommendationNeeds ?? "",
    recommendationInvoices: p.recommendationInvoices ?? "",
    street: p.street ?? "",
    postalCode: p.postalCode ?? "",
    city: p.city ?? "",
    contacts: p.contacts.map((c) => ({
      id: c.id,
      civility: c.civility ?? "",
      lastName: c.lastName,
      firstName: c.firstName,
      jobTitle: c.jobTitle ?? "",
      mobilePhone: c.mobilePhone ?? "",
      landlinePhone: c.landlinePhone,
      email: c.email ?? "",
      isFavorite: c.isFavorite,
    })),
  };
}

async function favorites(prospectId: string) {
  return db.contact.findMany({ where: { prospectId, isFavorite: true }, select: { id: true, lastName: true } });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  orgA = await createPartner(db, { name: "Cabinet Alpha Conseil" });
  orgB = await createPartner(db, { name: "Cabinet Beta Expertise" });
  alice = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, name: "Alice Alpha", passwordHash }));
  amelie = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, name: "Amélie Alpha", passwordHash }));
  bruno = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, name: "Bruno Beta", passwordHash }));
  sacha = toActor(await createUser(db, { role: "SALES", name: "Sacha Commercial", passwordHash }));
});

beforeEach(() => {
  session.actor = alice;
});

describe("field errors (server action)", () => {
  it("returns French field errors under the form's field names and writes nothing", async () => {
    const before = await db.prospect.count();
    const result = await saveProspectAction(
      form({
        siren: "732829321",
        vatNumber: "FR45732829320",
        contacts: [contact({ landlinePhone: "" }), contact({ mobilePhone: "06 12 34" })],
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.siren).toEqual(["Ce SIREN n'existe pas : vérifiez les chiffres (clé de contrôle invalide)."]);
    expect(result.fieldErrors.vatNumber?.[0]).toMatch(/^La clé de ce numéro de TVA/);
    expect(result.fieldErrors["contacts.0.landlinePhone"]).toEqual(["Le numéro de téléphone fixe est obligatoire."]);
    expect(result.fieldErrors["contacts.1.mobilePhone"]?.[0]).toMatch(/^Numéro de téléphone invalide/);
    expect(await db.prospect.count()).toBe(before);
  });

  it("checks the VAT number against the SIREN and the SIRET's prefix", async () => {
    const siren = nextSiren();
    const other = nextSiren();
    const result = await saveProspectAction(form({ siren, vatNumber: frenchVatFromSiren(other) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { vatNumber: ["Ce numéro de TVA ne correspond pas au SIREN de l'entreprise."] } });
    const siret = await saveProspectAction(form({ siren, siret: siretFromSiren(other), vatNumber: "" }));
    expect(siret).toMatchObject({ ok: false, fieldErrors: { siret: ["Le SIRET doit commencer par le SIREN de l'entreprise."] } });
  });

  it("saves valid input and answers the new id and version", async () => {
    const result = await saveProspectAction(form());
    expect(result).toMatchObject({ ok: true, data: { created: true, version: 1, status: "IN_DISCUSSION" } });
  });

  it("refuses an anonymous caller", async () => {
    session.actor = null;
    const result = await saveProspectAction(form());
    expect(result).toMatchObject({ ok: false, error: "Votre session a expiré. Reconnectez-vous pour continuer." });
  });
});

describe("creating a prospect", () => {
  it("stores the partner's organisation, the creator, amounts in cents, E.164 phones and the history", async () => {
    const values = form({ contacts: [contact({ lastName: "Premier" }), contact({ lastName: "Second" })] });
    const saved = await save(alice, values);
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: saved.id }, include: { contacts: true } });
    expect(stored).toMatchObject({
      partnerId: orgA.id,
      createdById: alice.id,
      ownerId: null,
      kind: "COMPANY",
      status: "IN_DISCUSSION",
      revenueCurrentYearCents: 125_000_000n,
      revenueForecastCents: 140_000_050n,
      version: 1,
    });
    expect(stored.contacts.map((c) => c.landlinePhone)).toEqual(["+33123456789", "+33123456789"]);
    expect(stored.contacts.find((c) => c.isFavorite)?.lastName).toBe("Premier");

    const events = await db.auditEvent.findMany({ where: { prospectId: saved.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => `${e.entityType}:${e.action}`).sort()).toEqual(["Contact:CREATE", "Contact:CREATE", "Prospect:CREATE"]);
    const created = events.find((e) => e.entityType === "Prospect");
    expect(created).toMatchObject({ actorId: alice.id, entityId: saved.id });
    expect(created?.changes).toMatchObject({ siren: values.siren, partnerId: orgA.id, revenueCurrentYearCents: 125_000_000 });
  });

  it("lets the internal team create a direct file (no partner), which they follow", async () => {
    const saved = await save(sacha, form());
    expect(await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ partnerId: null, ownerId: sacha.id });
    const forB = await save(sacha, form({ partnerId: orgB.id }));
    expect((await db.prospect.findUniqueOrThrow({ where: { id: forB.id } })).partnerId).toBe(orgB.id);
  });

  it("never lets a partner attach a prospect to another organisation", async () => {
    const siren = nextSiren();
    const error = await rejection(save(alice, form({ siren, partnerId: orgB.id })));
    expect(error).toMatchObject({ code: "VALIDATION", message: OTHER_PARTNER_MESSAGE, fieldErrors: { partnerId: [OTHER_PARTNER_MESSAGE] } });
    expect(await db.prospect.count({ where: { siren } })).toBe(0);

    const own = await save(alice, form({ partnerId: orgA.id }));
    expect((await db.prospect.findUniqueOrThrow({ where: { id: own.id } })).partnerId).toBe(orgA.id);
  });
});

describe("deal registration on the SIREN", () => {
  it("refuses a SIREN held by another partner without saying who holds it", async () => {
    const siren = nextSiren();
    const held = await save(alice, form({ siren, name: "Menuiserie Secrète" }));
    const error = await rejection(save(bruno, form({ siren })));
    expect(error).toBeInstanceOf(DuplicateProspectError);
    expect((error as DuplicateProspectError).existingProspectId).toBeNull();
    expect(error.message).toBe(SIREN_TAKEN_MESSAGE);
    for (const secret of [orgA.name, alice.name, held.id, "Menuiserie Secrète"]) expect(error.message).not.toContain(secret);

    session.actor = bruno;
    const result = await saveProspectAction(form({ siren }));
    expect(result).toEqual({ ok: false, error: SIREN_TAKEN_MESSAGE, fieldErrors: { siren: [SIREN_TAKEN_MESSAGE] } });
    expect(await db.prospect.count({ where: { siren } })).toBe(1);
  });

  it("sends the same organisation to its existing file", async () => {
    const siren = nextSiren();
    const held = await save(alice, form({ siren }));
    const error = await rejection(save(amelie, form({ siren })));
    expect(error).toMatchObject({ message: SIREN_ALREADY_YOURS_MESSAGE, existingProspectId: held.id });

    session.actor = amelie;
    const result = await saveProspectAction(form({ siren }));
    expect(result).toMatchObject({ ok: false, existingProspectId: held.id, error: SIREN_ALREADY_YOURS_MESSAGE });
  });

  it("shows the internal team which file holds the SIREN", async () => {
    const siren = nextSiren();
    const held = await save(bruno, form({ siren }));
    await expect(save(sacha, form({ siren }))).rejects.toMatchObject({ existingProspectId: held.id, message: SIREN_HAS_FILE_MESSAGE });
  });

  it("refuses moving an existing file onto a SIREN another file holds", async () => {
    const taken = nextSiren();
    await save(bruno, form({ siren: taken }));
    const mine = await save(alice, form());
    const values = await load(mine.id);
    await expect(save(alice, { ...values, siren: taken, siret: "", vatNumber: "" })).rejects.toMatchObject({
      message: SIREN_TAKEN_MESSAGE,
    });
  });

  it("frees the SIREN once the file is closed « Pas intéressé, sans suite »", async () => {
    const siren = nextSiren();
    const held = await save(alice, form({ siren }));
    await save(alice, { ...(await load(held.id)), status: "NOT_INTERESTED" });
    const taken = await save(bruno, form({ siren }));
    expect(taken.created).toBe(true);
    // Re-opening the closed file now collides with the active one.
    await expect(save(alice, { ...(await load(held.id)), status: "IN_DISCUSSION" })).rejects.toMatchObject({
      message: SIREN_TAKEN_MESSAGE,
    });
  });

  it("lets only one of two simultaneous registrations of a SIREN through", async () => {
    const siren = nextSiren();
    const outcomes = await Promise.allSettled([save(alice, form({ siren })), save(bruno, form({ siren }))]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(DuplicateProspectError);
    expect(await db.prospect.count({ where: { siren } })).toBe(1);
  });

  it("maps the unique index's refusal to the same message when another registration commits first", async () => {
    const siren = nextSiren();
    // Another registration, inserted but not yet committed: invisible to the save's check.
    const other = new pg.Client({ connectionString: getTestDatabaseUrl() });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        `INSERT INTO "Prospect" ("id", "name", "siren", "partnerId", "updatedAt") VALUES ('race-holder-' || $1, 'Concurrent', $1, $2, now())`,
        [siren, orgB.id],
      );
      const pending = save(alice, form({ siren })).then(
        () => null,
        (e: unknown) => e,
      );
      // The save's INSERT now waits on the index entry; committing makes it fail with P2002.
      await new Promise((r) => setTimeout(r, 300));
      await other.query("COMMIT");
      const error = await pending;
      expect(error).toBeInstanceOf(DuplicateProspectError);
      expect(error).toMatchObject({ message: SIREN_TAKEN_MESSAGE, existingProspectId: null });
    } finally {
      await other.end();
    }
    expect(await db.prospect.count({ where: { siren } })).toBe(1);
  });

  it("recognises the database's own guard, the partial unique index", async () => {
    const siren = nextSiren();
    await createProspect(db, { siren });
    const error = await createProspect(db, { siren }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(uniqueViolationIndex(error)).toBe("Prospect_active_siren_key");
  });
});

describe("the favourite contact", () => {
  it("makes the first contact the favourite when none is chosen, and keeps only one when several are", async () => {
    const none = await save(alice, form({ contacts: [contact({ lastName: "Un" }), contact({ lastName: "Deux" })] }));
    expect((await favorites(none.id)).map((f) => f.lastName)).toEqual(["Un"]);
    const two = await save(
      alice,
      form({ contacts: [contact({ lastName: "Un" }), contact({ lastName: "Deux", isFavorite: true }), contact({ lastName: "Trois", isFavorite: true })] }),
    );
    expect((await favorites(two.id)).map((f) => f.lastName)).toEqual(["Deux"]);
  });

  it("moves when another contact is chosen, and a deleted favourite is replaced", async () => {
    const saved = await save(
      alice,
      form({ contacts: [contact({ lastName: "Un", isFavorite: true }), contact({ lastName: "Deux" }), contact({ lastName: "Trois" })] }),
    );
    let values = await load(saved.id);
    values.contacts = values.contacts.map((c) => ({ ...c, isFavorite: c.lastName === "Trois" }));
    await save(alice, values);
    expect((await favorites(saved.id)).map((f) => f.lastName)).toEqual(["Trois"]);

    values = await load(saved.id);
    values.contacts = values.contacts.filter((c) => c.lastName !== "Trois");
    await save(alice, values);
    expect((await favorites(saved.id)).map((f) => f.lastName)).toEqual(["Un"]);
    expect(await db.contact.count({ where: { prospectId: saved.id } })).toBe(2);

    values = await load(saved.id);
    values.contacts = [];
    await save(alice, values);
    expect(await db.contact.count({ where: { prospectId: saved.id } })).toBe(0);
  });

  it("records contact changes in the history", async () => {
    const saved = await save(alice, form({ contacts: [contact({ lastName: "Un" }), contact({ lastName: "Deux" })] }));
    const values = await load(saved.id);
    const [first, second] = values.contacts;
    values.contacts = [{ ...second!, isFavorite: true, jobTitle: "Directeur administratif et financier" }];
    await save(alice, values);
    const events = await db.auditEvent.findMany({ where: { prospectId: saved.id, entityType: "Contact", action: { not: "CREATE" } } });
    const deleted = events.find((e) => e.action === "DELETE");
    expect(deleted).toMatchObject({ entityId: first!.id, actorId: alice.id });
    const updated = events.find((e) => e.action === "UPDATE");
    expect(updated?.changes).toEqual({
      jobTitle: { from: "Gérante", to: "Directeur administratif et financier" },
      isFavorite: { from: false, to: true },
    });
  });

  it("stays exactly one under two concurrent edits of the contacts", async () => {
    for (let round = 0; round < 4; round++) {
      const saved = await save(alice, form({ contacts: [contact({ lastName: "Un" }), contact({ lastName: "Deux" })] }));
      const base = await load(saved.id);
      const moveFavorite = { ...base, contacts: base.contacts.map((c) => ({ ...c, isFavorite: c.lastName === "Deux" })) };
      const replaceFavorite = {
        ...base,
        contacts: [...base.contacts.filter((c) => c.lastName !== "Un"), contact({ lastName: "Trois", isFavorite: true })],
      };
      const outcomes = await Promise.allSettled([save(alice, moveFavorite), save(amelie, replaceFavorite)]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const loser = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(loser.reason).toMatchObject({ code: "CONFLICT", message: STALE_VERSION_MESSAGE });
      expect(await favorites(saved.id)).toHaveLength(1);
      expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).version).toBe(2);
    }
  });
});

describe("optimistic locking", () => {
  it("refuses a save based on a stale version and overwrites nothing", async () => {
    const saved = await save(alice, form({ name: "Avant" }));
    const stale = await load(saved.id);
    await save(amelie, { ...(await load(saved.id)), name: "Modifié par Amélie" });
    const error = await rejection(save(alice, { ...stale, name: "Modifié par Alice", contacts: [] }));
    expect(error).toMatchObject({ code: "CONFLICT", message: STALE_VERSION_MESSAGE });
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: saved.id }, include: { contacts: true } });
    expect(stored).toMatchObject({ name: "Modifié par Amélie", version: 2 });
    expect(stored.contacts).toHaveLength(1);
  });

  it("lets only one of two simultaneous saves of the same version through", async () => {
    const saved = await save(alice, form());
    const base = await load(saved.id);
    const outcomes = await Promise.allSettled([
      save(alice, { ...base, comment: "Premier" }),
      save(sacha, { ...base, comment: "Second" }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).version).toBe(2);
  });
});

describe("history of changes", () => {
  it("records each changed field with its old and new value, and nothing when nothing changed", async () => {
    const saved = await save(alice, form({ name: "Ancien nom", revenueCurrentYear: "100 000" }));
    const values = await load(saved.id);
    const second = await save(alice, { ...values, name: "Nouveau nom", revenueCurrentYear: "120 000,50", comment: "Rappeler en janvier." });
    expect(second.version).toBe(2);
    const updates = await db.auditEvent.findMany({ where: { prospectId: saved.id, entityType: "Prospect", action: "UPDATE" } });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.changes).toEqual({
      name: { from: "Ancien nom", to: "Nouveau nom" },
      revenueCurrentYearCents: { from: 10_000_000, to: 12_000_050 },
      comment: { from: null, to: "Rappeler en janvier." },
    });

    await save(alice, await load(saved.id));
    expect(await db.auditEvent.count({ where: { prospectId: saved.id, action: "UPDATE" } })).toBe(1);
  });
});

describe("scope and permissions", () => {
  it("answers NOT_FOUND to another partner updating a prospect, and changes nothing", async () => {
    const saved = await save(alice, form({ name: "Chez Alpha" }));
    const values = await load(saved.id);
    const error = await rejection(save(bruno, { ...values, name: "Piraté" }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).name).toBe("Chez Alpha");

    session.actor = bruno;
    const result = await saveProspectAction({ ...values, name: "Piraté" });
    expect(result).toMatchObject({ ok: false, error: "Élément introuvable : il a peut-être été supprimé." });
  });

  it("lets a colleague of the same organisation and the internal team update it", async () => {
    const saved = await save(alice, form());
    const byColleague = await save(amelie, { ...(await load(saved.id)), comment: "Vu avec le dirigeant." });
    const bySales = await save(sacha, { ...(await load(saved.id)), comment: "Dossier complet." });
    expect([byColleague.version, bySales.version]).toEqual([2, 3]);
    // Saving does not move the file to the saver's organisation.
    expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).partnerId).toBe(orgA.id);
  });

  it("keeps a partner's file with its organisation even if the form names another", async () => {
    const saved = await save(alice, form());
    await expect(save(alice, { ...(await load(saved.id)), partnerId: orgB.id })).rejects.toMatchObject({
      message: OTHER_PARTNER_MESSAGE,
    });
  });
});

describe("« Prêt à démarrer »", () => {
  it("needs the « Oui » confirmation", async () => {
    const saved = await save(alice, form());
    const error = await rejection(save(alice, { ...(await load(saved.id)), status: "READY_TO_START" }));
    expect(error).toMatchObject({ code: "VALIDATION", message: CONFIRM_READY_MESSAGE });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("IN_DISCUSSION");
  });

  it("hands the file over once: alert, link and e-mails, and a double submit sends nothing more", async () => {
    await createUser(db, { role: "SALES", name: "Sam Alerte", passwordHash });
    const saved = await save(alice, form({ contacts: [contact({ email: "dirigeante@client.test" })] }));
    const values = await load(saved.id);
    const ready = { ...values, status: "READY_TO_START" as const, confirmReady: true };

    const outcomes = await Promise.allSettled([save(alice, ready), save(alice, ready)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.status).toBe("READY_TO_START");
    expect(stored.readyAt).not.toBeNull();
    const links = await db.onboardingLink.findMany({ where: { prospectId: saved.id } });
    expect(links).toHaveLength(1);
    expect(links[0]!.sentToEmail).toBe("dirigeante@client.test");
    const sent = () =>
      db.outboxEmail.count({
        where: { OR: [{ dedupeKey: { contains: saved.id } }, { dedupeKey: { in: links.map((l) => `onboarding-link:${l.id}`) } }] },
      });
    // The sales inbox alert and the client's link.
    expect(await sent()).toBe(2);
    expect(await db.notification.count({ where: { kind: "PROSPECT_READY", title: { contains: values.name } } })).toBeGreaterThan(0);

    // Saving again while already ready (e.g. a comment) does not hand it over a second time.
    await save(alice, { ...(await load(saved.id)), comment: "Documents demandés." });
    expect(await db.onboardingLink.count({ where: { prospectId: saved.id } })).toBe(1);
    expect(await sent()).toBe(2);

    const history = await db.auditEvent.findMany({ where: { prospectId: saved.id, entityType: "Prospect", action: "UPDATE" } });
    const statusChanges = history.filter((e) => (e.changes as Record<string, unknown> | null)?.status);
    expect(statusChanges).toHaveLength(1);
  });

  it("refuses without a favourite contact with an e-mail, and rolls the whole save back", async () => {
    const saved = await save(alice, form({ contacts: [contact({ email: "" })] }));
    const values = await load(saved.id);
    const error = await rejection(
      save(alice, { ...values, status: "READY_TO_START", confirmReady: true, comment: "Devrait disparaître" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.message.length).toBeGreaterThan(0);
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored).toMatchObject({ status: "IN_DISCUSSION", comment: null, version: 1, readyAt: null });
    expect(await db.onboardingLink.count({ where: { prospectId: saved.id } })).toBe(0);
  });

  it("can register a prospect directly as ready, with its first contact", async () => {
    const saved = await save(
      alice,
      form({ status: "READY_TO_START", confirmReady: true, contacts: [contact({ email: "direct@client.test" })] }),
    );
    expect(saved).toMatchObject({ created: true, status: "READY_TO_START" });
    expect(await db.onboardingLink.count({ where: { prospectId: saved.id } })).toBe(1);
  });
});

describe("contacts of another prospect", () => {
  it("refuses a contact id that does not belong to the prospect", async () => {
    const other = await createProspect(db, { partnerId: orgA.id });
    const foreign = await createContact(db, { prospectId: other.id, isFavorite: true });
    const saved = await save(alice, form());
    const values = await load(saved.id);
    const error = await rejection(save(alice, { ...values, contacts: [{ ...values.contacts[0]!, id: foreign.id }] }));
    expect(error.code).toBe("CONFLICT");
    expect((await db.contact.findUniqueOrThrow({ where: { id: foreign.id } })).prospectId).toBe(other.id);
  });
});

describe("type, sales rep and origin (internal team)", () => {
  let ref: Awaited<ReturnType<typeof ensureReferenceData>>;
  let rep: Actor;

  beforeAll(async () => {
    ref = await ensureReferenceData(db);
    rep = toActor(await createUser(db, { role: "MANAGER", name: "Maud Responsable", passwordHash }));
  });

  it("stores them, and records each change in the history", async () => {
    const [pme, eti] = ref.prospectTypes;
    const [web] = ref.origins;
    const saved = await save(sacha, form({ typeId: pme!.id, originId: web!.id, ownerId: rep.id }));
    expect(await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      typeId: pme!.id,
      originId: web!.id,
      ownerId: rep.id,
    });
    await save(sacha, { ...(await load(saved.id)), typeId: eti!.id, originId: "", ownerId: sacha.id });
    const update = await db.auditEvent.findFirstOrThrow({ where: { prospectId: saved.id, entityType: "Prospect", action: "UPDATE" } });
    expect(update.changes).toEqual({
      typeId: { from: pme!.id, to: eti!.id },
      originId: { from: web!.id, to: null },
      ownerId: { from: rep.id, to: sacha.id },
    });
  });

  it("refuses a retired value, an unknown one, or a rep who is not an active SALES or MANAGER user", async () => {
    const retired = await db.prospectType.create({ data: { name: `Retiré ${nextSiren()}`, active: false } });
    const typeError = await rejection(save(sacha, form({ typeId: retired.id })));
    expect(typeError).toMatchObject({ code: "VALIDATION", fieldErrors: { typeId: [UNKNOWN_TYPE_MESSAGE] } });
    expect((await rejection(save(sacha, form({ originId: "inexistant" })))).fieldErrors.originId).toBeDefined();
    for (const ownerId of [alice.id, "inexistant"]) {
      const error = await rejection(save(sacha, form({ ownerId })));
      expect(error.fieldErrors).toEqual({ ownerId: [UNKNOWN_OWNER_MESSAGE] });
    }
  });

  it("keeps a value retired after it was chosen when the file is saved again", async () => {
    const type = await db.prospectType.create({ data: { name: `Bientôt retiré ${nextSiren()}` } });
    const saved = await save(sacha, form({ typeId: type.id }));
    await db.prospectType.update({ where: { id: type.id }, data: { active: false } });
    const values = await load(saved.id);
    await save(sacha, { ...values, typeId: type.id, comment: "Toujours ce type." });
    expect((await db.prospect.findUniqueOrThrow({ where: { id: saved.id } })).typeId).toBe(type.id);
  });

  it("ignores them from a partner, on creation and on update", async () => {
    const [pme, eti] = ref.prospectTypes;
    const [web] = ref.origins;
    const created = await save(alice, form({ typeId: pme!.id, originId: web!.id, ownerId: sacha.id }));
    expect(await db.prospect.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      typeId: null,
      originId: null,
      ownerId: null,
    });

    const internal = await save(sacha, form({ partnerId: orgA.id, typeId: pme!.id, ownerId: rep.id }));
    await save(alice, { ...(await load(internal.id)), typeId: eti!.id, originId: web!.id, ownerId: alice.id, comment: "Vu." });
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: internal.id } });
    expect(stored).toMatchObject({ typeId: pme!.id, originId: null, ownerId: rep.id, comment: "Vu." });
    const events = await db.auditEvent.findMany({ where: { prospectId: internal.id, action: "UPDATE" } });
    expect(events.map((e) => Object.keys(e.changes as object))).toEqual([["comment"]]);
  });
});

describe("a person rather than a company", () => {
  it("needs no SIREN and stores no company field", async () => {
    const values = form({ kind: "PERSON", name: "Jeanne Martin", siren: "", siret: "", vatNumber: "" });
    expect(prospectFormSchema.safeParse(values).success).toBe(true);
    const saved = await save(sacha, { ...values, legalForm: "SAS", website: "www.exemple.fr", nafCode: "62.01Z" });
    const stored = await db.prospect.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored).toMatchObject({
      kind: "PERSON",
      name: "Jeanne Martin",
      siren: null,
      siret: null,
      legalName: null,
      legalForm: null,
      website: null,
      nafCode: null,
      vatNumber: null,
      headcountBand: null,
    });
  });

  it("lets two people be registered without a deal-registration conflict", async () => {
    const first = await save(alice, form({ kind: "PERSON", siren: "", siret: "", vatNumber: "" }));
    const second = await save(bruno, form({ kind: "PERSON", siren: "", siret: "", vatNumber: "" }));
    expect(first.id).not.toBe(second.id);
  });

  it("still requires the SIREN of a company, with the French message", async () => {
    const result = prospectFormSchema.safeParse(form({ kind: "COMPANY", siren: "", siret: "", vatNumber: "" }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      "siren",
      "Le SIREN est obligatoire : cherchez l'entreprise en ligne ou saisissez-le.",
    ]);
  });

  it("records a change of kind in the history", async () => {
    const saved = await save(sacha, form());
    const values = await load(saved.id);
    await save(sacha, { ...values, kind: "PERSON" });
    const update = await db.auditEvent.findFirstOrThrow({ where: { prospectId: saved.id, entityType: "Prospect", action: "UPDATE" } });
    expect(update.changes).toMatchObject({ kind: { from: "COMPANY", to: "PERSON" }, siren: { from: values.siren, to: null } });
  });
});
