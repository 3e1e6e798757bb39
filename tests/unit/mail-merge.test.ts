import { describe, expect, it } from "vitest";
import {
  findUnknownMergeFields,
  listMergeFields,
  mergeParagraphs,
  renderMergeEmail,
  renderMergeHtmlFragment,
  renderMergeSubject,
  renderMergeText,
} from "@/lib/mail/merge";
import { QUOTE_MERGE_FIELDS, renderQuoteEmail } from "@/lib/quotes/quote-email";
import { ACTION_TYPES } from "@/tests/factories/reference-data";

describe("merge templates", () => {
  it("lists placeholders once, in order, tolerating spaces inside the braces", () => {
    expect(listMergeFields("Bonjour {{civility}} {{ lastName }}, {{lastName}} {{company}}")).toEqual(["civility", "lastName", "company"]);
    expect(listMergeFields("Aucun champ, {pas} {{ 1abc }} {{a-b}}")).toEqual([]);
    expect(findUnknownMergeFields("{{lastName}} {{societe}} {{quoteNumber}}", QUOTE_MERGE_FIELDS)).toEqual(["societe"]);
  });

  it("renders text with raw values; unknown or empty keys render empty", () => {
    expect(renderMergeText("Bonjour {{ firstName }} {{inconnu}}!", { firstName: "<Zoë>" })).toBe("Bonjour <Zoë> !");
    expect(renderMergeText("{{a}}{{b}}{{c}}", { a: 1, b: null, c: undefined })).toBe("1");
    // A value is never re-read as a template.
    expect(renderMergeText("{{a}}", { a: "{{b}}", b: "secret" })).toBe("{{b}}");
    // Prototype keys are not values.
    expect(renderMergeText("[{{constructor}}][{{toString}}]", {})).toBe("[][]");
  });

  it("escapes template text and values in HTML, with paragraphs and line breaks", () => {
    const html = renderMergeHtmlFragment("Bonjour <b>{{name}}</b>,\n\nLigne 1\nLigne 2 & fin", { name: `<script>alert("x")</script>` });
    expect(html).toBe(
      `<p>Bonjour &lt;b&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;/b&gt;,</p>\n<p>Ligne 1<br>Ligne 2 &amp; fin</p>`,
    );
    expect(mergeParagraphs("A\r\n\r\n\r\nB  {{x}}  C\n", { x: "" })).toEqual(["A", "B C"]);
  });

  it("keeps subjects on one header line", () => {
    expect(renderMergeSubject("Devis {{n}}", { n: "DEV-1\r\nBcc: evil@x.test" })).toBe("Devis DEV-1 Bcc: evil@x.test");
  });

  it("builds a complete e-mail in the CRM layout, escaped", () => {
    const email = renderMergeEmail({ subjectTemplate: "Pour {{name}}", bodyTemplate: "Bonjour {{name}}", values: { name: "<i>Léa</i>" } });
    expect(email.subject).toBe("Pour <i>Léa</i>");
    expect(email.html).toContain("Bonjour &lt;i&gt;Léa&lt;/i&gt;");
    expect(email.html).not.toContain("<i>Léa</i>");
    expect(email.text).toContain("Bonjour <i>Léa</i>");
  });
});

describe("renderQuoteEmail", () => {
  const offerType = ACTION_TYPES.find((t) => t.category === "OFFER")!;
  const base = {
    contact: { civility: "MR" as const, firstName: "Jean", lastName: "Durand" },
    company: "Durand & Cie",
    quoteNumber: "DEV-2026-0007",
    totalTtcCents: 123456,
    validUntil: new Date("2026-12-22T00:00:00Z"),
    senderName: "Sam Commercial",
  };

  it("uses the offer type's templates and every merge field", () => {
    const email = renderQuoteEmail({ ...base, templates: { subject: offerType.subjectTemplate!, body: offerType.bodyTemplate! } });
    expect(email.subject).toBe("Notre proposition DEV-2026-0007");
    expect(email.text).toContain("Bonjour M. Durand,");
    expect(email.text).toContain("notre proposition DEV-2026-0007 pour Durand & Cie.");
    expect(email.text).toContain("Sam Commercial");
    expect(email.html).toContain("Durand &amp; Cie");
  });

  it("falls back to a default text with the amount and validity", () => {
    const email = renderQuoteEmail({ ...base, contact: { ...base.contact, civility: null }, templates: { subject: null, body: "  " } });
    expect(email.subject).toBe("Votre devis DEV-2026-0007");
    expect(email.text).toContain("Bonjour Durand,");
    expect(email.text).toContain("d'un montant de 1 234,56 € TTC, valable jusqu'au 22/12/2026.");
  });
});

describe("merge fallbacks", () => {
  it("uses a placeholder's fallback text when the value is blank, and the value otherwise", () => {
    const template = "Bonjour {{firstName|Madame, Monsieur}},";
    expect(renderMergeText(template, { firstName: "Camille" })).toBe("Bonjour Camille,");
    expect(renderMergeText(template, { firstName: "" })).toBe("Bonjour Madame, Monsieur,");
    expect(renderMergeText(template, { firstName: "  " })).toBe("Bonjour Madame, Monsieur,");
    expect(renderMergeText(template, {})).toBe("Bonjour Madame, Monsieur,");
    expect(renderMergeText("{{ lastName | Client }}", { lastName: null })).toBe("Client");
  });

  it("lists a key used with a fallback like any other, and escapes the fallback in HTML", () => {
    expect(listMergeFields("{{firstName|x}} {{firstName}} {{company|<b>}}")).toEqual(["firstName", "company"]);
    expect(renderMergeHtmlFragment("{{company|<b>Vous</b>}}", {})).toBe("<p>&lt;b&gt;Vous&lt;/b&gt;</p>");
  });
});
