import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { contentDisposition } from "@/lib/attachments/file-name";
import { db as defaultDb } from "@/lib/db";
import type { DbClient } from "@/lib/prisma-client";
import { findQuoteForDownload } from "@/lib/quotes/queries";
import { loadQuotePdfInput } from "@/lib/quotes/quote-pdf-data";
import { renderQuotePdf } from "@/lib/quotes/render-quote-pdf";
import { getStorage, StorageNotFoundError, type Storage } from "@/lib/storage";

const NOT_FOUND_TEXT = "Devis introuvable : il a peut-être été supprimé.";

function notFound(): Response {
  return new Response(NOT_FOUND_TEXT, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function pdfResponse(data: Uint8Array, fileName: string): Response {
  return new Response(new Uint8Array(data), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(data.length),
      "Content-Disposition": contentDisposition(fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}

// GET /api/quotes/[id]/pdf once the actor is known. A sent quote serves the very file that was
// e-mailed; a draft gets a preview printed on the fly and marked « BROUILLON » (no number).
// Outside the actor's scope, or for partners, it is a 404 like a missing quote.
export async function quotePdfResponse(
  actor: Actor,
  id: string,
  deps: { db?: DbClient; storage?: Storage; now?: Date } = {},
): Promise<Response> {
  if (id.length === 0 || id.length > 64) return notFound();
  const db = deps.db ?? defaultDb;
  const quote = await findQuoteForDownload(actor, id, db);
  if (!quote) return notFound();

  if (quote.status === "DRAFT") {
    const pdf = await renderQuotePdf(await loadQuotePdfInput(db, quote.id, { number: null, issuedAt: deps.now ?? new Date() }));
    return pdfResponse(pdf, "devis-brouillon.pdf");
  }
  if (!quote.pdfStorageKey || !quote.number) return notFound();
  try {
    const data = await (deps.storage ?? getStorage()).get(quote.pdfStorageKey);
    return pdfResponse(data, `${quote.number}.pdf`);
  } catch (error) {
    if (error instanceof StorageNotFoundError) {
      console.error(`Quote ${quote.id} has no stored PDF under its key`);
      return notFound();
    }
    throw error;
  }
}
