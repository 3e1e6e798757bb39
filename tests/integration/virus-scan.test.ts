// With CLAMAV_URL set, an upload is scanned by clamd before it is kept: the EICAR test string
// inside a PDF (accepted and offered to staff before, issue 11) is refused; a scan that cannot
// be made refuses the file too (fail closed).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { storeAttachment } from "@/lib/attachments/store-attachment";
import { resetVirusScannerForTests, scanBuffer, VIRUS_MESSAGES } from "@/lib/attachments/virus-scan";
import { resetEnvCacheForTests } from "@/lib/env";
import { LocalDiskStorage } from "@/lib/storage/local";
import { createProspect } from "@/tests/factories";
import { getTestDb } from "@/tests/setup/db";
import { startClamd, EICAR, type Clamd } from "@/tests/support/clamd";
import { pdfBytes } from "@/tests/support/sample-files";

const db = getTestDb();
let clamd: Clamd;
let dir: string;
let storage: LocalDiskStorage;

beforeAll(async () => {
  clamd = await startClamd();
  dir = await mkdtemp(path.join(os.tmpdir(), "crm-scan-"));
  storage = new LocalDiskStorage(dir);
}, 90_000);

afterAll(async () => {
  await clamd?.stop();
  await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  delete process.env.CLAMAV_URL;
  resetEnvCacheForTests();
  resetVirusScannerForTests();
});

function useClamd(url: string) {
  process.env.CLAMAV_URL = url;
  resetEnvCacheForTests();
  resetVirusScannerForTests();
}

// A valid PDF carrying the EICAR string in a comment: a type check alone lets it through.
function infectedPdf(): Buffer {
  const pdf = pdfBytes();
  return Buffer.concat([pdf, Buffer.from(`\n% ${EICAR}\n`)]);
}

describe("virus scanning with clamd", () => {
  it("refuses the EICAR file inside a PDF and keeps nothing; a clean PDF is kept", async () => {
    useClamd(clamd.url);
    const prospect = await createProspect(db);
    await expect(
      storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "bilan.pdf", data: infectedPdf() }, { storage }),
    ).rejects.toThrow(VIRUS_MESSAGES.infected);
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(0);
    const stored = [];
    for await (const o of storage.list("")) stored.push(o);
    expect(stored).toHaveLength(0);

    await storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "bilan.pdf", data: pdfBytes() }, { storage });
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(1);
  });

  it("reports the signature found", async () => {
    expect(await scanBuffer(Buffer.from(EICAR), { url: clamd.url })).toEqual({ status: "infected", viruses: ["Crm.Test.EICAR.UNOFFICIAL"] });
  });

  it("fails closed when clamd cannot be reached", async () => {
    useClamd("tcp://127.0.0.1:9");
    const prospect = await createProspect(db);
    await expect(
      storeAttachment(db, { prospectId: prospect.id, category: "GENERAL", fileName: "bilan.pdf", data: pdfBytes() }, { storage }),
    ).rejects.toThrow(VIRUS_MESSAGES.failed);
    expect(await db.attachment.count({ where: { prospectId: prospect.id } })).toBe(0);
  });
});
