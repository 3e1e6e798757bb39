// « Pièces jointes »: what storeAttachment accepts and refuses, that a row never exists without
// its file (and a file without a row does not outlive the sweeper), and that downloads, uploads
// and deletions stay within the actor's scope.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { deleteAttachment } from "@/lib/attachments/delete-attachment";
import { attachmentDownloadResponse } from "@/lib/attachments/download";
import { listAttachments } from "@/lib/attachments/queries";
import { getInstallId } from "@/lib/attachments/install-id";
import { ATTACHMENT_KEY_PREFIX, storeAttachment } from "@/lib/attachments/store-attachment";
import { sweepOrphanFiles } from "@/lib/attachments/sweep-orphans";
import { handleAttachmentUpload } from "@/lib/attachments/upload";
import { AppError } from "@/lib/errors";
import { LocalDiskStorage } from "@/lib/storage/local";
import { createPartner, createProspect, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { cfbBytes, docxBytes, exeBytes, htmlBytes, pdfBytes, pngBytes, svgBytes } from "@/tests/support/sample-files";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
const MAX = 64 * 1024;

let root: string;
let storage: LocalDiskStorage;
let partnerA: Actor;
let partnerB: Actor;
let sales: Actor;
let prospectA: { id: string };
let prospectB: { id: string };

const toActor = (u: { id: string; email: string; name: string; role: Actor["role"]; partnerId: string | null }): Actor => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  partnerId: u.partnerId,
});

async function storedKeys(): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list(ATTACHMENT_KEY_PREFIX)) keys.push(object.key);
  return keys.sort();
}

async function expectRefused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("VALIDATION");
  expect((error as AppError).message).toMatch(message);
  expect((error as AppError).fieldErrors.file?.[0]).toMatch(message);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "crm-attachments-"));
  storage = new LocalDiskStorage(root);
  const orgA = await createPartner(db, { name: "Cabinet Alpha" });
  const orgB = await createPartner(db, { name: "Cabinet Beta" });
  partnerA = toActor(await createUser(db, { role: "PARTNER", partnerId: orgA.id, passwordHash, name: "Alice Alpha" }));
  partnerB = toActor(await createUser(db, { role: "PARTNER", partnerId: orgB.id, passwordHash }));
  sales = toActor(await createUser(db, { role: "SALES", passwordHash }));
  prospectA = await createProspect(db, { partnerId: orgA.id, name: "Client Alpha" });
  prospectB = await createProspect(db, { partnerId: orgB.id, name: "Client Beta" });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  await db.auditEvent.deleteMany();
  await db.attachment.deleteMany();
  await rm(path.join(root, "attachments"), { recursive: true, force: true });
});

const store = (data: Buffer, fileName: string, extra: { prospectId?: string } = {}) =>
  storeAttachment(
    db,
    { prospectId: extra.prospectId ?? prospectA.id, category: "BALANCE_SHEET", fileName, data, uploadedById: partnerA.id },
    { storage, maxBytes: MAX },
  );

