// Client side of the server-action contract (lib/action-result.ts), shared by the forms: no
// server-only import.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

export const NETWORK_ERROR = "L'enregistrement n'a pas abouti. Vérifiez votre connexion et réessayez.";

export type SubmitTarget<F extends FieldValues> = {
  // The form's own fields: an error on any other key only shows in the form-level message.
  fields: readonly string[];
  setError: UseFormSetError<F>;
  setFormError: (message: string) => void;
  // What to say when the request never came back, in the form's own words.
  networkError?: string;
};

// Calls a server action from a react-hook-form submit handler. A dropped connection or a refusal
// becomes the form's message and each field error lands under its field, while the typed values
// stay in the form. Resolves to `{ data }` on success, undefined otherwise.
export async function submitAction<T, F extends FieldValues>(
  call: () => Promise<ActionResult<T>>,
  target: SubmitTarget<F>,
): Promise<{ data: T } | undefined> {
  let result: ActionResult<T>;
  try {
    result = await call();
  } catch {
    target.setFormError(target.networkError ?? NETWORK_ERROR);
    return undefined;
  }
  if (!result.ok) {
    target.setFormError(result.error);
    for (const [field, messages] of Object.entries(result.fieldErrors)) {
      const message = messages[0];
      if (message && target.fields.includes(field)) target.setError(field as Path<F>, { message });
    }
    return undefined;
  }
  return { data: result.data };
}
