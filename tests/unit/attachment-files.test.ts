import { describe, expect, it } from "vitest";
import { legacyOfficeKind } from "@/lib/attachments/cfb";
import { contentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName } from "@/lib/attachments/file-name";
import { detectAllowedType } from "@/lib/attachments/file-types";
import { formatFileSize } from "@/lib/attachments/labels";
import {
  cfbBytes,
  docmBytes,
  docxBytes,
  exeBytes,
  htmlBytes,
  pdfBytes,
  pngBytes,
  svgBytes,
  zipBytes,
} from "@/tests/support/sample-files";

describe("detectAllowedType", () => {
  it("recognises the accepted formats from their bytes", async () => {
    expect(await detectAllowedType(pdfBytes())).toEqual({ ext: "pdf", mime: "application/pdf" });
    expect(await detectAllowedType(pngBytes())).toEqual({ ext: "png", mime: "image/png" });
    expect((await detectAllowedType(docxBytes()))?.ext).toBe("docx");
    expect(await detectAllowedType(cfbBytes(["WordDocument", "1Table"]))).toEqual({ ext: "doc", mime: "application/msword" });
    expect(await detectAllowedType(cfbBytes(["Workbook"]))).toEqual({ ext: "xls", mime: "application/vnd.ms-excel" });
  });

  it("refuses pages, scripts, executables, plain archives and macro-enabled files", async () => {
    for (const [label, data] of [
      ["html", htmlBytes()],
      ["svg", svgBytes()],
      ["exe", exeBytes()],
      ["zip", zipBytes([{ name: "facture.pdf", data: pdfBytes() }])],
      ["docm", docmBytes()],
      ["text", Buffer.from("just some text")],
      ["cfb without a document stream (an installer, a mail…)", cfbBytes(["SummaryInformation", "Property"])],
      ["doc with macros", cfbBytes(["WordDocument", "Macros"])],
    ] as const) {
      expect(await detectAllowedType(data), label).toBeNull();
    }
  });
});

describe("legacyOfficeKind", () => {
  it("reads the directory across several sectors", () => {
    expect(legacyOfficeKind(cfbBytes(["CompObj", "SummaryInformation", "DocumentSummaryInformation", "1Table", "Data", "WordDocument"]))).toBe("doc");
  });

  it("returns null for truncated or corrupt containers", () => {
    const doc = cfbBytes(["WordDocument"]);
    expect(legacyOfficeKind(doc.subarray(0, 600))).toBeNull();
    const broken = Buffer.from(doc);
    broken.writeUInt32LE(0x7fffffff, 0x30); // directory start beyond the file
    expect(legacyOfficeKind(broken)).toBeNull();
    const looping = Buffer.from(doc);
    looping.writeUInt32LE(1, 512 + 4); // FAT says sector 1 follows itself
    expect(legacyOfficeKind(looping)).toBeNull();
  });
});

describe("sanitizeFileName", () => {
  it("keeps the base name only", () => {
    expect(sanitizeFileName("../../etc/passwd.pdf", "pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\moi\\Bilan 2025.PDF", "pdf")).toBe("Bilan 2025.pdf");
  });

  it("removes control characters, reserved characters and leading dots", () => {
    expect(sanitizeFileName("bi\u0000lan\r\n<2025>|?.pdf", "pdf")).toBe("bi_lan___2025___.pdf");
    expect(sanitizeFileName("...htaccess.pdf", "pdf")).toBe("htaccess.pdf");
    expect(sanitizeFileName("facture\u202Efdp.exe", "pdf")).toBe("facture_fdp.exe.pdf");
  });

  it("gives the detected type's extension, whatever the name claimed", () => {
    expect(sanitizeFileName("photo.pdf", "png")).toBe("photo.pdf.png");
    expect(sanitizeFileName("scan.JPEG", "jpg")).toBe("scan.jpeg");
    expect(sanitizeFileName("Bilan.2025", "pdf")).toBe("Bilan.2025.pdf");
  });

  it("names nameless files and limits the length", () => {
    expect(sanitizeFileName("", "pdf")).toBe("document.pdf");
    expect(sanitizeFileName("../", "pdf")).toBe("document.pdf");
    const long = sanitizeFileName(`${"é".repeat(400)}.docx`, "docx");
    expect([...long].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith(".docx")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("always says attachment, with an ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("Bilan 2025 (définitif).pdf")).toBe(
      `attachment; filename="Bilan 2025 (definitif).pdf"; filename*=UTF-8''Bilan%202025%20%28d%C3%A9finitif%29.pdf`,
    );
    expect(contentDisposition('a"b;c%.pdf')).toBe(`attachment; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%3Bc%25.pdf`);
  });
});

describe("formatFileSize", () => {
  it("uses French units", () => {
    const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");
    expect(formatFileSize(1)).toBe("1 octet");
    expect(formatFileSize(900)).toBe("900 octets");
    expect(plain(formatFileSize(1536))).toBe("1,5 Ko");
    expect(plain(formatFileSize(15 * 1024 * 1024))).toBe("15 Mo");
  });
});
