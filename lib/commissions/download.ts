import "server-only";
import { contentDisposition } from "@/lib/attachments/file-name";
import type { Actor } from "@/lib/auth/actor";
import { findStatementForDownload } from "@/lib/commissions/queries";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { getStorage, StorageNotFoundError, type Storage } from "@/lib/storage";

function notFound(): Response {
  return new Response("Relevé introuvable.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

// GET /api/commissions/statements/[id]/pdf: the PDF of record of a validated statement. Another
// organisation's statement, a draft for a partner, or anything unknown is a 404.
export async function statementPdfResponse(
  actor: Actor,
  id: string,
  deps: { db?: DbClient; storage?: Storage } = {},
): Promise<Response> {
  if (id.length === 0 || id.length > 64) return notFound();
  const statement = await findStatementForDownload(actor, id, deps.db ?? defaultDb);
  if (!statement?.pdfStorageKey || !statement.number) return notFound();
  try {
    const data = await (deps.storage ?? getStorage()).get(statement.pdfStorageKey);
    return new Response(new Uint8Array(data), {
      status: 200,
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(data.length),
        "Content-Disposition": contentDisposition(`${statement.number}.pdf`),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    if (error instanceof StorageNotFoundError) {
      console.error(`Statement ${statement.id} has no stored PDF under its key`);
      return notFound();
    }
    throw error;
  }
}
