// What every server action returns: the form shows `error` above the fields and each
// `fieldErrors[name][0]` under its field.
export type FieldErrors = Record<string, string[]>;

export type ActionResult<T = void> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors: FieldErrors };

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function actionError(error: string, fieldErrors: FieldErrors = {}): { ok: false; error: string; fieldErrors: FieldErrors } {
  return { ok: false, error, fieldErrors };
}
