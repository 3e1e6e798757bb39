import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import "@/lib/zod-fr";
import { actionError, type ActionResult, type FieldErrors } from "@/lib/action-result";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { APP_ERROR_MESSAGES, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const SESSION_EXPIRED_MESSAGE = "Votre session a expiré. Reconnectez-vous pour continuer.";
export const INVALID_INPUT_MESSAGE = "Certains champs sont invalides : corrigez-les puis réessayez.";
export const UNEXPECTED_ERROR_MESSAGE = "Une erreur inattendue est survenue. Réessayez dans un instant.";

// Nested fields keep react-hook-form's dotted names ("contacts.0.email"); issues about the
// whole object become the form-level message.
export function zodFieldErrors(error: z.ZodError): { fieldErrors: FieldErrors; formErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    if (!key) formErrors.push(issue.message);
    else (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

function knownPrismaCode(error: unknown): string | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code;
  return null;
}

// Every server action goes through here: authenticate (database-checked session), authorize
// (optional permission), validate with the form's own schema, run, and turn known failures
// into French messages. Partner scoping stays the handler's job, in its Prisma `where`.
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  handler: (input: z.output<S>, actor: Actor) => Promise<T>,
  options: { permission?: Permission } = {},
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const actor = await getActor();
    if (!actor) return actionError(SESSION_EXPIRED_MESSAGE);
    if (options.permission && !can(actor.role, options.permission)) return actionError(APP_ERROR_MESSAGES.FORBIDDEN);

    const parsed = await schema.safeParseAsync(input);
    if (!parsed.success) {
      const { fieldErrors, formErrors } = zodFieldErrors(parsed.error);
      return actionError(formErrors[0] ?? INVALID_INPUT_MESSAGE, fieldErrors);
    }

    try {
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (error) {
      // redirect() and notFound() are control flow, not failures.
      unstable_rethrow(error);
      if (isAppError(error)) return actionError(error.message, error.fieldErrors);
      const prismaCode = knownPrismaCode(error);
      if (prismaCode === "P2002") return actionError(APP_ERROR_MESSAGES.CONFLICT);
      if (prismaCode === "P2025") return actionError(APP_ERROR_MESSAGES.NOT_FOUND);
      console.error("Server action failed", error);
      return actionError(UNEXPECTED_ERROR_MESSAGE);
    }
  };
}
