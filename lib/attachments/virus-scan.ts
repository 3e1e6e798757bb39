import "server-only";
import { Readable } from "node:stream";
import NodeClam from "clamscan";
import { getEnv } from "@/lib/env";

// Optional virus scanning through a clamd daemon (CLAMAV_URL: tcp://host:3310 or
// unix:///run/clamav/clamd.ctl), with the maintained `clamscan` client. Fails closed: a file
// that could not be scanned is not kept.
export type ScanResult = { status: "clean" } | { status: "infected"; viruses: string[] } | { status: "failed"; reason: string };

export const VIRUS_MESSAGES = {
  infected: "Ce fichier contient un virus ou un logiciel malveillant : il a été refusé.",
  failed: "L'analyse antivirus du fichier n'a pas pu être faite : il n'a pas été enregistré. Réessayez dans quelques minutes.",
} as const;

export function clamdAddress(url: string): { socket: string } | { host: string; port: number } {
  const parsed = new URL(url);
  if (parsed.protocol === "unix:") return { socket: decodeURIComponent(parsed.pathname) };
  return { host: parsed.hostname, port: Number(parsed.port || 3310) };
}

let scanner: Promise<NodeClam> | undefined;

function getScanner(url: string, timeoutMs: number): Promise<NodeClam> {
  if (scanner) return scanner;
  scanner = new NodeClam()
    .init({
      removeInfected: false,
      debugMode: false,
      scanRecursively: false,
      clamscan: { active: false },
      clamdscan: { ...clamdAddress(url), timeout: timeoutMs, localFallback: false, active: true, bypassTest: true },
      preference: "clamdscan",
    })
    .catch((error: unknown) => {
      scanner = undefined;
      throw error;
    });
  return scanner;
}

export async function scanBuffer(data: Buffer, options: { url?: string; timeoutMs?: number } = {}): Promise<ScanResult | null> {
  const url = options.url ?? getEnv().CLAMAV_URL;
  if (!url) return null;
  try {
    const clam = await getScanner(url, options.timeoutMs ?? 30_000);
    const result = await clam.scanStream(Readable.from([data]));
    if (result.isInfected === true) return { status: "infected", viruses: result.viruses ?? [] };
    if (result.isInfected === false) return { status: "clean" };
    return { status: "failed", reason: "réponse illisible de clamd" };
  } catch (error) {
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}

// Tests point CLAMAV_URL at a daemon of their own; production never calls this.
export function resetVirusScannerForTests(): void {
  scanner = undefined;
}
