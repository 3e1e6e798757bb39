// Text of a PDF as a reader would copy it, for assertions on generated documents (quotes).
// pdfjs-dist's legacy build runs in Node without a canvas or a worker file.
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export type PdfText = { pages: string[]; text: string; pageCount: number };

// Each page's text items joined by spaces (line ends as newlines); odd spaces (no-break,
// narrow no-break) normalised to plain ones so amounts compare with a plain-space string.
export async function extractPdfText(data: Uint8Array | Buffer): Promise<PdfText> {
  // pdfjs detaches the buffer it is given: hand it a copy.
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(data);
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i += 1) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : " ");
      }
      pages.push(normalizeSpaces(text));
    }
    return { pages, text: pages.join("\n"), pageCount: doc.numPages };
  } finally {
    await doc.destroy();
  }
}

export function normalizeSpaces(value: string): string {
  return value.replace(/[\u00a0\u202f\u2007\u2009]/g, " ").replace(/[ \t]+/g, " ");
}

// The whole text of a PDF given as bytes or as a file path (e.g. an attachment the SMTP sink saved).
export async function pdfText(source: string | Uint8Array | Buffer): Promise<string> {
  const data = typeof source === "string" ? await readFile(source) : source;
  return (await extractPdfText(data)).text;
}
