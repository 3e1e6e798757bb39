// Office documents (docx, xlsx, pptx, odt, ods) are zip archives: before one is kept, its
// entries are counted and really inflated, within limits, so a 1 MB file that unpacks to 1 GiB
// (a zip bomb) or hides an archive inside is refused. Sizes declared in the archive are not
// trusted: inflation stops as soon as the running total passes the limit.
import { inflateRawSync } from "node:zlib";

export const OFFICE_ARCHIVE_LIMITS = { maxEntries: 1000, maxUncompressedBytes: 100 * 1024 * 1024 } as const;

export type OfficeArchiveProblem = "unreadable" | "too-many-entries" | "too-large" | "nested-archive";

export const OFFICE_ARCHIVE_MESSAGES: Record<OfficeArchiveProblem, string> = {
  unreadable: "Ce document bureautique est illisible ou endommagé.",
  "too-many-entries": "Ce document bureautique contient trop d'éléments (plus de 1 000) : il est refusé.",
  "too-large": "Ce document bureautique se décompresse en plus de 100 Mo : il est refusé.",
  "nested-archive": "Ce document bureautique contient une autre archive : il est refusé.",
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const NESTED_NAME = /\.(zip|jar|7z|rar|gz|tgz|bz2|xz|tar|cab|docx|docm|xlsx|xlsm|pptx|pptm|odt|ods|odp)$/i;
const ARCHIVE_MAGIC = [
  Buffer.from([0x50, 0x4b, 0x03, 0x04]), // zip
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), // 7z
  Buffer.from("Rar!"),
  Buffer.from([0x1f, 0x8b]), // gzip
];

function findEndOfCentralDirectory(data: Buffer): number {
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

export function checkOfficeArchive(data: Buffer, limits = OFFICE_ARCHIVE_LIMITS): OfficeArchiveProblem | null {
  try {
    const eocd = findEndOfCentralDirectory(data);
    if (eocd < 0) return "unreadable";
    const entries = data.readUInt16LE(eocd + 10);
    let offset = data.readUInt32LE(eocd + 16);
    // ZIP64 markers: no office document needs them; a bomb might.
    if (entries === 0xffff || offset === 0xffffffff) return "too-large";
    if (entries > limits.maxEntries) return "too-many-entries";
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (data.readUInt32LE(offset) !== CENTRAL) return "unreadable";
      const method = data.readUInt16LE(offset + 10);
      const compressedSize = data.readUInt32LE(offset + 20);
      const nameLength = data.readUInt16LE(offset + 28);
      const extraLength = data.readUInt16LE(offset + 30);
      const commentLength = data.readUInt16LE(offset + 32);
      const localOffset = data.readUInt32LE(offset + 42);
      const name = data.toString("utf8", offset + 46, offset + 46 + nameLength);
      offset += 46 + nameLength + extraLength + commentLength;
      if (NESTED_NAME.test(name)) return "nested-archive";
      if (name.endsWith("/")) continue;

      if (data.readUInt32LE(localOffset) !== LOCAL) return "unreadable";
      const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
      const raw = data.subarray(start, start + compressedSize);
      const remaining = limits.maxUncompressedBytes - total;
      let content: Buffer;
      if (method === 0) content = raw;
      else if (method === 8) {
        try {
          content = inflateRawSync(raw, { maxOutputLength: Math.max(1, remaining + 1) });
        } catch (error) {
          return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError ? "too-large" : "unreadable";
        }
      } else return "unreadable";
      total += content.length;
      if (total > limits.maxUncompressedBytes) return "too-large";
      if (ARCHIVE_MAGIC.some((magic) => content.subarray(0, magic.length).equals(magic))) return "nested-archive";
    }
    return null;
  } catch {
    return "unreadable";
  }
}
