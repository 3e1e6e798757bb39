// A real SMTP server on 127.0.0.1 that keeps what it receives: the integration tests point the
// worker's SMTP_URL at it, the end-to-end tests read the client's onboarding link from it.
// Standalone: `npx tsx tests/support/smtp-sink.ts --port 2525 --dump-dir <dir>` writes each
// message as <n>.eml (raw) and <n>.json (envelope, headers, bodies, links, attachments).
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

export type CapturedMessage = ParsedMail & {
  // What the client said in MAIL FROM / RCPT TO: who really receives the message, whatever
  // the headers claim (a Bcc injected into a header would show up here).
  envelope: { from: string | null; to: string[] };
  raw: Buffer;
};

export type SmtpSink = {
  url: string;
  port: number;
  messages: CapturedMessage[];
  // Resolves once at least `count` messages arrived (rejects after `timeoutMs`).
  waitFor(count: number, timeoutMs?: number): Promise<CapturedMessage[]>;
  // Rejects every following message at RCPT TO with this SMTP reply, until called with null.
  failWith(reply: { code: number; message: string } | null): void;
  // Changes how long the 250 reply to a message body is held (see SmtpSinkOptions.replyDelayMs).
  setReplyDelay(ms: number): void;
  // How many deliveries were attempted (accepted or rejected).
  attempts(): number;
  close(): Promise<void>;
};

export type SmtpSinkOptions = {
  port?: number;
  host?: string;
  dumpDir?: string;
  // Holds the 250 reply to each message body this long (a slow relay); the message is already
  // kept when the wait starts, as a real relay has it queued before it answers.
  replyDelayMs?: number;
};

function addressOf(a: SMTPServerAddress | false): string | null {
  return a ? a.address : null;
}

// Links found in the text version: what a person would click.
export function linksIn(message: Pick<ParsedMail, "text">): string[] {
  return [...(message.text ?? "").matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}

function dump(dir: string, index: number, message: CapturedMessage): void {
  const base = path.join(dir, `${String(index).padStart(4, "0")}-${Date.now()}`);
  writeFileSync(`${base}.eml`, message.raw);
  const summary = {
    envelope: message.envelope,
    from: message.from?.text ?? null,
    to: (Array.isArray(message.to) ? message.to : message.to ? [message.to] : []).map((a) => a.text),
    subject: message.subject ?? null,
    date: message.date?.toISOString() ?? null,
    text: message.text ?? null,
    html: typeof message.html === "string" ? message.html : null,
    links: linksIn(message),
    // Each attachment's bytes sit next to the summary, so a test can open the PDF it received.
    attachments: message.attachments.map((a, i) => {
      const file = `${base}.att${i}`;
      writeFileSync(file, a.content);
      return { filename: a.filename ?? null, contentType: a.contentType, size: a.size, path: file };
    }),
  };
  // Written under a temporary name and renamed, so a reader never sees half a file.
  writeFileSync(`${base}.json.part`, JSON.stringify(summary, null, 2));
  renameSync(`${base}.json.part`, `${base}.json`);
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? "127.0.0.1";
  const messages: CapturedMessage[] = [];
  const waiters = new Set<() => void>();
  let failure: { code: number; message: string } | null = null;
  let attemptCount = 0;
  let replyDelayMs = options.replyDelayMs ?? 0;
  if (options.dumpDir) mkdirSync(options.dumpDir, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    // Plain TCP on loopback: no certificate for nodemailer to reject, any credentials accepted.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "anonymous" });
    },
    onRcptTo(_address, _session, callback) {
      if (failure) {
        attemptCount += 1;
        const error = Object.assign(new Error(failure.message), { responseCode: failure.code });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        attemptCount += 1;
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const message: CapturedMessage = Object.assign(parsed, {
              envelope: { from: addressOf(session.envelope.mailFrom), to: session.envelope.rcptTo.map((r) => r.address) },
              raw,
            });
            messages.push(message);
            if (options.dumpDir) dump(options.dumpDir, messages.length, message);
            for (const wake of waiters) wake();
            const queueId = `Q${String(messages.length).padStart(6, "0")}`;
            const reply = () => callback(null, `2.0.0 Ok: queued as ${queueId}`);
            if (replyDelayMs > 0) setTimeout(reply, replyDelayMs);
            else reply();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => console.error(`[smtp-sink] ${error.message}`));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `smtp://${host}:${port}`,
    port,
    messages,
    waitFor(count, timeoutMs = 10_000) {
      if (messages.length >= count) return Promise.resolve(messages);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages);
        };
        const timeout = setTimeout(() => {
          cleanup();
          reject(new Error(`smtp-sink: ${messages.length} message(s) reçu(s) au lieu de ${count} en ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timeout);
          waiters.delete(check);
        };
        waiters.add(check);
      });
    },
    failWith(reply) {
      failure = reply;
    },
    setReplyDelay(ms) {
      replyDelayMs = ms;
    },
    attempts: () => attemptCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const port = Number(argValue(args, "--port") ?? 2525);
  const dumpDir = argValue(args, "--dump-dir");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port invalide : ${port}`);
  const sink = await startSmtpSink({ port, dumpDir: dumpDir ? path.resolve(dumpDir) : undefined });
  console.log(`[smtp-sink] ${sink.url}${dumpDir ? ` → ${path.resolve(dumpDir)}` : ""}`);
  const stop = () => void sink.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
