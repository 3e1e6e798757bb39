import "server-only";
import { fileTypeFromBuffer } from "file-type";
import { legacyOfficeKind } from "@/lib/attachments/cfb";

export type DetectedFileType = { mime: string; ext: string };

// What may be attached, decided from the bytes alone. Anything a browser could run or render
// as a page (HTML, SVG, scripts, executables) is absent, as are archives that are not office
// documents and macro-enabled formats.
const ALLOWED: Readonly<Record<string, DetectedFileType>> = {
  pdf: { ext: "pdf", mime: "application/pdf" },
  png: { ext: "png", mime: "image/png" },
  jpg: { ext: "jpg", mime: "image/jpeg" },
  webp: { ext: "webp", mime: "image/webp" },
  gif: { ext: "gif", mime: "image/gif" },
  heic: { ext: "heic", mime: "image/heic" },
  docx: { ext: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { ext: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  pptx: { ext: "pptx", mime: "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
  odt: { ext: "odt", mime: "application/vnd.oasis.opendocument.text" },
  ods: { ext: "ods", mime: "application/vnd.oasis.opendocument.spreadsheet" },
  doc: { ext: "doc", mime: "application/msword" },
  xls: { ext: "xls", mime: "application/vnd.ms-excel" },
};

// The allowed type of a file's content, or null when it is not one we accept.
export async function detectAllowedType(data: Buffer): Promise<DetectedFileType | null> {
  const detected = await fileTypeFromBuffer(data);
  if (!detected) return null;
  if (detected.ext === "cfb") {
    const kind = legacyOfficeKind(data);
    return kind ? ALLOWED[kind]! : null;
  }
  // HEIF stills are reported as "heic" with an image/heif type; sequences are refused.
  if (detected.ext === "heic") return detected.mime === "image/heic" || detected.mime === "image/heif" ? ALLOWED.heic! : null;
  return ALLOWED[detected.ext] ?? null;
}

export function extensionForMime(mime: string): string | null {
  return Object.values(ALLOWED).find((t) => t.mime === mime)?.ext ?? null;
}
