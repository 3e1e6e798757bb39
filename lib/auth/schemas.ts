// Shared by the sign-in form (client) and the Credentials provider (server).
import { z } from "zod";
import "@/lib/zod-fr";

// Caps keep a hostile client from making the server hash megabytes of "password".
export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MAX_LENGTH = 256;

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Saisissez votre adresse e-mail.")
    .max(EMAIL_MAX_LENGTH, "Adresse e-mail trop longue.")
    .pipe(z.email("Adresse e-mail invalide.")),
  password: z
    .string()
    .min(1, "Saisissez votre mot de passe.")
    .max(PASSWORD_MAX_LENGTH, "Mot de passe trop long."),
});

export type LoginInput = z.input<typeof loginSchema>;
export type LoginValues = z.output<typeof loginSchema>;

export const INVALID_CREDENTIALS_MESSAGE = "E-mail ou mot de passe incorrect.";
export const THROTTLED_MESSAGE = "Trop de tentatives. Réessayez dans quelques minutes.";
export const SIGN_IN_FAILED_MESSAGE = "La connexion a échoué. Réessayez dans un instant.";

// Error codes the Credentials provider sends back through next-auth's `?error=` parameter.
export const THROTTLED_ERROR_CODE = "TooManyAttempts";

// next-auth reports a refused password as "CredentialsSignin"; the provider throws
// THROTTLED_ERROR_CODE when throttled. Anything else is a technical failure.
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === THROTTLED_ERROR_CODE) return THROTTLED_MESSAGE;
  if (code === "CredentialsSignin") return INVALID_CREDENTIALS_MESSAGE;
  return SIGN_IN_FAILED_MESSAGE;
}
