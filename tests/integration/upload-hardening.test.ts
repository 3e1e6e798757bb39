// Uploads an operator saw accepted (issue 11): a 1 MB DOCX that unpacks to 1 GiB, archives
// hidden in office files, 25 files in 4 s with no limit, no cap per prospect.
import { createDeflateRaw } from "node:zlib";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkOfficeArchive, OFFICE_ARCHIVE_MESSAGES } from "@/lib/attachments/office-archive";
import { storeAttachment } from "@/lib/attachments/store-attachment";
import { resetEnvCacheForTests } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local";
import { createProspect, createUser } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { docxBytes, pdfBytes, zipBytes } from "@/tests/support/sample-files";

const db = getTestDb();
const passwordHash = "$argon2id$v=19$m=19456,t=2,p=1$dGVzdHNhbHQ$dGVzdGhhc2g";
let dir: string;
let storage: LocalDiskStorage;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

// `bytes` zeros, deflated as a stream (never held uncompressed in memory).
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  const block = Buffer.alloc(1024 * 1024);
  for (let written = 0; written < bytes; written += block.length) {
    if (!deflate.write(block)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

// A DOCX whose word/document.xml is deflated `payload` (declared sizes lie, as a bomb's do).
function docxWithDeflatedPart(payload: Buffer): Buffer {
  const stored = zipBytes([{ name: "[Content_Types].xml", data: CONTENT_TYPES }]);
  const firstLocalLength = stored.readUInt32LE(stored.length - 6); // offset of the central directory
  const name = Buffer.from("word/document.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(payload.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const centralFirst = stored.subarray(firstLocalLength, stored.length - 22);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(payload.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(firstLocalLength, 42);
  const centralOffset = firstLocalLength + local.length + name.length + payload.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(centralFirst.length + central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([stored.subarray(0, firstLocalLength), local, name, payload, centralFirst, central, name, end]);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "crm-upload-"));
  storage = new LocalDiskStorage(dir);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env.UPLOAD_RATE_LIMIT;
  delete process.env.UPLOAD_PROSPECT_QUOTA_MB;
  resetEnvCacheForTests();
});

describe("office documents", () => {
  it("refuses a 1 MB DOCX that unpacks to 1 GiB, without unpacking it all", { timeout: 60_000 }, async () => {
    const bomb = docxWithDeflatedPart(await deflatedZeros(1024 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const prospect = await createProspect(db);
    await expect(storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "bombe.docx", data: bomb }, { storage, maxBytes: 15 * 1024 * 1024 })).rejects.toThrow(
      OFFICE_ARCHIVE_MESSAGES["too-large"],
    );
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(0);
  });

  it("accepts an ordinary DOCX; refuses one with an archive inside or too many entries", () => {
    expect(checkOfficeArchive(docxBytes())).toBeNull();
    const nested = zipBytes([{ name: "[Content_Types].xml", data: CONTENT_TYPES }, { name: "word/media/x.bin", data: docxBytes() }]);
    expect(checkOfficeArchive(nested)).toBe("nested-archive");
    expect(checkOfficeArchive(zipBytes([{ name: "word/embeddings/a.zip", data: "x" }]))).toBe("nested-archive");
    const many = zipBytes(Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}.xml`, data: "<a/>" })));
    expect(checkOfficeArchive(many)).toBe("too-many-entries");
    expect(checkOfficeArchive(Buffer.from("PK\u0003\u0004 pas une archive"))).toBe("unreadable");
  });
});

describe("upload limits", () => {
  it("stops a user after UPLOAD_RATE_LIMIT files in the window, with a French message", async () => {
    process.env.UPLOAD_RATE_LIMIT = "3";
    resetEnvCacheForTests();
    const user = await createUser(db, { role: "SALES", passwordHash });
    const prospect = await createProspect(db);
    const upload = () =>
      storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "a.pdf", data: pdfBytes(), uploadedById: user.id }, { storage });
    for (let i = 0; i < 3; i++) await upload();
    await expect(upload()).rejects.toThrow(/Trop de fichiers envoyés : 3 au plus en 10 minutes/);
    expect(await db.attachment.count({ where: { uploadedById: user.id } })).toBe(3);
  });

  it("caps the total size of a prospect's attachments", async () => {
    process.env.UPLOAD_PROSPECT_QUOTA_MB = "1";
    resetEnvCacheForTests();
    const prospect = await createProspect(db);
    const big = Buffer.concat([pdfBytes(), Buffer.alloc(700 * 1024, 0x20)]);
    await storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "a.pdf", data: big }, { storage });
    await expect(
      storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "b.pdf", data: big }, { storage }),
    ).rejects.toThrow(/Espace de ce dossier épuisé : 1 Mo/);
  });
});
