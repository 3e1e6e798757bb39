// Microsoft Compound File Binary (the container of legacy .doc and .xls, but also of .msi
// installers, .msg mails and more): file-type stops at "it is a CFB". Reading its directory
// tells a Word or Excel document from anything else, without trusting the file's name.

const SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_CHAIN = 0xfffffffe;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const DIRECTORY_ENTRY_SIZE = 128;
const HEADER_DIFAT_ENTRIES = 109;

export type LegacyOfficeKind = "doc" | "xls";

// Top-level stream names that identify the application (MS-DOC, MS-XLS).
const STREAM_KINDS: Record<string, LegacyOfficeKind> = {
  WordDocument: "doc",
  Workbook: "xls",
  Book: "xls",
};

// A VBA project (macros): refused even inside a .doc/.xls, the classic way such files carry code.
const REFUSED_STREAMS = new Set(["_VBA_PROJECT_CUR", "Macros", "_VBA_PROJECT", "VBA"]);

class Reader {
  readonly sectorSize: number;

  constructor(private readonly data: Buffer) {
    this.sectorSize = 1 << data.readUInt16LE(0x1e);
  }

  sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  sector(sector: number): Buffer | null {
    if (sector > MAX_REGULAR_SECTOR) return null;
    const start = this.sectorOffset(sector);
    if (start + this.sectorSize > this.data.length) return null;
    return this.data.subarray(start, start + this.sectorSize);
  }

  // Sector numbers of the FAT, from the header's DIFAT then the DIFAT chain.
  fatSectors(): number[] | null {
    const count = this.data.readUInt32LE(0x2c);
    const sectors: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && sectors.length < count; i++) {
      sectors.push(this.data.readUInt32LE(0x4c + i * 4));
    }
    let difat = this.data.readUInt32LE(0x44);
    const perSector = this.sectorSize / 4 - 1;
    let guard = 0;
    while (sectors.length < count && difat <= MAX_REGULAR_SECTOR) {
      const block = this.sector(difat);
      if (!block || ++guard > 10_000) return null;
      for (let i = 0; i < perSector && sectors.length < count; i++) sectors.push(block.readUInt32LE(i * 4));
      difat = block.readUInt32LE(perSector * 4);
    }
    return sectors.length === count ? sectors : null;
  }

  fat(): Uint32Array | null {
    const fatSectors = this.fatSectors();
    if (!fatSectors) return null;
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(fatSectors.length * perSector);
    for (const [i, s] of fatSectors.entries()) {
      const block = this.sector(s);
      if (!block) return null;
      for (let j = 0; j < perSector; j++) fat[i * perSector + j] = block.readUInt32LE(j * 4);
    }
    return fat;
  }

  // The directory stream's sectors, following the FAT chain (with a loop guard).
  directorySectors(fat: Uint32Array): number[] | null {
    const chain: number[] = [];
    let sector = this.data.readUInt32LE(0x30);
    while (sector !== END_OF_CHAIN) {
      if (sector >= fat.length || chain.length > fat.length) return null;
      chain.push(sector);
      sector = fat[sector]!;
    }
    return chain;
  }
}

// The stream and storage names in a CFB's directory, or null when the structure is broken.
export function cfbEntryNames(data: Buffer): string[] | null {
  if (data.length < 512 || !data.subarray(0, 8).equals(SIGNATURE)) return null;
  const shift = data.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const reader = new Reader(data);
  const fat = reader.fat();
  if (!fat) return null;
  const sectors = reader.directorySectors(fat);
  if (!sectors || sectors.length === 0) return null;
  const names: string[] = [];
  for (const s of sectors) {
    const block = reader.sector(s);
    if (!block) return null;
    for (let offset = 0; offset + DIRECTORY_ENTRY_SIZE <= block.length; offset += DIRECTORY_ENTRY_SIZE) {
      const type = block[offset + 0x42];
      if (type !== 1 && type !== 2 && type !== 5) continue; // storage, stream, root
      const nameLength = block.readUInt16LE(offset + 0x40);
      if (nameLength < 2 || nameLength > 64) continue;
      names.push(block.toString("utf16le", offset, offset + nameLength - 2));
    }
  }
  return names;
}

// "doc" or "xls" for a legacy Office document without macros; null for any other CFB.
export function legacyOfficeKind(data: Buffer): LegacyOfficeKind | null {
  const names = cfbEntryNames(data);
  if (!names) return null;
  if (names.some((name) => REFUSED_STREAMS.has(name))) return null;
  const kinds = new Set(names.map((name) => STREAM_KINDS[name]).filter((k): k is LegacyOfficeKind => k !== undefined));
  return kinds.size === 1 ? [...kinds][0]! : null;
}
