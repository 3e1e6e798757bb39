// Errors the domain throws on purpose; authedAction turns them into ActionResult failures and
// route handlers into HTTP statuses. Anything else is a bug and is reported generically.
export type AppErrorCode = "NOT_FOUND" | "FORBIDDEN" | "CONFLICT" | "VALIDATION";

export const APP_ERROR_MESSAGES: Record<AppErrorCode, string> = {
  NOT_FOUND: "Élément introuvable : il a peut-être été supprimé.",
  FORBIDDEN: "Vous n'avez pas les droits nécessaires pour cette opération.",
  CONFLICT: "Ces données ont été modifiées ou existent déjà. Rechargez la page et réessayez.",
  VALIDATION: "Certaines informations sont invalides.",
};

export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  CONFLICT: 409,
  VALIDATION: 422,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  // Per-field messages, e.g. { siren: ["Ce SIREN est déjà enregistré par un autre partenaire."] }.
  readonly fieldErrors: Record<string, string[]>;

  constructor(code: AppErrorCode, message?: string, fieldErrors: Record<string, string[]> = {}) {
    super(message ?? APP_ERROR_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
