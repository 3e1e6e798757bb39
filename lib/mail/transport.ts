// How an e-mail leaves: through SMTP_URL with nodemailer, or nowhere ("local") when no SMTP
// server is configured, the message then being read in « Boîte d'envoi ». Used by the worker,
// which runs outside Next.js, so this module is not server-only.
import nodemailer from "nodemailer";
import { sanitizeHeader } from "@/lib/mail/escape";

export type OutgoingEmail = {
  // Stable across attempts ("<outbox id@sender domain>"): a receiving server that saw it once
  // can drop a second copy.
  messageId?: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { fileName: string; mimeType: string; content: Buffer }[];
};

// The relay's acceptance: its final reply, and the queue id it named when it did.
export type SendReceipt = { response: string | null; queueId: string | null };

export type MailTransport = {
  kind: "smtp" | "local";
  // Right-hand side of the Message-IDs this transport's messages carry (the sender's domain).
  messageIdDomain: string;
  send(message: OutgoingEmail): Promise<SendReceipt>;
  close(): void;
};

export function createMailTransport(options: { smtpUrl?: string; from: string }): MailTransport {
  const smtpUrl = options.smtpUrl;
  const messageIdDomain = senderDomain(options.from);
  if (!smtpUrl) {
    return { kind: "local", messageIdDomain, send: async () => ({ response: null, queueId: null }), close: () => undefined };
  }
  // Bounded waits: a stuck SMTP server must not hold a message in SENDING for ever.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    kind: "smtp",
    messageIdDomain,
    async send(message) {
      const info = await transporter.sendMail({
        from: options.from,
        ...(message.messageId ? { messageId: message.messageId } : {}),
        to: message.to,
        // Already clean when queued; cleaned again because a header is the one place where a
        // stray line break turns into an injected header.
        subject: sanitizeHeader(message.subject),
        html: message.html,
        text: message.text,
        attachments: message.attachments.map((a) => ({
          filename: sanitizeHeader(a.fileName, 200),
          contentType: a.mimeType,
          content: a.content,
        })),
      });
      const response = typeof info.response === "string" ? sanitizeHeader(info.response, 500) : null;
      return { response, queueId: response ? smtpQueueId(response) : null };
    },
    close: () => transporter.close(),
  };
}

// What an admin reads in « Boîte d'envoi »: the SMTP reply when there is one, never a stack.
export function describeSendError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { responseCode?: number }).responseCode;
    const text = (error as { response?: string }).response ?? error.message;
    return sanitizeHeader(code && !text.startsWith(String(code)) ? `${code} ${text}` : text, 1000);
  }
  return sanitizeHeader(String(error), 1000);
}

// The queue id in a relay's 250 reply, as the common servers word it: Postfix « queued as X »,
// Exim « OK id=X », Exchange/others « <X> … queued ».
export function smtpQueueId(response: string): string | null {
  const patterns = [/queued as ([A-Za-z0-9._@-]+)/i, /\bid=([A-Za-z0-9._@-]+)/i, /<([^<>\s]+)>/];
  for (const pattern of patterns) {
    const match = pattern.exec(response);
    if (match?.[1]) return match[1].slice(0, 200);
  }
  return null;
}

// 5xx: the relay refused for good (unknown mailbox, policy); retrying only repeats the refusal.
// 4xx, timeouts and dropped connections may pass later.
export function isPermanentSendError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function senderDomain(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim())?.[1]?.toLowerCase() ?? "crm.localhost";
}
