// The part of the `clamscan` package (no bundled types) that lib/attachments/virus-scan.ts uses.
declare module "clamscan" {
  import type { Readable } from "node:stream";

  type ScanStreamResult = { isInfected: boolean | null; viruses: string[] };

  export default class NodeClam {
    init(options: Record<string, unknown>): Promise<NodeClam>;
    scanStream(stream: Readable): Promise<ScanStreamResult>;
  }
}
