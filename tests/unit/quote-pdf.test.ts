import { describe, expect, it } from "vitest";
import { StandardFonts, PDFDocument } from "pdf-lib";
import { formatEuros } from "@/lib/format";
import { renderQuotePdf, toWinAnsi, type QuotePdfInput } from "@/lib/quotes/render-quote-pdf";
import { computeQuoteTotals, lineTotalHtCents } from "@/lib/quotes/totals";
import { extractPdfText, normalizeSpaces } from "@/tests/support/pdf-text";

function line(description: string, quantityMilli: number, unitPriceCents: number, vatRateBps: number) {
  return { description, quantityMilli, unitPriceCents, vatRateBps, totalHtCents: lineTotalHtCents(quantityMilli, unitPriceCents) };
}

function input(overrides: Partial<QuotePdfInput> = {}): QuotePdfInput {
  const lines = overrides.lines ?? [
    line("Audit du poste clients", 1500, 45000, 2000),
    line("Formation des équipes comptables (demi-journée)", 2000, 1999, 550),
  ];
  return {
    issuer: { name: "Affacturage Conseil SAS", addressLines: ["12 rue de Rivoli", "75001 Paris"], siren: "552100554", email: "devis@exemple.test" },
    number: "DEV-2026-0042",
    issuedAt: new Date("2026-11-22T10:00:00Z"),
    validUntil: new Date("2026-12-22T00:00:00Z"),
    client: { name: "Boulangerie Dupont", addressLines: ["3 place du Marché", "69002 Lyon"], contactName: "Mme Claire Dupont" },
    lines,
    totals: computeQuoteTotals(lines),
    paymentTerms: "Paiement à 30 jours.",
    ...overrides,
  };
}

describe("toWinAnsi", () => {
  it("keeps French text, turns odd spaces into spaces and the rest into « ? »", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const charset = new Set(font.getCharacterSet());
    expect(toWinAnsi("Écrit à l'œil : 1\u202f234,50\u00a0€ « ok »", charset)).toBe("Écrit à l'œil : 1 234,50 € « ok »");
    expect(toWinAnsi("Café 🚀 ☕️ 漢字", charset)).toBe("Café ? ? ??");
    expect(toWinAnsi("ligne\r\nsuivante\u0007", charset)).toBe("lignesuivante");
    // Decomposed accents are composed first, so they print.
    expect(toWinAnsi("e\u0301te\u0301", charset)).toBe("été");
  });
});

describe("renderQuotePdf", () => {
  it("prints number, issuer, client, lines, totals per rate, validity and mentions", async () => {
    const data = input();
    const pdf = await renderQuotePdf(data);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    const { text, pageCount } = await extractPdfText(pdf);
    expect(pageCount).toBe(1);
    expect(text).toContain("Devis DEV-2026-0042");
    expect(text).toContain("Affacturage Conseil SAS");
    expect(text).toContain("SIREN 552 100 554");
    expect(text).toContain("Client : Prospect");
    expect(text).toContain("Boulangerie Dupont");
    expect(text).toContain("69002 Lyon");
    expect(text).toContain("Mme Claire Dupont");
    expect(text).toContain("Audit du poste clients");
    expect(text).toContain("Valable jusqu'au 22/12/2026");
    expect(text).toContain("Date : 22/11/2026");
    // 675,00 + 39,98 = 714,98 HT; 20 % of 675 = 135,00; 5,5 % of 39,98 = 2,1989 → 2,20.
    expect(data.totals.totalTtcCents).toBe(71498 + 13500 + 220);
    expect(text).toContain(`Total TTC ${normalizeSpaces(formatEuros(data.totals.totalTtcCents))}`);
    expect(text).toContain("852,18 €");
    expect(text).toContain("TVA 20 % sur 675,00 €");
    expect(text).toContain("TVA 5,5 % sur 39,98 €");
    expect(text).toContain("bon pour accord");
    expect(text).toContain("Page 1 / 1");
    expect(text).not.toContain("BROUILLON");
  });

  it("survives hostile and unencodable text: markup stays text, emoji becomes « ? »", async () => {
    const pdf = await renderQuotePdf(
      input({
        client: { name: "<script>alert(1)</script> 🚀 Café", addressLines: ["1\u202frue\u2028des Fleurs"], contactName: "Zoë 👋" },
        lines: [line("Prestation 🎉 « spéciale »\nsur deux lignes", 1000, 100, 2000)],
      }),
    );
    const { text } = await extractPdfText(pdf);
    expect(text).toContain("<script>alert(1)</script> ? Café");
    expect(text).toContain("Zoë ?");
    expect(text).toContain("Prestation ? « spéciale »");
    expect(text).toContain("sur deux lignes");
  });

  it("breaks many and long lines over pages, numbering every page", async () => {
    const long = "Accompagnement ".repeat(120);
    const lines = Array.from({ length: 50 }, (_, i) => line(i === 10 ? long : `Ligne numéro ${i + 1}`, 1000, 1000 + i, 2000));
    const pdf = await renderQuotePdf(input({ lines, totals: computeQuoteTotals(lines) }));
    const { pages, pageCount } = await extractPdfText(pdf);
    expect(pageCount).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} / ${pageCount}`));
    const all = pages.join("\n");
    for (let i = 1; i <= 50; i += 1) if (i !== 11) expect(all).toContain(`Ligne numéro ${i} `);
    expect(pages[pageCount - 1]).toContain("Total TTC");
    // The table header is repeated on the following pages.
    expect(pages[1]).toContain("Désignation");
  });

  it("marks a draft preview « BROUILLON »", async () => {
    const { text } = await extractPdfText(await renderQuotePdf(input({ number: null })));
    expect(text).toContain("BROUILLON");
    expect(text).not.toContain("DEV-");
  });
});