describe("storeAttachment", () => {
  it("stores a PDF: file under a random key, row with the detected type, size, SHA-256, and an audit event", async () => {
    const data = pdfBytes();
    const { id } = await store(data, "Bilan 2025.pdf");
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      prospectId: prospectA.id,
      category: "BALANCE_SHEET",
      fileName: "Bilan 2025.pdf",
      mimeType: "application/pdf",
      sizeBytes: data.length,
      uploadedById: partnerA.id,
    });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Under this database's own prefix: attachments/<installId>/<random>.
    expect(row.storageKey).toBe(`attachments/${await getInstallId(db)}/${row.storageKey.split("/")[2]}`);
    expect(row.storageKey).toMatch(/^attachments\/[0-9a-f]{32}\/[0-9a-f]{32}$/);
    expect((await storage.get(row.storageKey)).equals(data)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Attachment", entityId: id } });
    expect(audit).toMatchObject({ action: "CREATE", prospectId: prospectA.id, actorId: partnerA.id });
    expect(audit.changes).toMatchObject({ fileName: "Bilan 2025.pdf", category: "BALANCE_SHEET" });
  });

  it("accepts images and office documents, new and legacy", async () => {
    const png = await store(pngBytes(), "scan.png");
    const docx = await store(docxBytes(), "statuts.docx");
    const doc = await store(cfbBytes(["WordDocument", "1Table"]), "ancien.doc");
    const types = await db.attachment.findMany({ where: { id: { in: [png.id, docx.id, doc.id] } }, select: { mimeType: true } });
    expect(types.map((t) => t.mimeType).sort()).toEqual([
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "image/png",
    ]);
  });

  it("refuses a file over the size limit, and an empty one, storing nothing", async () => {
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(MAX)]);
    await expectRefused(store(big, "gros.pdf"), /taille maximale autorisée \(64 Ko\)/);
    await expectRefused(store(Buffer.alloc(0), "vide.pdf"), /vide/);
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
  });

  it("judges the content, not the name: HTML, SVG or an executable named .pdf is refused", async () => {
    await expectRefused(store(htmlBytes(), "bilan.pdf"), /type de fichier n'est pas accepté/);
    await expectRefused(store(svgBytes(), "logo.pdf"), /type de fichier n'est pas accepté/);
    await expectRefused(store(exeBytes(), "facture.pdf"), /type de fichier n'est pas accepté/);
    await expectRefused(store(cfbBytes(["Property", "SummaryInformation"]), "setup.doc"), /type de fichier/);
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
  });

  it("stores a path-traversal name as a harmless base name, the file inside the storage directory", async () => {
    const { id } = await store(pdfBytes(), "../../../../etc/cron.d/evil.pdf");
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    expect(row.fileName).toBe("evil.pdf");
    expect(row.storageKey).not.toContain("evil");
    const [, installId, name] = row.storageKey.split("/");
    expect(await readdir(path.join(root, "attachments"))).toEqual([installId]);
    expect(await readdir(path.join(root, "attachments", installId!))).toEqual([name]);
    expect(await readdir(root)).toEqual(["attachments"]);
  });

  it("deletes the stored file when the row cannot be inserted", async () => {
    await expect(store(pdfBytes(), "bilan.pdf", { prospectId: "prospect-inexistant" })).rejects.toThrow();
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
  });

  it("joins the caller's transaction: a rollback leaves only an orphan file, which the sweeper removes", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await storeAttachment(tx, { prospectId: prospectA.id, category: "ID_DOCUMENT", fileName: "cni.png", data: pngBytes() }, { storage, maxBytes: MAX });
        throw new Error("la suite de la transaction échoue");
      }),
    ).rejects.toThrow(/échoue/);
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toHaveLength(1);
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await sweepOrphanFiles(3_600_000, { db, storage, now: later })).toEqual({ scanned: 1, deleted: 1 });
    expect(await storedKeys()).toEqual([]);
  });
});

describe("sweepOrphanFiles", () => {
  it("removes old files no row references, keeps referenced files and recent ones", async () => {
    const kept = await store(pdfBytes(), "garde.pdf");
    const keptKey = (await db.attachment.findUniqueOrThrow({ where: { id: kept.id } })).storageKey;
    const own = `attachments/${await getInstallId(db)}`;
    await storage.put(`${own}/orphelin`, pdfBytes(), "application/pdf");
    await storage.put(`${own}/envoi-en-cours.0a1b.part`, Buffer.from("%PDF-1.4 part"), "application/pdf");
    // Another database's file in the same store: never this sweep's to delete.
    await storage.put("attachments/0123456789abcdef0123456789abcdef/autre-base", pdfBytes(), "application/pdf");
    await storage.put("other/not-an-attachment", Buffer.from("x"), "text/plain");

    // Everything was just written: an upload in flight is younger than the threshold.
    expect(await sweepOrphanFiles(3_600_000, { db, storage })).toEqual({ scanned: 3, deleted: 0 });

    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await sweepOrphanFiles(3_600_000, { db, storage, now: later })).toEqual({ scanned: 3, deleted: 2 });
    expect((await storedKeys()).sort()).toEqual([keptKey, "attachments/0123456789abcdef0123456789abcdef/autre-base"].sort());
    expect((await storage.get("other/not-an-attachment")).toString()).toBe("x");
  });
});

