export type ActionResult<T = void> =
  | { ok: true; data: T }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Partial<Record<string, string[]>>;
      /** What was sent, handed back so that a form posted without JavaScript keeps it (never a password). */
      values?: Record<string, unknown>;
    };

/** A server action a form sends its FormData to (through useActionState, so the last answer comes first). */
export type FormAction<T = void> = (
  previous: ActionResult<T> | null,
  formData: FormData,
) => Promise<ActionResult<T>>;
