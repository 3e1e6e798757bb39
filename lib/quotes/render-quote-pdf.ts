// The printed quote (« Devis »): an A4 PDF built with pdf-lib's standard Helvetica, so no font
// file ships with the app. Standard fonts only encode WinAnsi: every user-typed string goes
// through toWinAnsi() first, so an emoji or a narrow no-break space prints as « ? » or a space
// instead of crashing the validation.
import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { formatCalendarDay, formatDate, formatEuros, formatSiren } from "@/lib/format";
import { formatQuantity, formatVatRate, type VatBreakdown } from "@/lib/quotes/totals";

export type QuotePdfInput = {
  issuer: {
    name: string;
    addressLines: string[];
    siren?: string | null;
    email?: string | null;
    phone?: string | null;
  };
  // Null for a draft preview, printed « BROUILLON ».
  number: string | null;
  issuedAt: Date;
  // A calendar day (@db.Date).
  validUntil: Date;
  client: { name: string; addressLines: string[]; contactName?: string | null };
  lines: { description: string; quantityMilli: number; unitPriceCents: number; vatRateBps: number; totalHtCents: number }[];
  totals: { totalHtCents: number; vat: VatBreakdown[]; totalTtcCents: number };
  paymentTerms: string;
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER_SPACE = 60;
const INK = rgb(0.09, 0.12, 0.2);
const MUTED = rgb(0.4, 0.45, 0.53);
const RULE = rgb(0.8, 0.83, 0.87);
const HEADER_BG = rgb(0.93, 0.95, 0.97);

// Spaces that fonts or Intl produce (no-break, narrow no-break, thin, figure…) print as a space.
const SPACE_LIKE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;

// Text the font can draw: NFC, control characters dropped, odd spaces made plain, anything the
// WinAnsi encoding lacks (emoji, CJK, combining marks left over…) replaced by « ? ».
export function toWinAnsi(value: string, charset: ReadonlySet<number>): string {
  let out = "";
  for (const char of value.normalize("NFC").replace(SPACE_LIKE, " ")) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    // Variation selectors and zero-width joiners belong to the emoji just replaced.
    if (code === 0xfe0f || code === 0xfe0e || code === 0x200d) continue;
    out += charset.has(code) ? char : "?";
  }
  return out;
}

type Fonts = { regular: PDFFont; bold: PDFFont; charset: ReadonlySet<number> };

