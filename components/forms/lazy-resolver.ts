import type { FieldValues, Resolver } from "react-hook-form";

/**
 * A form's resolver whose schemas are downloaded when someone starts filling the form in, not
 * with the page: the schemas and their engine were a sixth of a petition page's JavaScript,
 * and nobody needs them before typing. `load` gives the resolver for a key (the pledge's step;
 * none for a form with one schema). `preload` (the form's onFocus) starts the download; the
 * resolver waits for it, so the first check is the same as every other. Should the download
 * fail, the form is sent unchecked and the server's answer puts the same messages on the fields.
 */
export function lazyResolver<T extends FieldValues, K = void>(
  load: () => Promise<(key: K) => Resolver<T>>,
): { resolverFor: (key: K) => Resolver<T>; preload: () => void } {
  let loading: Promise<((key: K) => Resolver<T>) | null> | null = null;
  const loaded = () =>
    (loading ??= load().catch(() => {
      loading = null; // try again next time
      return null;
    }));
  return {
    resolverFor: (key) => async (values, context, options) => {
      const resolverOf = await loaded();
      return resolverOf ? resolverOf(key)(values, context, options) : { values, errors: {} };
    },
    preload: () => void loaded(),
  };
}
