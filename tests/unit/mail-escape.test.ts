import { describe, expect, it } from "vitest";
import { escapeHtml, formatMailbox, sanitizeHeader } from "@/lib/mail/escape";
import { renderEmailLayout } from "@/lib/mail/layout";
import { retryDelayMs } from "@/lib/worker/backoff";

describe("escapeHtml", () => {
  it("turns markup characters into entities", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>Tom & Jerry</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;",
    );
  });
});

describe("sanitizeHeader", () => {
  it("removes CR, LF and other control characters so no header line can be added", () => {
    expect(sanitizeHeader("Dupont\r\nBcc: evil@x.test")).toBe("Dupont Bcc: evil@x.test");
    expect(sanitizeHeader("a\nb\rc\td\u0000e\u0085f\u2028g\u2029h\u007fi")).toBe("a b c d e f g h i");
    expect(sanitizeHeader("  Société   Générale  ")).toBe("Société Générale");
  });

  it("caps the length", () => {
    const clean = sanitizeHeader("x".repeat(500));
    expect(clean).toHaveLength(250);
    expect(clean.endsWith("…")).toBe(true);
  });
});

describe("formatMailbox", () => {
  it("quotes the display name, escaping quotes, and drops line breaks", () => {
    expect(formatMailbox("a@exemple.test")).toBe("a@exemple.test");
    expect(formatMailbox("a@exemple.test", "Martin, \"Jean\"\r\nBcc: e@x")).toBe(
      '"Martin, \\"Jean\\" Bcc: e@x" <a@exemple.test>',
    );
    expect(formatMailbox("a@exemple.test", "  \r\n ")).toBe("a@exemple.test");
  });
});

describe("renderEmailLayout", () => {
  it("escapes user text in HTML and keeps it verbatim in the text version", () => {
    const { html, text } = renderEmailLayout({
      heading: "Bonjour <b>Jean</b>",
      paragraphs: ["Ligne 1\nLigne 2", "A & B"],
      details: [{ label: "Entreprise", value: "<Dupont & Fils>" }],
      action: { label: "Ouvrir le dossier", url: "https://crm.test/onboarding/abc?x=1&y=2" },
      footer: "Message automatique.",
    });
    expect(html).toContain("Bonjour &lt;b&gt;Jean&lt;/b&gt;");
    expect(html).toContain("Ligne 1<br>Ligne 2");
    expect(html).toContain("&lt;Dupont &amp; Fils&gt;");
    expect(html).toContain('href="https://crm.test/onboarding/abc?x=1&amp;y=2"');
    expect(html).not.toContain("<b>Jean</b>");
    expect(text).toBe(
      [
        "Bonjour <b>Jean</b>",
        "",
        "Ligne 1\nLigne 2",
        "",
        "A & B",
        "",
        "Entreprise : <Dupont & Fils>",
        "",
        "Ouvrir le dossier : https://crm.test/onboarding/abc?x=1&y=2",
        "",
        "--",
        "Message automatique.",
        "",
      ].join("\n"),
    );
  });

  it("refuses a link that is not http(s)", () => {
    expect(() =>
      renderEmailLayout({ heading: "x", paragraphs: [], action: { label: "x", url: "javascript:alert(1)" } }),
    ).toThrow(/http/);
  });
});

describe("retryDelayMs", () => {
  it("doubles from the base delay up to the cap", () => {
    const options = { baseMs: 60_000, maxMs: 3_600_000 };
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n, options))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1000, options)).toBe(3_600_000);
  });
});
