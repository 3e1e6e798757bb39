// Small, real files of each kind, built in memory, for upload tests (the bytes are what the
// server judges, never the name). Usable from integration and end-to-end tests.
import { crc32, deflateSync } from "node:zlib";

export function pdfBytes(text = "Bilan 2025"): Buffer {
  const body = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj
4 0 obj << /Length ${text.length + 24} >> stream
BT /F1 12 Tf 10 50 Td (${text}) Tj ET
endstream endobj
trailer << /Root 1 0 R >>
%%EOF
`;
  return Buffer.from(body, "latin1");
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

// A 1×1 opaque PNG.
export function pngBytes(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(Buffer.from([0, 0x1e, 0x40, 0xaf]))),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// A ZIP archive with stored (uncompressed) entries.
export function zipBytes(entries: { name: string; data: string | Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : entry.data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const WORD_MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml";

function contentTypes(main: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;
}

export function docxBytes(): Buffer {
  return zipBytes([
    { name: "[Content_Types].xml", data: contentTypes(WORD_MAIN) },
    { name: "word/document.xml", data: "<w:document/>" },
  ]);
}

export function docmBytes(): Buffer {
  return zipBytes([
    { name: "[Content_Types].xml", data: contentTypes(WORD_MACRO_MAIN) },
    { name: "word/document.xml", data: "<w:document/>" },
    { name: "word/vbaProject.bin", data: "macro" },
  ]);
}

// A Compound File Binary (legacy .doc/.xls container) whose directory holds these stream
// names: "WordDocument" makes a Word file, "Workbook" an Excel one, anything else neither.
export function cfbBytes(streamNames: string[]): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const names = ["Root Entry", ...streamNames];
  const dirSectors = Math.max(1, Math.ceil(names.length / 4));

  const header = Buffer.alloc(SECTOR, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END, 0x3c);
  header.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  for (let i = 1; i <= dirSectors; i++) fat.writeUInt32LE(i === dirSectors ? END : i + 1, i * 4);

  const dir = Buffer.alloc(SECTOR * dirSectors, 0);
  names.forEach((name, i) => {
    const offset = i * 128;
    const encoded = Buffer.from(`${name}\0`, "utf16le");
    encoded.copy(dir, offset);
    dir.writeUInt16LE(encoded.length, offset + 0x40);
    dir[offset + 0x42] = i === 0 ? 5 : 2;
    dir.writeUInt32LE(FREE, offset + 0x44); // left sibling
    dir.writeUInt32LE(FREE, offset + 0x48); // right sibling
    dir.writeUInt32LE(i === 0 && names.length > 1 ? 1 : FREE, offset + 0x4c); // child
    dir.writeUInt32LE(END, offset + 0x74); // start sector
  });
  return Buffer.concat([header, fat, dir]);
}

export const htmlBytes = (): Buffer =>
  Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>", "utf8");

export const svgBytes = (): Buffer =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>', "utf8");

// The start of a Windows executable (MZ header pointing at a PE signature).
export function exeBytes(): Buffer {
  const data = Buffer.alloc(512, 0);
  data.write("MZ", 0, "ascii");
  data.writeUInt32LE(0x80, 0x3c);
  data.write("PE\0\0", 0x80, "latin1");
  return data;
}
