// The « Historique »: one entry for each kind of change on a prospect and its children, written
// by the real mutations, read back newest first and page by page; partners never read it and
// another prospect's events never show.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createAction } from "@/lib/actions/create-action";
import { deleteAttachment } from "@/lib/attachments/delete-attachment";
import { storeAttachment } from "@/lib/attachments/store-attachment";
import { addConnection, removeConnection } from "@/lib/connections/manage-connections";
import { addConnectionSchema } from "@/lib/connections/schemas";
import { AppError } from "@/lib/errors";
import { findProspectHistory, type HistoryRow } from "@/lib/history/queries";
import { changeInvoiceStatus } from "@/lib/invoices/change-status";
import { recordInvoice } from "@/lib/invoices/record-invoice";
import { changeInvoiceStatusSchema, createInvoiceSchema } from "@/lib/invoices/schemas";
import {
  emptyContact,
  emptyProspectForm,
  prospectFormSchema,
  type ContactFormValues,
  type ProspectFormValues,
} from "@/lib/prospects/prospect-form-schema";
import { saveProspect } from "@/lib/prospects/save-prospect";
import { LocalDiskStorage } from "@/lib/storage/local";
import { createPartner, createProspect, createUser, ensureReferenceData, sirenFrom } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { pdfBytes } from "@/tests/support/sample-files";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";

type User = { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null };
const toActor = (u: User): Actor => ({ id: u.id, email: u.email, name: u.name, role: u.role, partnerId: u.partnerId });

const siren = sirenFrom(73_000_011);
const supplierSiren = sirenFrom(73_000_029);

let root: string;
let storage: LocalDiskStorage;
let partner: Actor;
let sales: Actor;
let prospectId: string;
let otherProspectId: string;
let history: HistoryRow[];
const ids: Record<string, string> = {};

function contact(overrides: Partial<ContactFormValues>): ContactFormValues {
  return { ...emptyContact(false), civility: "MRS", landlinePhone: "01 23 45 67 89", ...overrides };
}

