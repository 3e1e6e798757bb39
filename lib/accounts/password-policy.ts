// Password policy (ASVS 6.2): length 12 to 256, no composition rules, and not too guessable by
// zxcvbn-ts with the French and common dictionaries, the user's own name and e-mail counting as
// known words. Shared by the forms (feedback while typing) and the server (the one that decides).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as zxcvbnCommon from "@zxcvbn-ts/language-common";
import * as zxcvbnFr from "@zxcvbn-ts/language-fr";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/schemas";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MIN_SCORE = 3;

export const PASSWORD_TOO_SHORT_MESSAGE = `Au moins ${PASSWORD_MIN_LENGTH} caractères.`;
export const PASSWORD_TOO_LONG_MESSAGE = `Au plus ${PASSWORD_MAX_LENGTH} caractères.`;
export const PASSWORD_TOO_WEAK_MESSAGE = "Ce mot de passe est trop facile à deviner : allongez-le, par exemple avec quelques mots sans rapport entre eux.";

let factory: ZxcvbnFactory | undefined;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnFr.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnFr.translations,
  });
  return factory;
}

export type PasswordCheck = { ok: boolean; score: number; messages: string[] };

// The user's name and e-mail, split into the words an attacker would try first.
export function passwordUserInputs(user: { name?: string | null; email?: string | null }): string[] {
  const words = [user.name ?? "", user.email ?? "", ...(user.email ?? "").split(/[@.+_-]/), ...(user.name ?? "").split(/\s+/)];
  return [...new Set(words.map((w) => w.trim().toLowerCase()).filter((w) => w.length >= 3))];
}

export function checkPassword(password: string, userInputs: string[] = []): PasswordCheck {
  if (password.length < PASSWORD_MIN_LENGTH) return { ok: false, score: 0, messages: [PASSWORD_TOO_SHORT_MESSAGE] };
  if (password.length > PASSWORD_MAX_LENGTH) return { ok: false, score: 0, messages: [PASSWORD_TOO_LONG_MESSAGE] };
  const result = zxcvbn().check(password, userInputs);
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true, score: result.score, messages: [] };
  const feedback = [result.feedback.warning, ...result.feedback.suggestions].filter((m): m is string => Boolean(m));
  return { ok: false, score: result.score, messages: [PASSWORD_TOO_WEAK_MESSAGE, ...feedback] };
}
