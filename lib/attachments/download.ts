import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { contentDisposition } from "@/lib/attachments/file-name";
import { findAttachmentForActor } from "@/lib/attachments/queries";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { getStorage, StorageNotFoundError, type Storage } from "@/lib/storage";

const NOT_FOUND_TEXT = "Document introuvable : il a peut-être été supprimé.";

function notFound(): Response {
  return new Response(NOT_FOUND_TEXT, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// The body of GET /api/attachments/[id] once the actor is known: a file outside the actor's
// scope is a 404 like a missing one. The browser is told to save it (never render it), under
// the stored sanitized name, with the type detected at upload and no sniffing.
export async function attachmentDownloadResponse(
  actor: Actor,
  id: string,
  deps: { db?: DbClient; storage?: Storage } = {},
): Promise<Response> {
  if (id.length === 0 || id.length > 64) return notFound();
  const attachment = await findAttachmentForActor(actor, id, deps.db ?? defaultDb);
  if (!attachment) return notFound();

  let data: Buffer;
  try {
    data = await (deps.storage ?? getStorage()).get(attachment.storageKey);
  } catch (error) {
    if (error instanceof StorageNotFoundError) {
      console.error(`Attachment ${attachment.id} has a row but no stored file`);
      return notFound();
    }
    throw error;
  }

  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(data.length),
      "Content-Disposition": contentDisposition(attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      // Private documents: never kept by shared caches, and inert if opened anyway.
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
