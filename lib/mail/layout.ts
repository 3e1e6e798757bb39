// One look for every e-mail the CRM sends, in two versions: HTML for mail clients and plain
// text for the others (and for spam filters, which distrust HTML-only mail). Callers pass
// plain text; everything is escaped here.
import { escapeHtml } from "@/lib/mail/escape";

export type EmailLayoutInput = {
  heading: string;
  // Plain-text paragraphs; line breaks inside one are kept.
  paragraphs: string[];
  // Label / value lines shown as a small table (company, SIREN…).
  details?: { label: string; value: string }[];
  // The one thing to click: a button in HTML, « label : url » in the text version.
  action?: { label: string; url: string };
  // Small print under the message: why the recipient gets it.
  footer?: string;
  // Preview line shown by mail clients next to the subject.
  preheader?: string;
};

const BRAND = "CRM Partenaires";

function assertWebUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`E-mail link must be http(s): ${parsed.protocol}`);
  }
  return parsed.toString();
}

function paragraphHtml(text: string): string {
  return `<p style="margin:0 0 16px;font-size:15px;line-height:1.55;color:#1e293b">${escapeHtml(text).replace(/\r?\n/g, "<br>")}</p>`;
}

export function renderEmailLayout(input: EmailLayoutInput): { html: string; text: string } {
  const actionUrl = input.action ? assertWebUrl(input.action.url) : undefined;

  const details = input.details?.length
    ? `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse;font-size:14px;color:#334155">${input.details
        .map(
          (d) =>
            `<tr><td style="padding:4px 16px 4px 0;color:#64748b;white-space:nowrap">${escapeHtml(d.label)}</td><td style="padding:4px 0">${escapeHtml(d.value)}</td></tr>`,
        )
        .join("")}</table>`
    : "";

  const button =
    input.action && actionUrl
      ? `<p style="margin:24px 0"><a href="${escapeHtml(actionUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;text-decoration:none;font-weight:600;font-size:15px;padding:12px 20px;border-radius:6px">${escapeHtml(input.action.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;line-height:1.5;color:#64748b">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><a href="${escapeHtml(actionUrl)}" style="color:#1d4ed8;word-break:break-all">${escapeHtml(actionUrl)}</a></p>`
      : "";

  const html = `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(input.heading)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
${input.preheader ? `<div style="display:none;max-height:0;overflow:hidden">${escapeHtml(input.preheader)}</div>` : ""}
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f1f5f9"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:600px;border-collapse:collapse;background:#ffffff;border-radius:8px">
<tr><td style="padding:20px 28px;background:#1e3a8a;border-radius:8px 8px 0 0;color:#ffffff;font-size:16px;font-weight:600">${BRAND}</td></tr>
<tr><td style="padding:28px">
<h1 style="margin:0 0 20px;font-size:20px;line-height:1.3;color:#0f172a">${escapeHtml(input.heading)}</h1>
${input.paragraphs.map(paragraphHtml).join("\n")}
${details}
${button}
</td></tr>
${input.footer ? `<tr><td style="padding:16px 28px 24px;border-top:1px solid #e2e8f0;font-size:12px;line-height:1.5;color:#64748b">${escapeHtml(input.footer)}</td></tr>` : ""}
</table>
</td></tr></table>
</body>
</html>`;

  const textParts = [input.heading, "", ...input.paragraphs.flatMap((p) => [p, ""])];
  if (input.details?.length) {
    textParts.push(...input.details.map((d) => `${d.label} : ${d.value}`), "");
  }
  if (input.action && actionUrl) textParts.push(`${input.action.label} : ${actionUrl}`, "");
  if (input.footer) textParts.push("--", input.footer);
  const text = `${textParts.join("\n").trimEnd()}\n`;

  return { html, text };
}
