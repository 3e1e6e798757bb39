import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Where the e2e SMTP sink (tests/support/smtp-sink.ts) writes what it receives.
export const E2E_MAIL_DIR = ".data/e2e-mail";

export type ReceivedMail = {
  to: string[];
  from: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  links: string[];
  // path: the attachment's bytes as the sink received them.
  attachments: { filename: string | null; contentType: string; size: number; path: string }[];
};

export function readMails(): ReceivedMail[] {
  if (!existsSync(E2E_MAIL_DIR)) return [];
  return readdirSync(E2E_MAIL_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, f), "utf8")) as ReceivedMail);
}

// Polls the sink's folder: the worker delivers asynchronously.
export async function waitForMail(match: (mail: ReceivedMail) => boolean, timeoutMs = 30_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = readMails().find(match);
    if (found) return found;
    if (Date.now() > deadline) {
      const seen = readMails().map((m) => `${m.to.join(",")} — ${m.subject}`);
      throw new Error(`No matching e-mail within ${timeoutMs} ms. Received:\n${seen.join("\n") || "(none)"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