describe("download", () => {
  it("sends the file to an actor in scope, as an attachment with the stored type and name", async () => {
    const data = pdfBytes();
    const { id } = await store(data, "Bilan 2025 (définitif).pdf");
    for (const actor of [partnerA, sales]) {
      const response = await attachmentDownloadResponse(actor, id, { db, storage });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="Bilan 2025 (definitif).pdf"; filename*=UTF-8''Bilan%202025%20%28d%C3%A9finitif%29.pdf`,
      );
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toContain("no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(data)).toBe(true);
    }
  });

  it("answers 404 to another partner, for an unknown id, and when the file is gone", async () => {
    const { id } = await store(pdfBytes(), "bilan.pdf");
    expect((await attachmentDownloadResponse(partnerB, id, { db, storage })).status).toBe(404);
    expect((await attachmentDownloadResponse(partnerA, "inconnu", { db, storage })).status).toBe(404);
    const row = await db.attachment.findUniqueOrThrow({ where: { id } });
    await storage.delete(row.storageKey);
    expect((await attachmentDownloadResponse(partnerA, id, { db, storage })).status).toBe(404);
  });

  it("keeps the documents a client sent through its onboarding link from the partner", async () => {
    const contactLink = await db.onboardingLink.create({
      data: {
        prospectId: prospectA.id,
        tokenHash: "a".repeat(64),
        sentToEmail: "client@exemple.test",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const { id } = await storeAttachment(
      db,
      { prospectId: prospectA.id, onboardingLinkId: contactLink.id, category: "ID_DOCUMENT", fileName: "cni.png", data: pngBytes() },
      { storage, maxBytes: MAX },
    );
    expect((await attachmentDownloadResponse(partnerA, id, { db, storage })).status).toBe(404);
    expect((await listAttachments(partnerA, prospectA.id, db)).map((a) => a.id)).not.toContain(id);
    expect((await attachmentDownloadResponse(sales, id, { db, storage })).status).toBe(200);
    expect((await listAttachments(sales, prospectA.id, db)).map((a) => a.id)).toContain(id);
  });
});

function uploadRequest(
  fields: { prospectId?: string; category?: string; file?: { data: Buffer; name: string } },
  headers: Record<string, string> = {},
): Request {
  const form = new FormData();
  if (fields.prospectId !== undefined) form.set("prospectId", fields.prospectId);
  if (fields.category !== undefined) form.set("category", fields.category);
  if (fields.file) form.set("file", new File([new Uint8Array(fields.file.data)], fields.file.name, { type: "application/pdf" }));
  return new Request("http://localhost:3000/api/attachments", {
    method: "POST",
    body: form,
    headers: { host: "localhost:3000", origin: "http://localhost:3000", ...headers },
  });
}

describe("POST /api/attachments (handler core)", () => {
  const deps = () => ({ db, storage, maxBytes: MAX });

  it("stores a file for the prospect's partner and lists it", async () => {
    const response = await handleAttachmentUpload(
      partnerA,
      uploadRequest({ prospectId: prospectA.id, category: "GENERAL", file: { data: pdfBytes(), name: "plaquette.pdf" } }),
      deps(),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { ok: boolean; data: { id: string } };
    expect(body.ok).toBe(true);
    const listed = await listAttachments(partnerA, prospectA.id, db);
    expect(listed.map((a) => [a.id, a.fileName, a.category, a.uploadedBy?.name])).toEqual([
      [body.data.id, "plaquette.pdf", "GENERAL", "Alice Alpha"],
    ]);
  });

  it("answers 404 for another partner's prospect and 401 without a session, storing nothing", async () => {
    const request = () =>
      uploadRequest({ prospectId: prospectB.id, category: "GENERAL", file: { data: pdfBytes(), name: "x.pdf" } });
    const foreign = await handleAttachmentUpload(partnerA, request(), deps());
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ ok: false, error: expect.stringMatching(/introuvable/) });
    expect((await handleAttachmentUpload(null, request(), deps())).status).toBe(401);
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
  });

  it("refuses a cross-site request", async () => {
    const response = await handleAttachmentUpload(
      partnerA,
      uploadRequest(
        { prospectId: prospectA.id, category: "GENERAL", file: { data: pdfBytes(), name: "x.pdf" } },
        { origin: "https://evil.example" },
      ),
      deps(),
    );
    expect(response.status).toBe(403);
  });

  it("gives French field errors: disguised HTML, too large, missing file, unknown category", async () => {
    const html = await handleAttachmentUpload(
      partnerA,
      uploadRequest({ prospectId: prospectA.id, category: "GENERAL", file: { data: htmlBytes(), name: "bilan.pdf" } }),
      deps(),
    );
    expect(html.status).toBe(422);
    expect(await html.json()).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringMatching(/n'est pas accepté/)] } });

    const big = await handleAttachmentUpload(
      partnerA,
      uploadRequest({ prospectId: prospectA.id, category: "GENERAL", file: { data: Buffer.alloc(MAX + 1, 1), name: "gros.pdf" } }),
      deps(),
    );
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ fieldErrors: { file: [expect.stringMatching(/taille maximale/)] } });

    const missing = await handleAttachmentUpload(partnerA, uploadRequest({ prospectId: prospectA.id, category: "GENERAL" }), deps());
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ fieldErrors: { file: ["Choisissez un fichier à joindre."] } });

    const category = await handleAttachmentUpload(
      partnerA,
      uploadRequest({ prospectId: prospectA.id, category: "SECRET", file: { data: pdfBytes(), name: "x.pdf" } }),
      deps(),
    );
    expect(category.status).toBe(422);
    expect(await category.json()).toMatchObject({ fieldErrors: { category: ["Choisissez une catégorie de document."] } });

    const garbage = await handleAttachmentUpload(
      partnerA,
      new Request("http://localhost:3000/api/attachments", {
        method: "POST",
        body: "pas un formulaire",
        headers: { "content-type": "multipart/form-data; boundary=x" },
      }),
      deps(),
    );
    expect(garbage.status).toBe(400);
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
  });

  it("stops reading a body beyond the limit even without Content-Length", async () => {
    const chunk = new Uint8Array(16 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 10 * MAX) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost:3000/api/attachments", {
      method: "POST",
      body,
      headers: { "content-type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    const response = await handleAttachmentUpload(partnerA, request, deps());
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(3 * MAX);
  });
});

describe("deleteAttachment", () => {
  it("is not found for another partner, and the file stays", async () => {
    const { id } = await store(pdfBytes(), "bilan.pdf");
    await expect(deleteAttachment(db, partnerB, id, { storage })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.attachment.count()).toBe(1);
    expect(await storedKeys()).toHaveLength(1);
  });

  it("removes the row with an audit event, then the stored file", async () => {
    const { id } = await store(pdfBytes(), "bilan.pdf");
    await expect(deleteAttachment(db, partnerA, id, { storage })).resolves.toEqual({ prospectId: prospectA.id });
    expect(await db.attachment.count()).toBe(0);
    expect(await storedKeys()).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "DELETE" } });
    expect(audit).toMatchObject({ entityType: "Attachment", prospectId: prospectA.id, actorId: partnerA.id });
    expect(audit.changes).toMatchObject({ fileName: "bilan.pdf" });
    await expect(deleteAttachment(db, partnerA, id, { storage })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
