import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record";
import { sanitizeFileName } from "@/lib/attachments/file-name";
import { detectAllowedType } from "@/lib/attachments/file-types";
import { checkOfficeArchive, OFFICE_ARCHIVE_MESSAGES } from "@/lib/attachments/office-archive";
import { getInstallId } from "@/lib/attachments/install-id";
import { checkUploadAllowance } from "@/lib/attachments/upload-limits";
import { scanBuffer, VIRUS_MESSAGES } from "@/lib/attachments/virus-scan";
import { EMPTY_FILE_MESSAGE, fileTooLargeMessage, UNSUPPORTED_TYPE_MESSAGE } from "@/lib/attachments/labels";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AttachmentCategory } from "@/lib/generated/prisma/enums";
import type { DbClient } from "@/lib/prisma-client";
import { getStorage, type Storage } from "@/lib/storage";

// Every attachment's object lives under this prefix; the orphan sweeper looks nowhere else.
export const ATTACHMENT_KEY_PREFIX = "attachments/";

export type StoreAttachmentInput = {
  prospectId: string;
  onboardingLinkId?: string | null;
  category: AttachmentCategory;
  // As the browser sent it: only used, sanitized, as the display name.
  fileName: string;
  data: Buffer;
  uploadedById?: string | null;
};

export type StoreAttachmentOptions = {
  storage?: Storage;
  maxBytes?: number;
};

// The field the upload forms show these messages under.
const FILE_FIELD = "file";

function invalidFile(message: string): AppError {
  return new AppError("VALIDATION", message, { [FILE_FIELD]: [message] });
}

// Zip-based office formats, unpacked and checked before acceptance.
const OFFICE_ZIP_TYPES = new Set(["docx", "xlsx", "pptx", "odt", "ods"]);

// Under this database's own prefix (attachments/<installId>/…) when its install id is given.
export function newAttachmentKey(installId?: string): string {
  return `${ATTACHMENT_KEY_PREFIX}${installId ? `${installId}/` : ""}${randomBytes(16).toString("hex")}`;
}

// Checks a file (size, type sniffed from its bytes), stores it under a random key, then inserts
// its row with an audit event. The file comes first: a crash before the insert leaves a file no
// row references, which sweepOrphanFiles() removes; a failed insert deletes it at once. Given a
// transaction, the row joins it (if that transaction later rolls back, the sweeper cleans up).
// Authorization is the caller's job: it must already have checked the prospect is in scope.
export async function storeAttachment(
  db: DbClient,
  input: StoreAttachmentInput,
  options: StoreAttachmentOptions = {},
): Promise<{ id: string }> {
  const maxBytes = options.maxBytes ?? getEnv().UPLOAD_MAX_BYTES;
  if (input.data.length === 0) throw invalidFile(EMPTY_FILE_MESSAGE);
  if (input.data.length > maxBytes) throw invalidFile(fileTooLargeMessage(maxBytes));

  const type = await detectAllowedType(input.data);
  if (!type) throw invalidFile(UNSUPPORTED_TYPE_MESSAGE);
  if (OFFICE_ZIP_TYPES.has(type.ext)) {
    const problem = checkOfficeArchive(input.data);
    if (problem) throw invalidFile(OFFICE_ARCHIVE_MESSAGES[problem]);
  }
  const refusal = await checkUploadAllowance(db, {
    prospectId: input.prospectId,
    uploadedById: input.uploadedById ?? null,
    onboardingLinkId: input.onboardingLinkId ?? null,
    sizeBytes: input.data.length,
  });
  if (refusal) throw invalidFile(refusal);
  // Before the file is kept anywhere, so staff are never offered an infected one.
  const scan = await scanBuffer(input.data);
  if (scan?.status === "infected") throw invalidFile(VIRUS_MESSAGES.infected);
  if (scan?.status === "failed") {
    console.error("Virus scan failed", scan.reason);
    throw invalidFile(VIRUS_MESSAGES.failed);
  }

  const storage = options.storage ?? getStorage();
  const fileName = sanitizeFileName(input.fileName, type.ext);
  const sha256 = createHash("sha256").update(input.data).digest("hex");
  const storageKey = newAttachmentKey(await getInstallId(db));

  await storage.put(storageKey, input.data, type.mime);
  try {
    return await inTransaction(db, async (tx) => {
      const row = await tx.attachment.create({
        data: {
          prospectId: input.prospectId,
          onboardingLinkId: input.onboardingLinkId ?? null,
          category: input.category,
          fileName,
          mimeType: type.mime,
          sizeBytes: input.data.length,
          sha256,
          storageKey,
          uploadedById: input.uploadedById ?? null,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        entityType: "Attachment",
        entityId: row.id,
        prospectId: input.prospectId,
        actorId: input.uploadedById ?? null,
        action: "CREATE",
        changes: { fileName, category: input.category, mimeType: type.mime, sizeBytes: input.data.length },
      });
      return row;
    });
  } catch (error) {
    await storage.delete(storageKey).catch((cleanupError: unknown) => {
      // The sweeper will get it; the insert's error is the one worth reporting.
      console.error("Attachment cleanup failed", cleanupError);
    });
    throw error;
  }
}

// A client opens its own transaction; a transaction passed in is simply used.
async function inTransaction<T>(db: DbClient, fn: (tx: DbClient) => Promise<T>): Promise<T> {
  if ("$transaction" in db && typeof db.$transaction === "function") return db.$transaction((tx) => fn(tx));
  return fn(db);
}
