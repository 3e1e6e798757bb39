import type { z } from "zod";
import type { FieldErrors } from "@/lib/action-result";

// The browser-side check's issues, keyed like the server's fieldErrors.
export function zodFieldMessages(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) (errors[issue.path.map(String).join(".")] ??= []).push(issue.message);
  return errors;
}
