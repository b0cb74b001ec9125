import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { wordsFor, type ValidationMessages } from "@/lib/validation/messages";

/**
 * `resolver` with its messages, which the public schemas give as keys (lib/validation/messages.ts),
 * in the words its page sent for the reader's language.
 */
export function wordedResolver<T extends FieldValues>(
  resolver: Resolver<T>,
  messages: ValidationMessages,
): Resolver<T> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    return { ...result, errors: worded(result.errors, messages) } as Awaited<ReturnType<Resolver<T>>>;
  };
}

// A field's error (`{ type, message, ref }`), or errors nested under a field (a list's items, an
// object's fields). `ref` is the field's element, left as it is.
function worded<E extends FieldErrors>(errors: E, messages: ValidationMessages): E {
  const out: Record<string, unknown> = Array.isArray(errors)
    ? ([] as unknown as Record<string, unknown>)
    : {};
  for (const [key, value] of Object.entries(errors)) {
    if (key === "ref" || value === null || typeof value !== "object") {
      out[key] = key === "message" && typeof value === "string" ? wordsFor(value, messages) : value;
    } else {
      out[key] = worded(value as FieldErrors, messages);
    }
  }
  return out as E;
}
