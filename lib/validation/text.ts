// Text typed by people or sent by the API: no NUL byte (PostgreSQL refuses it, which was a 500)
// and no control character, which would be stored raw and could break a header, a CSV or a PDF.
// Single-line fields refuse line breaks too; multi-line fields keep tab, CR and LF.
import { z } from "zod";

// C0 controls and DEL; C1 controls (U+0080–U+009F) are as invisible and as unwanted.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const TEXT_MESSAGES = {
  singleLine: "Ce champ contient un caractère non autorisé (retour à la ligne ou caractère invisible).",
  multiLine: "Ce texte contient un caractère invisible non autorisé ; seuls les retours à la ligne et les tabulations sont acceptés.",
} as const;

export function hasForbiddenControlChars(value: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

// z.string() for one line of text (names, subjects, numbers, cities…).
export function textLine(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((v) => !hasForbiddenControlChars(v), { message: TEXT_MESSAGES.singleLine, abort: true });
}

// z.string() for free text (notes, comments, e-mail bodies).
export function multilineText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((v) => !hasForbiddenControlChars(v, { multiline: true }), { message: TEXT_MESSAGES.multiLine, abort: true });
}
