// A logic-less template engine for e-mails written by users (action-type defaults, mail-merge
// campaigns): `{{ key }}` placeholders and nothing else, so a template can never run code, and
// every value is treated as text: escaped in HTML, stripped of line breaks in subjects.
// `{{ key|text }}` gives the text to use when the recipient has no value for the key
// (« Bonjour {{firstName|Madame, Monsieur}}, »).
import { escapeHtml, sanitizeHeader } from "@/lib/mail/escape";
import { renderEmailLayout } from "@/lib/mail/layout";

export type MergeValues = Record<string, string | number | null | undefined>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*(?:\|([^{}|]*))?\}\}/g;

// One placeholder of a template: its key and its fallback text (null without one).
export type MergePlaceholder = { key: string; fallback: string | null };

export function listMergePlaceholders(template: string): MergePlaceholder[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => ({ key: match[1]!, fallback: match[2]?.trim() ?? null }));
}

// The keys a template uses, in order of first appearance, without duplicates.
export function listMergeFields(template: string): string[] {
  const keys = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) keys.add(match[1]!);
  return [...keys];
}

// The keys a template uses that are not in `known`: for the template editor to refuse or warn.
export function findUnknownMergeFields(template: string, known: readonly string[]): string[] {
  return listMergeFields(template).filter((key) => !known.includes(key));
}

function valueOf(values: MergeValues, key: string): string {
  const value = Object.hasOwn(values, key) ? values[key] : undefined;
  return value === null || value === undefined ? "" : String(value);
}

// Whether a recipient has a value for a key (blank text counts as none).
export function hasMergeValue(values: MergeValues, key: string): boolean {
  return valueOf(values, key).trim() !== "";
}

// Plain text: placeholders replaced by raw values, or their fallback when the value is blank;
// unknown keys render empty.
export function renderMergeText(template: string, values: MergeValues): string {
  return template.replace(PLACEHOLDER, (_all, key: string, fallback: string | undefined) =>
    hasMergeValue(values, key) ? valueOf(values, key) : (fallback?.trim() ?? ""),
  );
}

// A subject line: merged, then any CR/LF or control character a value carried becomes a space.
export function renderMergeSubject(template: string, values: MergeValues): string {
  return sanitizeHeader(renderMergeText(template, values));
}

// Paragraphs of merged text: blank lines separate paragraphs, single line breaks stay inside one;
// runs of spaces (« Bonjour  Dupont » when a value is empty) become one.
export function mergeParagraphs(template: string, values: MergeValues): string[] {
  return renderMergeText(template, values)
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]{2,}/g, " ")
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ""))
    .filter((p) => p.trim() !== "");
}

// An HTML fragment: the template's text and the values are both escaped (a template typed by
// an admin is text too), blank lines make paragraphs, single line breaks <br>.
export function renderMergeHtmlFragment(template: string, values: MergeValues): string {
  return mergeParagraphs(template, values)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export type MergeEmailInput = {
  subjectTemplate: string;
  bodyTemplate: string;
  values: MergeValues;
  // Small print under the message (why the recipient receives it).
  footer?: string;
};

export type MergedEmail = { subject: string; html: string; text: string };

// A complete e-mail in the CRM's layout: the merged subject as heading, the merged body as
// paragraphs; renderEmailLayout escapes everything it is given.
export function renderMergeEmail(input: MergeEmailInput): MergedEmail {
  const subject = renderMergeSubject(input.subjectTemplate, input.values);
  const paragraphs = mergeParagraphs(input.bodyTemplate, input.values);
  const { html, text } = renderEmailLayout({
    heading: subject,
    paragraphs,
    footer: input.footer,
    preheader: paragraphs[0],
  });
  return { subject, html, text };
}
