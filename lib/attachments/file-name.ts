// The name an attachment is listed and downloaded under. It only ever labels the file: the
// stored object's key is random, so the name is for people, kept short and harmless.

export const MAX_FILE_NAME_LENGTH = 150;

// Control characters, path separators and characters Windows refuses in file names.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g;

function splitExtension(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf(".");
  if (dot <= 0 || dot === name.length - 1) return { stem: name, ext: "" };
  return { stem: name.slice(0, dot), ext: name.slice(dot + 1) };
}

// Basename only, unsafe characters replaced, no leading dots, trimmed to a length that keeps
// the extension. The extension is the one of the detected type, so a ".pdf" that is really a
// PNG downloads as ".png". An empty result becomes « document.<ext> ».
export function sanitizeFileName(raw: string, detectedExt: string): string {
  const base = raw.split(/[/\\]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(UNSAFE, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s_]+/, "");
  const { stem, ext } = splitExtension(cleaned);
  const sameType = ext.toLowerCase() === detectedExt || (detectedExt === "jpg" && ext.toLowerCase() === "jpeg");
  // Keep "Bilan.2025" as part of the name when its last dot is not the real type's extension.
  const kept = sameType ? stem : cleaned;
  const suffix = `.${sameType ? ext.toLowerCase() : detectedExt}`;
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  const shortened = [...kept].slice(0, room).join("").replace(/[.\s]+$/, "").trim();
  return `${shortened || "document"}${suffix}`;
}

// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266 / 5987): the plain
// form for old clients, the encoded one for every current browser.
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