// Greedy word wrap at a width; a word longer than the line is cut where it overflows.
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let current = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = current ? `${current} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = "";
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current = rest;
    }
    lines.push(current);
  }
  return lines;
}

class Writer {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN;
  }

  // Starts a new page unless `height` still fits above the footer.
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return false;
    this.newPage();
    return true;
  }

  text(value: string, x: number, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; alignRight?: boolean } = {}): void {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const clean = toWinAnsi(value, this.fonts.charset);
    const drawX = options.alignRight ? x - font.widthOfTextAtSize(clean, size) : x;
    this.page.drawText(clean, { x: drawX, y: this.y, size, font, color: options.color ?? INK });
  }

  rule(y: number = this.y): void {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: A4[0] - MARGIN, y }, thickness: 0.5, color: RULE });
  }
}

const COLUMNS = {
  description: MARGIN + 4,
  descriptionWidth: 235,
  quantityRight: MARGIN + 310,
  unitPriceRight: MARGIN + 385,
  vatRight: MARGIN + 425,
  totalRight: A4[0] - MARGIN - 4,
};

function money(cents: number): string {
  return formatEuros(cents);
}

function drawTableHeader(w: Writer): void {
  const top = w.y + 12;
  w.page.drawRectangle({ x: MARGIN, y: w.y - 6, width: A4[0] - 2 * MARGIN, height: top - (w.y - 6), color: HEADER_BG });
  w.text("Désignation", COLUMNS.description, { bold: true, size: 9 });
  w.text("Qté", COLUMNS.quantityRight, { bold: true, size: 9, alignRight: true });
  w.text("P.U. HT", COLUMNS.unitPriceRight, { bold: true, size: 9, alignRight: true });
  w.text("TVA", COLUMNS.vatRight, { bold: true, size: 9, alignRight: true });
  w.text("Total HT", COLUMNS.totalRight, { bold: true, size: 9, alignRight: true });
  w.y -= 22;
}

function drawHeader(w: Writer, input: QuotePdfInput): void {
  const right = A4[0] - MARGIN;
  const startY = w.y;
  // The left column stops before the quote's title on the right.
  const leftWidth = A4[0] / 2 - MARGIN - 10;
  for (const line of wrapText(toWinAnsi(input.issuer.name, w.fonts.charset), w.fonts.bold, 15, leftWidth)) {
    w.text(line, MARGIN, { size: 15, bold: true });
    w.y -= 16;
  }
  const issuerLines = [
    ...input.issuer.addressLines,
    input.issuer.siren ? `SIREN ${formatSiren(input.issuer.siren)}` : null,
    input.issuer.email ?? null,
    input.issuer.phone ?? null,
  ].filter((l): l is string => Boolean(l));
  for (const line of issuerLines.flatMap((l) => wrapText(toWinAnsi(l, w.fonts.charset), w.fonts.regular, 9, leftWidth))) {
    w.text(line, MARGIN, { size: 9, color: MUTED });
    w.y -= 12;
  }
  const leftBottom = w.y;

  w.y = startY;
  w.text(input.number ? `Devis ${input.number}` : "Devis - BROUILLON", right, { size: 18, bold: true, alignRight: true });
  w.y -= 20;
  w.text(`Date : ${formatDate(input.issuedAt)}`, right, { size: 10, alignRight: true });
  w.y -= 13;
  w.text(`Valable jusqu'au ${formatCalendarDay(input.validUntil)}`, right, { size: 10, alignRight: true });
  w.y -= 13;
  w.y = Math.min(w.y, leftBottom) - 18;

  // The client block: the generic « Prospect » customer, named after the prospect itself.
  const boxX = A4[0] / 2;
  w.text("Client : Prospect", boxX, { size: 9, color: MUTED });
  w.y -= 14;
  for (const line of wrapText(toWinAnsi(input.client.name, w.fonts.charset), w.fonts.bold, 11, right - boxX)) {
    w.text(line, boxX, { size: 11, bold: true });
    w.y -= 14;
  }
  const clientWidth = right - boxX;
  for (const line of input.client.addressLines.flatMap((l) => wrapText(toWinAnsi(l, w.fonts.charset), w.fonts.regular, 10, clientWidth))) {
    w.text(line, boxX, { size: 10 });
    w.y -= 13;
  }
  if (input.client.contactName) {
    const attention = toWinAnsi(`À l'attention de ${input.client.contactName}`, w.fonts.charset);
    for (const line of wrapText(attention, w.fonts.regular, 10, clientWidth)) {
      w.text(line, boxX, { size: 10, color: MUTED });
      w.y -= 13;
    }
  }
  w.y -= 20;
}

function drawLines(w: Writer, input: QuotePdfInput): void {
  drawTableHeader(w);
  const size = 9.5;
  const leading = 12;
  const bottom = MARGIN + FOOTER_SPACE;
  for (const line of input.lines) {
    const wrapped = wrapText(toWinAnsi(line.description, w.fonts.charset), w.fonts.regular, size, COLUMNS.descriptionWidth);
    let next = 0;
    while (next < wrapped.length) {
      const available = Math.floor((w.y - bottom) / leading);
      // A row starts on a fresh page unless it fits, or at least three of its lines do; a very
      // long description then continues under a repeated table header.
      if (available < Math.min(wrapped.length - next, 3)) {
        w.newPage();
        drawTableHeader(w);
        continue;
      }
      const chunk = wrapped.slice(next, next + available);
      const rowTop = w.y;
      if (next === 0) {
        w.text(formatQuantity(line.quantityMilli), COLUMNS.quantityRight, { size, alignRight: true });
        w.text(money(line.unitPriceCents), COLUMNS.unitPriceRight, { size, alignRight: true });
        w.text(formatVatRate(line.vatRateBps), COLUMNS.vatRight, { size, alignRight: true });
        w.text(money(line.totalHtCents), COLUMNS.totalRight, { size, alignRight: true });
      }
      chunk.forEach((text, i) => {
        w.y = rowTop - i * leading;
        w.text(text, COLUMNS.description, { size });
      });
      next += chunk.length;
      w.y = rowTop - (chunk.length - 1) * leading - 7;
      if (next < wrapped.length) {
        w.newPage();
        drawTableHeader(w);
      }
    }
    w.rule(w.y);
    w.y -= 14;
  }
}

