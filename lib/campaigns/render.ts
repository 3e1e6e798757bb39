import "server-only";
import { campaignMergeValues } from "@/lib/campaigns/merge-fields";
import type { Recipient } from "@/lib/campaigns/recipients";
import { unsubscribeUrl } from "@/lib/campaigns/unsubscribe";
import { escapeHtml } from "@/lib/mail/escape";
import { renderMergeEmail, renderMergeSubject, renderMergeText, type MergedEmail } from "@/lib/mail/merge";

export type CampaignTemplates = { subjectTemplate: string; bodyTemplate: string };

function values(recipient: Recipient, senderName: string) {
  return campaignMergeValues({ ...recipient, senderName });
}

// What the file's EMAIL action records at step 4: the merged subject and plain text.
export function renderCampaignAction(templates: CampaignTemplates, recipient: Recipient, senderName: string): { subject: string; notes: string } {
  const merged = values(recipient, senderName);
  return { subject: renderMergeSubject(templates.subjectTemplate, merged), notes: renderMergeText(templates.bodyTemplate, merged) };
}

// The message itself (preview and send render the same way), with its signed unsubscribe link.
export function renderCampaignEmail(templates: CampaignTemplates, recipient: Recipient, senderName: string): MergedEmail & { unsubscribeUrl: string } {
  const url = unsubscribeUrl(recipient.contactId);
  const email = renderMergeEmail({
    ...templates,
    values: values(recipient, senderName),
    footer: `Vous recevez ce message en tant que contact de ${recipient.company}. Pour ne plus recevoir nos e-mails, désabonnez-vous ici : ${url}`,
  });
  return { ...email, html: linkLastOccurrence(email.html, url), unsubscribeUrl: url };
}

// The layout prints the footer as text; the unsubscribe address becomes a real link there. Only
// an address with nothing to escape is touched, so the markup stays exactly what it was.
function linkLastOccurrence(html: string, url: string): string {
  const at = html.lastIndexOf(url);
  if (at < 0 || escapeHtml(url) !== url) return html;
  return `${html.slice(0, at)}<a href="${url}" style="color:#475569">${url}</a>${html.slice(at + url.length)}`;
}
