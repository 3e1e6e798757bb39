import "server-only";
import { contentDisposition } from "@/lib/attachments/file-name";
import type { Actor } from "@/lib/auth/actor";
import { statementPdfStorageKey } from "@/lib/commissions/manage-statements";
import { findStatementForDownload } from "@/lib/commissions/queries";
import { renderStatementPdf } from "@/lib/commissions/render-statement-pdf";
import { loadStatementPdfInput } from "@/lib/commissions/statement-pdf-data";
import { quoteIssuerFromEnv } from "@/lib/quotes/quote-pdf-data";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { getStorage, StorageNotFoundError, type Storage } from "@/lib/storage";

// Statements validated outside the app (the demo seed's history) get their PDF once, on first
// download, dated from their validation; it is then the document of record like any other.
async function issueMissingPdf(
  db: DbClient,
  storage: Storage,
  statement: { id: string; number: string; partnerId: string; validatedAt: Date | null },
): Promise<Uint8Array> {
  const pdf = await renderStatementPdf(
    await loadStatementPdfInput(db, statement.id, {
      number: statement.number,
      issuedAt: statement.validatedAt ?? new Date(),
      issuer: quoteIssuerFromEnv(),
    }),
  );
  const key = statementPdfStorageKey(statement.partnerId, statement.id);
  await storage.put(key, Buffer.from(pdf), "application/pdf");
  const { count } = await db.commissionStatement.updateMany({ where: { id: statement.id, pdfStorageKey: null }, data: { pdfStorageKey: key } });
  // Another download got there first: serve the file it recorded.
  return count === 1 ? pdf : storage.get(key);
}

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
  const db = deps.db ?? defaultDb;
  const statement = await findStatementForDownload(actor, id, db);
  if (!statement?.number) return notFound();
  const storage = deps.storage ?? getStorage();
  try {
    const data = statement.pdfStorageKey
      ? await storage.get(statement.pdfStorageKey)
      : await issueMissingPdf(db, storage, { ...statement, number: statement.number });
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