function drawTotals(w: Writer, input: QuotePdfInput): void {
  const rows: { label: string; value: string; bold?: boolean }[] = [
    { label: "Total HT", value: money(input.totals.totalHtCents) },
    ...input.totals.vat.map((v) => ({
      label: `TVA ${formatVatRate(v.rateBps)} sur ${money(v.baseHtCents)}`,
      value: money(v.vatCents),
    })),
    { label: "Total TTC", value: money(input.totals.totalTtcCents), bold: true },
  ];
  w.ensure(rows.length * 16 + 10);
  w.y -= 4;
  const labelRight = COLUMNS.totalRight - 100;
  for (const row of rows) {
    w.text(row.label, labelRight, { size: row.bold ? 11 : 10, bold: row.bold, alignRight: true });
    w.text(row.value, COLUMNS.totalRight, { size: row.bold ? 11 : 10, bold: row.bold, alignRight: true });
    w.y -= 16;
  }
  w.y -= 10;
}

function drawMentions(w: Writer, input: QuotePdfInput): void {
  const width = A4[0] - 2 * MARGIN;
  const paragraphs = [
    `Offre valable jusqu'au ${formatCalendarDay(input.validUntil)}. Prix exprimés en euros.`,
    `Conditions de paiement : ${input.paymentTerms}`,
    "En cas de retard de paiement, des pénalités calculées à trois fois le taux d'intérêt légal sont exigibles, ainsi qu'une indemnité forfaitaire pour frais de recouvrement de 40 € (articles L441-10 et D441-5 du Code de commerce). Pas d'escompte pour paiement anticipé.",
  ];
  const size = 8.5;
  for (const paragraph of paragraphs) {
    const lines = wrapText(toWinAnsi(paragraph, w.fonts.charset), w.fonts.regular, size, width);
    w.ensure(lines.length * 11 + 4);
    for (const line of lines) {
      w.text(line, MARGIN, { size, color: MUTED });
      w.y -= 11;
    }
    w.y -= 4;
  }

  // Signature area, kept whole on one page.
  const boxHeight = 80;
  w.ensure(boxHeight + 40);
  w.y -= 8;
  const boxX = A4[0] / 2;
  w.text("Devis reçu avant l'exécution des travaux, bon pour accord", boxX, { size: 9, bold: true });
  w.y -= 13;
  w.text("Date, signature et cachet du client :", boxX, { size: 9 });
  w.page.drawRectangle({
    x: boxX,
    y: w.y - boxHeight - 6,
    width: A4[0] - MARGIN - boxX,
    height: boxHeight,
    borderColor: RULE,
    borderWidth: 0.8,
  });
  w.y -= boxHeight + 14;
}

function drawFooters(w: Writer, input: QuotePdfInput): void {
  const total = w.pages.length;
  const legal = [input.issuer.name, input.issuer.siren ? `SIREN ${formatSiren(input.issuer.siren)}` : null]
    .filter(Boolean)
    .join(" - ");
  w.pages.forEach((page, i) => {
    const pageLabel = `Page ${i + 1} / ${total}`;
    const font = w.fonts.regular;
    const cleanLegal = toWinAnsi(`${legal}${input.number ? ` - Devis ${input.number}` : ""}`, w.fonts.charset);
    page.drawText(cleanLegal, { x: MARGIN, y: MARGIN - 10, size: 8, font, color: MUTED });
    page.drawText(pageLabel, {
      x: A4[0] - MARGIN - font.widthOfTextAtSize(pageLabel, 8),
      y: MARGIN - 10,
      size: 8,
      font,
      color: MUTED,
    });
    if (!input.number) {
      page.drawText("BROUILLON", {
        x: 130,
        y: 250,
        size: 90,
        font: w.fonts.bold,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.12,
        rotate: degrees(35),
      });
    }
  });
}

export async function renderQuotePdf(input: QuotePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const title = input.number ? `Devis ${input.number}` : "Devis (brouillon)";
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  doc.setTitle(toWinAnsi(title, charset));
  doc.setAuthor(toWinAnsi(input.issuer.name, charset));
  doc.setCreator("CRM Partenaires");
  doc.setProducer("CRM Partenaires");
  doc.setCreationDate(input.issuedAt);
  doc.setModificationDate(input.issuedAt);
  doc.setLanguage("fr-FR");

  const writer = new Writer(doc, { regular, bold, charset });
  drawHeader(writer, input);
  drawLines(writer, input);
  drawTotals(writer, input);
  drawMentions(writer, input);
  drawFooters(writer, input);
  return doc.save();
}
