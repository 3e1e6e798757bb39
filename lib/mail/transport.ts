// How an e-mail leaves: through SMTP_URL with nodemailer, or nowhere ("local") when no SMTP
// server is configured, the message then being read in « Boîte d'envoi ». Used by the worker,
// which runs outside Next.js, so this module is not server-only.
import nodemailer from "nodemailer";
import { sanitizeHeader } from "@/lib/mail/escape";

export type OutgoingEmail = {
  to: string[];
  subject: string;
  html: string;
  text: string;
  attachments: { fileName: string; mimeType: string; content: Buffer }[];
};

export type MailTransport = {
  kind: "smtp" | "local";
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
};

export function createMailTransport(options: { smtpUrl?: string; from: string }): MailTransport {
  const smtpUrl = options.smtpUrl;
  if (!smtpUrl) {
    return { kind: "local", send: async () => undefined, close: () => undefined };
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
    async send(message) {
      await transporter.sendMail({
        from: options.from,
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