// The form as the file page loads it, to edit and save again.
async function load(id: string): Promise<ProspectFormValues> {
  const p = await db.prospect.findUniqueOrThrow({ where: { id }, include: { contacts: { orderBy: { createdAt: "asc" } } } });
  return {
    ...emptyProspectForm(p.partnerId),
    id: p.id,
    version: p.version,
    name: p.name,
    siren: p.siren ?? "",
    status: p.status,
    comment: p.comment ?? "",
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

const save = (values: ProspectFormValues) => saveProspect(db, sales, prospectFormSchema.parse(values));

// Separate transactions get distinct times, so "newest first" is observable between steps.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function entry(entityType: string, action: HistoryRow["action"], entityId?: string): HistoryRow {
  const found = history.find((r) => r.entityType === entityType && r.action === action && (!entityId || r.entityId === entityId));
  if (!found) throw new Error(`No ${action} ${entityType} entry in the history`);
  return found;
}

function change(row: HistoryRow, field: string) {
  return row.changes.find((c) => c.field === field);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "crm-history-"));
  storage = new LocalDiskStorage(root);
  const org = await createPartner(db, { name: "Cabinet Historique" });
  partner = toActor(await createUser(db, { role: "PARTNER", partnerId: org.id, passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", name: "Sacha Commercial", passwordHash }));
  const ref = await ensureReferenceData(db);
  const callTypeId = ref.actionTypes.find((t) => t.category === "CALL")!.id;
  const other = await createProspect(db, { partnerId: org.id, name: "Autre Dossier" });
  otherProspectId = other.id;

  // Prospect and first contact created.
  const created = await save({
    ...emptyProspectForm(org.id),
    name: "Boulangerie Martin",
    siren,
    contacts: [contact({ lastName: "Martin", firstName: "Claire", email: "claire@martin.test", isFavorite: true })],
  });
  prospectId = created.id;
  await tick();

  // Prospect field changed, contact edited, second contact added.
  let values = await load(prospectId);
  await save({
    ...values,
    name: "Boulangerie Martin & Fils",
    comment: "Rappeler en janvier.",
    contacts: [{ ...values.contacts[0]!, jobTitle: "Gérante" }, contact({ lastName: "Martin", firstName: "Paul" })],
  });
  await tick();

  // Second contact removed.
  values = await load(prospectId);
  ids.paul = values.contacts.find((c) => c.firstName === "Paul")!.id!;
  await save({ ...values, contacts: values.contacts.filter((c) => c.firstName !== "Paul") });
  await tick();

  const attachment = await storeAttachment(
    db,
    { prospectId, category: "BALANCE_SHEET", fileName: "bilan-2025.pdf", data: pdfBytes(), uploadedById: sales.id },
    { storage },
  );
  ids.attachment = attachment.id;
  await tick();
  await deleteAttachment(db, sales, attachment.id, { storage });
  await tick();

  const action = await createAction(db, sales, {
    prospectId,
    typeId: callTypeId,
    subject: "Appel de découverte",
    scheduledAt: "2026-12-01T10:30",
    notes: "",
  });
  ids.action = action.id;
  await tick();

  const connection = await addConnection(db, sales, addConnectionSchema.parse({ prospectId, name: "Minoterie Dupont", relation: "SUPPLIER" }));
  ids.connection = connection.id;
  await tick();
  await removeConnection(db, sales, connection.id);
  await tick();

  // « Prêt à démarrer » through the save path: status change, hand-over, onboarding link.
  values = await load(prospectId);
  await saveProspect(db, sales, prospectFormSchema.parse({ ...values, status: "READY_TO_START", confirmReady: true }));
  await tick();

  const invoice = await recordInvoice(
    db,
    createInvoiceSchema.parse({ clientSiren: siren, supplierSiren, number: "F-2026-001", supplierName: "Minoterie Dupont", amountCents: 1234567, dueDate: "2026-12-31" }),
  );
  ids.invoice = invoice.invoice.id;
  await tick();
  await changeInvoiceStatus(db, changeInvoiceStatusSchema.parse({ clientSiren: siren, supplierSiren, number: "F-2026-001", status: "VALIDATED" }));

  // Events on another prospect, which must never show in this one's history.
  await addConnection(db, sales, addConnectionSchema.parse({ prospectId: otherProspectId, name: "Ailleurs SARL", relation: "CUSTOMER" }));

  history = (await findProspectHistory(sales, prospectId, { page: 1, perPage: 100 }, db)).rows;
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("findProspectHistory", () => {
  it("records the prospect's creation with its values, by its author", () => {
    const row = entry("Prospect", "CREATE");
    expect(row.actorName).toBe("Sacha Commercial");
    expect(change(row, "name")).toEqual({ field: "name", from: null, to: "Boulangerie Martin" });
    expect(change(row, "siren")).toEqual({ field: "siren", from: null, to: siren });
    // The partner reference reads as the organisation's name, not its id.
    expect(change(row, "partnerId")?.to).toBe("Cabinet Historique");
  });

  it("records a field's change from its old value to its new one", () => {
    const row = history.find((r) => r.entityType === "Prospect" && r.action === "UPDATE" && change(r, "name"));
    expect(row).toBeDefined();
    expect(change(row!, "name")).toEqual({ field: "name", from: "Boulangerie Martin", to: "Boulangerie Martin & Fils" });
    expect(change(row!, "comment")).toEqual({ field: "comment", from: null, to: "Rappeler en janvier." });
  });

  it("records contacts created, edited and deleted, labelled by the contact's name", () => {
    const creates = history.filter((r) => r.entityType === "Contact" && r.action === "CREATE");
    expect(creates.map((r) => r.entityLabel).sort()).toEqual(["Claire Martin", "Paul Martin"]);
    const update = entry("Contact", "UPDATE");
    expect(update.entityLabel).toBe("Claire Martin");
    expect(change(update, "jobTitle")).toEqual({ field: "jobTitle", from: null, to: "Gérante" });
    // The deleted contact is gone from the table: its label comes from the event's snapshot.
    const deleted = entry("Contact", "DELETE", ids.paul);
    expect(deleted.entityLabel).toBe("Paul Martin");
    expect(change(deleted, "firstName")).toEqual({ field: "firstName", from: "Paul", to: null });
  });

  it("records an attachment's upload and deletion", () => {
    const created = entry("Attachment", "CREATE", ids.attachment);
    expect(created.entityLabel).toBe("bilan-2025.pdf");
    expect(change(created, "category")?.to).toBe("BALANCE_SHEET");
    const deleted = entry("Attachment", "DELETE", ids.attachment);
    expect(deleted.actorName).toBe("Sacha Commercial");
    expect(change(deleted, "fileName")?.from).toBe("bilan-2025.pdf");
  });

  it("records an action's creation", () => {
    const row = entry("Action", "CREATE", ids.action);
    expect(row.entityLabel).toBe("Appel de découverte");
    expect(change(row, "subject")?.to).toBe("Appel de découverte");
    expect(change(row, "dueAt")?.to).toBe(new Date("2026-12-01T09:30:00Z").toISOString());
  });

  it("records a connection added then removed", () => {
    expect(entry("Connection", "CREATE", ids.connection).entityLabel).toBe("Minoterie Dupont");
    const removed = entry("Connection", "DELETE", ids.connection);
    expect(change(removed, "relation")).toEqual({ field: "relation", from: "SUPPLIER", to: null });
  });

  it("records the move to « Prêt à démarrer » and the onboarding link it sent", () => {
    const ready = history.filter((r) => r.entityType === "Prospect" && r.action === "UPDATE" && change(r, "status"));
    expect(ready).toHaveLength(1);
    expect(change(ready[0]!, "status")).toEqual({ field: "status", from: "IN_DISCUSSION", to: "READY_TO_START" });
    const link = entry("OnboardingLink", "CREATE");
    expect(change(link, "sentToEmail")?.to).toBe("claire@martin.test");
  });

  it("records invoices pushed by the platform and their status changes, without a CRM user", () => {
    const created = entry("Invoice", "CREATE", ids.invoice);
    expect(created.actorName).toBeNull();
    expect(created.entityLabel).toBe("n° F-2026-001 — Minoterie Dupont");
    expect(change(created, "amountCents")?.to).toBe(1234567);
    const validated = entry("Invoice", "UPDATE", ids.invoice);
    expect(change(validated, "status")).toEqual({ field: "status", from: "SUBMITTED", to: "VALIDATED" });
    expect(change(validated, "validatedAt")?.from).toBeNull();
    expect(change(validated, "validatedAt")?.to).toEqual(expect.any(String));
  });

  it("writes nothing more when the platform repeats a call", async () => {
    const before = await db.auditEvent.count({ where: { prospectId } });
    const again = await recordInvoice(
      db,
      createInvoiceSchema.parse({ clientSiren: siren, supplierSiren, number: "F-2026-001", supplierName: "Minoterie Dupont", amountCents: 1234567, dueDate: "2026-12-31" }),
    );
    expect(again.created).toBe(false);
    await changeInvoiceStatus(db, changeInvoiceStatusSchema.parse({ clientSiren: siren, supplierSiren, number: "F-2026-001", status: "VALIDATED" }));
    expect(await db.auditEvent.count({ where: { prospectId } })).toBe(before);
  });

  it("lists newest first", () => {
    const times = history.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(history[0]).toMatchObject({ entityType: "Invoice", action: "UPDATE" });
    expect(history.at(-1)?.entityType === "Prospect" || history.at(-1)?.entityType === "Contact").toBe(true);
  });

  it("pages the history on the server, a page past the end showing the last one", async () => {
    const total = history.length;
    expect(total).toBeGreaterThan(10);
    const second = await findProspectHistory(sales, prospectId, { page: 2, perPage: 5 }, db);
    expect(second).toMatchObject({ total, page: 2, perPage: 5 });
    expect(second.rows.map((r) => r.id)).toEqual(history.slice(5, 10).map((r) => r.id));
    const last = Math.ceil(total / 5);
    const beyond = await findProspectHistory(sales, prospectId, { page: 999, perPage: 5 }, db);
    expect(beyond.page).toBe(last);
    expect(beyond.rows.map((r) => r.id)).toEqual(history.slice((last - 1) * 5).map((r) => r.id));
  });

  it("never shows another prospect's events", async () => {
    const otherIds = (await db.auditEvent.findMany({ where: { prospectId: otherProspectId }, select: { id: true } })).map((e) => e.id);
    expect(otherIds.length).toBeGreaterThan(0);
    expect(history.some((r) => otherIds.includes(r.id))).toBe(false);
    const other = await findProspectHistory(sales, otherProspectId, { page: 1 }, db);
    expect(other.rows.map((r) => r.entityLabel)).toEqual(["Ailleurs SARL"]);
  });

  it("answers NOT_FOUND to a partner, even for a prospect of its own organisation", async () => {
    expect((await db.prospect.findUniqueOrThrow({ where: { id: prospectId } })).partnerId).toBe(partner.partnerId);
    const error = await findProspectHistory(partner, prospectId, { page: 1 }, db).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
  });

  it("renders the tab with French labels, formatted values and the pages in the URL", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { HistoryPanel } = await import("@/components/prospects/history-panel");
    const html = renderToStaticMarkup(await HistoryPanel({ prospectId, actor: sales, page: 1 }));
    expect(html).toContain("Historique");
    expect(html).toContain("Facture « n° F-2026-001 — Minoterie Dupont »");
    expect(html).toContain("par Plateforme de financement");
    expect(html).toContain("Validée");
    expect(html).toContain("Prêt à démarrer");
    expect(html).toContain("par Sacha Commercial");
    // Seventeen events: one page, no page links.
    expect(html).not.toContain("Page 1 sur");

    const busy = await createProspect(db, { name: "Dossier chargé" });
    for (let n = 1; n <= 21; n += 1) {
      await addConnection(db, sales, addConnectionSchema.parse({ prospectId: busy.id, name: `Fournisseur ${n}`, relation: "SUPPLIER" }));
    }
    const first = renderToStaticMarkup(await HistoryPanel({ prospectId: busy.id, actor: sales, page: 1 }));
    expect(first).toContain("Page 1 sur 2");
    expect(first).toContain(`href="/prospects/${busy.id}?onglet=historique&amp;historique=2"`);
    expect(first.match(/<li /g)).toHaveLength(20);
    expect(first).toContain("Connexion « Fournisseur 21 »");
    const second = renderToStaticMarkup(await HistoryPanel({ prospectId: busy.id, actor: sales, page: 2 }));
    expect(second).toContain("Page 2 sur 2");
    expect(second).toContain(`href="/prospects/${busy.id}?onglet=historique"`);
    expect(second.match(/<li /g)).toHaveLength(1);
    expect(second).toContain("Connexion « Fournisseur 1 »");

    const empty = await createProspect(db, { name: "Dossier vide" });
    expect(renderToStaticMarkup(await HistoryPanel({ prospectId: empty.id, actor: sales, page: 1 }))).toContain(
      "Aucune modification enregistrée pour ce dossier.",
    );
  });

  it("answers NOT_FOUND for an unknown prospect", async () => {
    await expect(findProspectHistory(sales, "inconnu", { page: 1 }, db)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
