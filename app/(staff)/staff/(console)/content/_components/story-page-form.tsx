"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionForm } from "@/components/forms/use-action-form";
import { saveStoryPageAction } from "@/lib/actions/staff-content";
import { storyPageSchema, type StoryPageInput } from "@/lib/validation/content";
import { BilingualField, LanguageColumns } from "./bilingual-field";
import { FormStatus } from "./form-status";
import { translatedLabels, useTranslationInputs } from "./use-translation-inputs";

const TEXTS = { title: "title", summary: "summary", body: "text" };
const LABELS: Record<string, string> = { ...TEXTS, ...translatedLabels("story", TEXTS) };

/** A story page's title, summary and text, in English and in each other language side by side. */
export function StoryPageForm({
  slug,
  version,
  defaults,
}: {
  slug: string;
  version: string;
  defaults: StoryPageInput;
}) {
  const { form, formRef, formAction, onSubmit, result, changed, isPending, error, errorCount, formError } =
    useActionForm<StoryPageInput>({
      resolver: zodResolver(storyPageSchema),
      action: saveStoryPageAction,
      defaultValues: defaults,
      afterSuccess: "sent",
    });
  const { register } = form;
  const translations = useTranslationInputs(form, error, "story");
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      className="max-w-6xl space-y-5"
      aria-label="Story page"
    >
      <FormStatus
        result={result}
        changed={changed}
        errorCount={errorCount}
        formError={formError}
        labels={LABELS}
        testId="story-status"
      />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="version" value={version} />
      <LanguageColumns />
      <BilingualField
        id="story-title"
        label="Title"
        error={error("title")}
        registration={register("title")}
        translations={translations("title")}
      />
      <BilingualField
        id="story-summary"
        label="Summary"
        hint="One sentence, shown under the title and in the list of parts."
        error={error("summary")}
        registration={register("summary")}
        translations={translations("summary")}
      />
      <BilingualField
        id="story-body"
        label="Text"
        hint="Paragraphs separated by a blank line; “## ” starts a subheading; “> quote — who said it” is a quotation. In a translation, keep a quotation in the words that were said and give its translation in the paragraph after it."
        error={error("body")}
        registration={register("body")}
        rows={16}
        translations={translations("body")}
      />
      <button type="submit" className="button-primary" disabled={isPending}>
        {isPending ? "Saving…" : "Save the story page"}
      </button>
    </form>
  );
}
