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
  // Asked for only when the account has a second factor.
  code: z.string().trim().max(40, "Code trop long.").optional(),
});

export type LoginInput = z.input<typeof loginSchema>;
export type LoginValues = z.output<typeof loginSchema>;

export const INVALID_CREDENTIALS_MESSAGE = "E-mail ou mot de passe incorrect.";
export const THROTTLED_MESSAGE = "Trop de tentatives. Réessayez dans quelques minutes.";
export const SIGN_IN_FAILED_MESSAGE = "La connexion a échoué. Réessayez dans un instant.";

// Error codes the Credentials provider sends back through next-auth's `?error=` parameter.
export const THROTTLED_ERROR_CODE = "TooManyAttempts";
export const MFA_REQUIRED_ERROR_CODE = "MfaRequired";
export const MFA_INVALID_ERROR_CODE = "MfaInvalid";

export const MFA_REQUIRED_MESSAGE = "Saisissez le code à 6 chiffres de votre application d'authentification (ou un code de secours).";
export const MFA_INVALID_MESSAGE = "Code incorrect ou déjà utilisé. Réessayez avec le code affiché maintenant.";

// next-auth reports a refused password as "CredentialsSignin"; the provider throws
// THROTTLED_ERROR_CODE when throttled. Anything else is a technical failure.
export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  if (code === THROTTLED_ERROR_CODE) return THROTTLED_MESSAGE;
  if (code === MFA_REQUIRED_ERROR_CODE) return MFA_REQUIRED_MESSAGE;
  if (code === MFA_INVALID_ERROR_CODE) return MFA_INVALID_MESSAGE;
  if (code === "CredentialsSignin") return INVALID_CREDENTIALS_MESSAGE;
  return SIGN_IN_FAILED_MESSAGE;
}
