// The printed « Relevé de commissions », rendered once at validation and kept as the document of
// record. Same approach as the quote: pdf-lib's standard Helvetica, text through toWinAnsi().
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { formatCommissionRate } from "@/lib/connections/labels";
import { formatCalendarDay, formatEuros, formatSiren } from "@/lib/format";
import { toWinAnsi, wrapText } from "@/lib/quotes/render-quote-pdf";

export type StatementPdfInput = {
  issuer: { name: string; addressLines: string[]; siren?: string | null; email?: string | null };
  number: string;
  issuedAt: Date;
  periodLabel: string;
  partner: { name: string; siren: string | null };
  // Grouped per client, each with its invoices; network clients name who introduced them.
  clients: {
    name: string;
    introducedBy: string | null;
    lines: { day: Date; invoiceNumber: string; supplierName: string; reversal: boolean; baseCents: number; rateBps: number; amountCents: number }[];
    subtotalCents: number;
  }[];
  adjustments: { reason: string; amountCents: number }[];
  totalCents: number;
  rates: { startsOn: Date; directRateBps: number; networkRateBps: number; entitlementMonths: number | null }[];
};

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const INK = rgb(0.09, 0.12, 0.2);
const MUTED = rgb(0.4, 0.45, 0.53);
const RULE = rgb(0.8, 0.83, 0.87);

type Fonts = { regular: PDFFont; bold: PDFFont; charset: ReadonlySet<number> };

class Writer {
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
    this.y = A4[1] - MARGIN;
  }
  ensure(height: number): void {
    if (this.y - height < MARGIN + 20) this.newPage();
  }
  text(value: string, x: number, o: { size?: number; bold?: boolean; muted?: boolean; right?: boolean } = {}): void {
    const size = o.size ?? 9;
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    const clean = toWinAnsi(value, this.fonts.charset);
    const drawX = o.right ? x - font.widthOfTextAtSize(clean, size) : x;
    this.page.drawText(clean, { x: drawX, y: this.y, size, font, color: o.muted ? MUTED : INK });
  }
  line(value: string, o: { size?: number; bold?: boolean; muted?: boolean } = {}): void {
    const size = o.size ?? 9;
    const font = o.bold ? this.fonts.bold : this.fonts.regular;
    for (const l of wrapText(toWinAnsi(value, this.fonts.charset), font, size, A4[0] - 2 * MARGIN)) {
      this.ensure(size + 4);
      this.text(l, MARGIN, o);
      this.y -= size + 4;
    }
  }
  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y + 8 }, end: { x: A4[0] - MARGIN, y: this.y + 8 }, thickness: 0.5, color: RULE });
  }
}

const COL = { day: MARGIN + 10, invoice: MARGIN + 70, supplier: MARGIN + 165, base: MARGIN + 355, rate: MARGIN + 410, amount: A4[0] - MARGIN };

function plain(value: string): string {
  return value.replace(/[\u00a0\u202f]/g, " ");
}

export async function renderStatementPdf(input: StatementPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  doc.setTitle(toWinAnsi(`Relevé de commissions ${input.number}`, charset));
  doc.setAuthor(toWinAnsi(input.issuer.name, charset));
  const w = new Writer(doc, { regular, bold, charset });

  w.line(input.issuer.name, { size: 14, bold: true });
  for (const l of input.issuer.addressLines) w.line(l, { muted: true });
  if (input.issuer.siren) w.line(`SIREN ${formatSiren(input.issuer.siren)}`, { muted: true });
  if (input.issuer.email) w.line(input.issuer.email, { muted: true });
  w.y -= 10;
  w.line(`Relevé de commissions ${input.number}`, { size: 16, bold: true });
  w.line(`Période : ${input.periodLabel} - émis le ${formatCalendarDay(input.issuedAt)}`);
  w.y -= 6;
  w.line(`Partenaire : ${input.partner.name}`, { bold: true, size: 11 });
  w.line(input.partner.siren ? `SIREN ${formatSiren(input.partner.siren)}` : "SIREN non renseigné", { muted: true });
  w.y -= 6;
  w.line("Convention partenaire appliquée", { bold: true });
  for (const r of input.rates) {
    const entitlement = r.entitlementMonths === null ? "sans limite de durée" : `pendant ${r.entitlementMonths} mois après le premier financement`;
    w.line(
      plain(
        `Depuis le ${formatCalendarDay(r.startsOn)} : clients directs ${formatCommissionRate(r.directRateBps)}, clients du réseau ${formatCommissionRate(r.networkRateBps)}, ${entitlement}.`,
      ),
    );
  }
  w.y -= 10;

  w.ensure(20);
  w.text("Date", COL.day, { bold: true });
  w.text("Facture", COL.invoice, { bold: true });
  w.text("Fournisseur", COL.supplier, { bold: true });
  w.text("Financé", COL.base, { bold: true, right: true });
  w.text("Taux", COL.rate, { bold: true, right: true });
  w.text("Commission", COL.amount, { bold: true, right: true });
  w.y -= 14;
  w.rule();
  for (const client of input.clients) {
    w.ensure(30);
    w.text(client.introducedBy ? `${client.name} (réseau de ${client.introducedBy})` : client.name, MARGIN, { bold: true, size: 10 });
    w.y -= 13;
    for (const l of client.lines) {
      w.ensure(14);
      w.text(formatCalendarDay(l.day), COL.day);
      w.text(l.reversal ? `${l.invoiceNumber} (annulation)` : l.invoiceNumber, COL.invoice);
      w.text(l.supplierName.slice(0, 40), COL.supplier);
      w.text(plain(formatEuros(l.baseCents)), COL.base, { right: true });
      w.text(plain(formatCommissionRate(l.rateBps)), COL.rate, { right: true });
      w.text(plain(formatEuros(l.amountCents)), COL.amount, { right: true });
      w.y -= 12;
    }
    w.text(`Sous-total ${client.name}`, COL.invoice, { muted: true });
    w.text(plain(formatEuros(client.subtotalCents)), COL.amount, { right: true, bold: true });
    w.y -= 16;
  }
  if (input.adjustments.length > 0) {
    w.ensure(30);
    w.text("Ajustements", MARGIN, { bold: true, size: 10 });
    w.y -= 13;
    for (const a of input.adjustments) {
      w.ensure(14);
      w.text(a.reason.slice(0, 80), COL.day);
      w.text(plain(formatEuros(a.amountCents)), COL.amount, { right: true });
      w.y -= 12;
    }
    w.y -= 4;
  }
  w.ensure(24);
  w.rule();
  w.text("Total du relevé", MARGIN, { bold: true, size: 11 });
  w.text(plain(formatEuros(input.totalCents)), COL.amount, { bold: true, size: 11, right: true });
  return doc.save();
}
