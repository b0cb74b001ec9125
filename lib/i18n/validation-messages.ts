import { createTranslator } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { type Locale } from "@/lib/domain/locale";
import { wordsFor, type ValidationMessages } from "@/lib/validation/messages";
import { COMMENT_MAX, EMAIL_MAX, NAME_MAX, POSTAL_CODE_MAX } from "@/lib/validation/supporter-rules";
import type english from "@/messages/en.json";
import { messagesFor } from "./messages";

// The words of the public forms' messages, which their schemas give as keys (lib/validation/messages.ts).

/** The limits the messages name ("Keep your comment to {commentMax} characters or fewer"). */
const LIMITS = {
  nameMax: NAME_MAX,
  emailMax: EMAIL_MAX,
  postalCodeMax: POSTAL_CODE_MAX,
  commentMax: COMMENT_MAX,
};

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const byLocale = new Map<Locale, ValidationMessages>();

/**
 * Every `validation` message in `locale` by key, limits filled in (English where a message has no
 * translation): what a form's page hands to the form, and what the server answers with.
 */
export function validationMessages(locale: Locale): ValidationMessages {
  let messages = byLocale.get(locale);
  if (!messages) {
    const all = messagesFor(locale) as typeof english;
    const t = createTranslator({ locale, messages: all, namespace: "validation" });
    messages = Object.fromEntries(
      keysOf(all.validation).map((key) => [key, t(key as Parameters<typeof t>[0], LIMITS)]),
    );
    byLocale.set(locale, messages);
  }
  return messages;
}

/** A refusal with its messages in `locale`'s words: keys are replaced, words already written kept. */
export function inWords<T>(result: ActionResult<T>, locale: Locale): ActionResult<T> {
  if (result.ok) return result;
  const messages = validationMessages(locale);
  return {
    ...result,
    ...(result.formError ? { formError: wordsFor(result.formError, messages) } : {}),
    ...(result.fieldErrors
      ? {
          fieldErrors: Object.fromEntries(
            Object.entries(result.fieldErrors).map(([field, errors]) => [
              field,
              errors?.map((error) => wordsFor(error, messages)),
            ]),
          ),
        }
      : {}),
  };
}
