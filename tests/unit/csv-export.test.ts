import { describe, expect, it } from "vitest";
import { attachmentDisposition, CSV_BOM, csvField, csvRow, neutralizeFormula, quoteCsvField } from "@/lib/reports/csv";
import { formatExportDateTime, parisWallClock } from "@/lib/reports/export-values";

describe("formula-injection neutralisation", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+33612345678", "'+33612345678"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=cmd", "'\t=cmd"],
    ["\r=cmd", "'\r=cmd"],
  ])("prefixes %j with an apostrophe", (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each(["Dupont SAS", "", "1=1", " =x", "'déjà"])("leaves %j alone", (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it("neutralises text cells but writes numbers as numbers, negatives included", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("-12")).toBe("'-12");
    expect(csvField(-12.5)).toBe("-12,5");
    expect(csvField(1234.5)).toBe("1234,5");
    expect(csvField(0)).toBe("0");
  });

  it("quotes a neutralised carriage return and tab value (they start the text)", () => {
    expect(csvField("\r=1")).toBe("\"'\r=1\"");
    expect(csvField("\t@x")).toBe("'\t@x");
  });
});

describe("RFC 4180 quoting with the French separator", () => {
  it("quotes fields holding ; \" CR or LF and doubles quotes", () => {
    expect(quoteCsvField("a;b")).toBe('"a;b"');
    expect(quoteCsvField('il a dit "oui"')).toBe('"il a dit ""oui"""');
    expect(quoteCsvField("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
    expect(quoteCsvField("a\r\nb")).toBe('"a\r\nb"');
    expect(quoteCsvField("a,b")).toBe("a,b");
    expect(quoteCsvField("Société Générale")).toBe("Société Générale");
  });

  it("ends rows with CRLF and joins with ;", () => {
    expect(csvRow(["Nom", "Montant (€)", null, true, false])).toBe("Nom;Montant (€);;Oui;Non\r\n");
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

describe("dates", () => {
  it("writes instants in Paris time, winter and summer", () => {
    expect(csvField(new Date("2026-01-15T08:05:00Z"))).toBe("15/01/2026 09:05");
    expect(csvField(new Date("2026-07-01T12:30:00Z"))).toBe("01/07/2026 14:30");
    // 23:30 UTC on 31 December is already New Year in Paris.
    expect(formatExportDateTime(new Date("2026-12-31T23:30:00Z"))).toBe("01/01/2027 00:30");
  });

  it("writes calendar days as stored, without a zone shift", () => {
    expect(csvField({ day: new Date("2026-03-01T00:00:00Z") })).toBe("01/03/2026");
  });

  it("shifts instants to their Paris wall clock for XLSX", () => {
    expect(parisWallClock(new Date("2026-07-01T12:30:00Z")).toISOString()).toBe("2026-07-01T14:30:00.000Z");
    expect(parisWallClock(new Date("2026-01-15T08:05:00Z")).toISOString()).toBe("2026-01-15T09:05:00.000Z");
  });
});

describe("download file name", () => {
  it("gives an ASCII name for old clients and the UTF-8 name", () => {
    expect(attachmentDisposition("actions-faites-2026-11-22.csv")).toBe(
      "attachment; filename=\"actions-faites-2026-11-22.csv\"; filename*=UTF-8''actions-faites-2026-11-22.csv",
    );
    const header = attachmentDisposition('Liste "été".csv');
    expect(header).toMatch(/^attachment; filename="Liste-ete-\.csv"; filename\*=UTF-8''/);
    expect(header).not.toContain('"été"');
  });
});
