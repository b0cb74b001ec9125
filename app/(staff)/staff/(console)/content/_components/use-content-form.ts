"use client";

import { startTransition, useActionState, useRef, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";

type ServerAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export interface ContentFormState {
  result: ActionResult;
  /** The fields this editor changed in the submission that was saved. */
  changed: string[];
}

/**
 * One pattern for every content form: checked in the browser with the shared schema, sent to
 * the server action, whose field errors are put back on the fields. What was typed stays in
 * the form whatever the answer; after a save, what was saved becomes the new starting point
 * (or, in a form that adds something, the form is emptied for the next).
 */
export function useContentForm<T extends FieldValues>(
  resolver: Resolver<T>,
  action: ServerAction,
  defaultValues: DefaultValues<T>,
  { clearOnSuccess = false }: { clearOnSuccess?: boolean } = {},
) {
  const form = useForm<T>({ resolver, defaultValues, mode: "onSubmit", reValidateMode: "onChange" });
  const formRef = useRef<HTMLFormElement>(null);
  // What the fields held when the form was loaded or last saved: changed fields are measured from it.
  const baseline = useRef(defaultValues as Record<string, unknown>);
  const [state, run, isPending] = useActionState(
    async (_previous: ContentFormState | null, sent: { data: FormData; values: T; changed: string[] }): Promise<ContentFormState> => {
      const result = await action(null, sent.data);
      if (result.ok) {
        const next = clearOnSuccess ? defaultValues : sent.values;
        baseline.current = next as Record<string, unknown>;
        form.reset(next);
      }
      for (const [field, messages] of Object.entries(result.ok ? {} : (result.fieldErrors ?? {}))) {
        if (messages?.[0]) form.setError(field as Path<T>, { message: messages[0] });
      }
      return { result, changed: sent.changed };
    },
    null,
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void form.handleSubmit((values) => {
      const changed = Object.keys(values).filter((name) => values[name] !== baseline.current[name]);
      const sent = { data: new FormData(formRef.current!), values, changed };
      startTransition(() => run(sent));
    })(event);
  };
  const error = (name: Path<T>) => {
    const message = form.formState.errors[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
  return { form, formRef, onSubmit, state, isPending, error };
}
