"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { savePledgeAction } from "@/lib/actions/staff-content";
import { pledgeContentSchema, type PledgeContentInput } from "@/lib/validation/content";
import { ContentField } from "./content-field";
import { FormStatus } from "./form-status";
import { OpenFields } from "./open-fields";

const LABELS: Record<keyof PledgeContentInput, string> = {
  title: "title",
  statement: "statement",
  background: "background",
  goal: "goal",
  isOpen: "open or closed",
  closesAt: "closing time",
};

export function PledgeForm({
  slug,
  version,
  defaults,
}: {
  slug: string;
  version: string;
  defaults: PledgeContentInput;
}) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<PledgeContentInput>({
      resolver: zodResolver(pledgeContentSchema),
      action: savePledgeAction,
      defaultValues: defaults,
      afterSuccess: "sent",
    });
  const { register } = form;
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-3xl space-y-5"
      aria-label="Pledge"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={LABELS}
        testId="pledge-status"
      />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <ContentField id="pledge-title" label="Title" error={error("title")} registration={register("title")} />
      <ContentField
        id="pledge-statement"
        label="The promise"
        hint="In the first person: “I will …”."
        error={error("statement")}
        registration={register("statement")}
        rows={2}
      />
      <ContentField
        id="pledge-background"
        label="Background"
        hint="Paragraphs separated by a blank line."
        error={error("background")}
        registration={register("background")}
        rows={6}
      />
      <OpenFields idPrefix="pledge" noun="promises" register={register} error={error} />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the pledge"}
      </button>
    </form>
  );
}
