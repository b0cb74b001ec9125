"use client";

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { ActionResult, FormAction } from "@/lib/action-result";

export interface ActionFormOptions<T extends FieldValues, D> {
  /** `zodResolver(schema)` with the schema the server action parses (or the part of it this form shows); none for a form of buttons. */
  resolver?: Resolver<T>;
  action: FormAction<D>;
  /** What the fields start with; leave out to read what the inputs hold when the form starts. */
  defaultValues?: DefaultValues<T>;
  /**
   * After a success: "defaults" empties the form as a plain form post would (the default);
   * "sent" makes what was sent the new starting point, as an edit form wants.
   */
  afterSuccess?: "defaults" | "sent";
  /** Adds what is not in the inputs to what is sent (the petition link's ?source=, say). */
  prepare?: (data: FormData) => void;
  /** Called once for each answer, after its field errors are on the fields. */
  onResult?: (result: ActionResult<D>) => void;
}

/**
 * The one pattern for every form, public and staff: react-hook-form checks the fields with the
 * shared schema, the server action gets the form's own FormData, and its answer is joined back:
 * field errors on their fields (`setError`), the form-level error on `root.server`. What was
 * typed stays in the inputs whatever the answer, because the form is never reset by React: the
 * submit handler sends it (the form's `action` is the fallback used when JavaScript has not run).
 * Without JavaScript, the page is rendered with the action's answer: its errors show next to the
 * fields and `field`/`checkbox` put back the values it hands back.
 */
export function useActionForm<T extends FieldValues, D = void>({
  resolver,
  action,
  defaultValues,
  afterSuccess = "defaults",
  prepare,
  onResult,
}: ActionFormOptions<T, D>) {
  const [result, formAction, isPending] = useActionState(action, null);
  const form = useForm<T>({
    resolver,
    defaultValues,
    // Check on submit, then as people correct: messages appearing on blur would move the
    // button from under a pointer that is already on its way to it.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const formRef = useRef<HTMLFormElement>(null);
  // Which of the last submission's fields differ from the starting point ("Saved: title").
  const [sent, setSent] = useState<{ values: T; changed: string[] } | null>(null);
  // The answer whose errors are on the fields (until then, and without JavaScript, they are read
  // from the answer itself), and what the fields held when the form started or was last saved.
  const [settled, setSettled] = useState<{
    result: ActionResult<D> | null;
    baseline: Record<string, unknown>;
  }>(() => ({
    result: null,
    baseline: { ...defaultValues },
  }));
  const onResultRef = useRef(onResult);
  useEffect(() => {
    onResultRef.current = onResult;
  });

  const { setError, reset } = form;
  useEffect(() => {
    if (!result) return;
    let baseline = settled.baseline;
    if (result.ok) {
      if (afterSuccess === "sent" && sent) baseline = sent.values;
      reset(afterSuccess === "sent" && sent ? sent.values : defaultValues);
    } else {
      for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
        if (messages?.[0]) setError(field as Path<T>, { message: messages[0] });
      }
      if (result.formError) setError("root.server", { message: result.formError });
    }
    // The errors just given to react-hook-form re-render the form anyway: this joins that render.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSettled({ result, baseline });
    onResultRef.current?.(result);
    // Once per answer: what was sent and the defaults are read as they were when it came.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit((values) => {
      const data = new FormData(formRef.current!, submitter);
      prepare?.(data);
      setSent({
        values,
        changed: Object.keys(values).filter((name) => values[name] !== settled.baseline[name]),
      });
      startTransition(() => formAction(data));
    })(event);
  };

  const unapplied = result !== settled.result && result && !result.ok ? result : null;
  const error = (name: Path<T>): string | undefined => {
    const message = form.formState.errors[name]?.message;
    return typeof message === "string" ? message : unapplied?.fieldErrors?.[name]?.[0];
  };
  const errorCount = unapplied
    ? Object.keys(unapplied.fieldErrors ?? {}).length
    : Object.keys(form.formState.errors).filter((name) => name !== "root").length;
  const formError = form.formState.errors.root?.server?.message ?? unapplied?.formError;
  /** What the last answer handed back (a form sent without JavaScript), else the default. */
  const typed = (name: string) =>
    (result && !result.ok ? result.values?.[name] : undefined) ??
    (defaultValues as Record<string, unknown>)?.[name];

  /** A text input or select: registered, and showing what was typed before a reload. */
  const field = (name: Path<T>) => {
    const value = typed(name);
    return { ...form.register(name), defaultValue: typeof value === "string" ? value : undefined };
  };
  /** A lone checkbox: registered, and ticked as it was before a reload. */
  const checkbox = (name: Path<T>) => ({
    ...form.register(name),
    defaultChecked: typed(name) === true || typed(name) === "on",
  });

  return {
    form,
    formRef,
    /** The form's `action`: used only when the form is sent before (or without) JavaScript. */
    formAction,
    onSubmit,
    result,
    isPending,
    error,
    errorCount,
    formError,
    field,
    checkbox,
    typed,
    /** The fields the last submission changed from the starting point. */
    changed: sent?.changed ?? [],
  };
}
