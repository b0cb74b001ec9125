"use client";

import { useEffect, useRef, useState } from "react";
import { useActionForm } from "@/components/forms/use-action-form";
import { revokeApiKeyAction } from "@/lib/actions/staff-api-keys";

/** Revoking in two steps: the button, then a question naming the key. */
export function RevokeApiKeyForm({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const { formRef, formAction, onSubmit, isPending, formError } = useActionForm({
    action: revokeApiKeyAction,
  });
  const [isAsking, setIsAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const hasAsked = useRef(false);
  // Keyboard users land on the question, and back on the button when they cancel.
  useEffect(() => {
    if (isAsking) {
      hasAsked.current = true;
      question.current?.focus();
    } else if (hasAsked.current) {
      opener.current?.focus();
    }
  }, [isAsking]);
  if (!isAsking)
    return (
      <div className="space-y-1">
        <span>Live </span>
        <button
          ref={opener}
          type="button"
          className="button-secondary"
          onClick={() => setIsAsking(true)}
          aria-label={`Revoke ${prefix} (${name})…`}
        >
          Revoke…
        </button>
      </div>
    );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <p ref={question} tabIndex={-1} className="font-semibold">
        Revoke {prefix} (“{name}”)? Systems using it are refused from their next request. This cannot be
        undone.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Revoking…" : "Yes, revoke it"}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => setIsAsking(false)}
          disabled={isPending}
        >
          Cancel
        </button>
      </div>
      {formError ? <p className="text-sm font-semibold text-error">{formError}</p> : null}
    </form>
  );
}
