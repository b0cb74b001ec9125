import { KEPT_QUERY_PARAMETERS, TAG_MAX_LENGTH } from "@/lib/domain/referrer";
import { normaliseOrigin } from "@/lib/domain/referrer";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * What the loader (public/embed.js) tells an embed about the page it sits on: the host's origin
 * (?host=), its address without personal data (?page=) and its link's codes and tags. Carried in
 * the form as hidden fields, so that a post without the frame's JavaScript keeps them too; the
 * server cleans them again (lib/signing/form-submission.ts).
 */
export function embedContextOf(searchParams: SearchParams): {
  host: string | null;
  hiddenFields: Record<string, string>;
} {
  const host = normaliseOrigin(first(searchParams.host));
  const hiddenFields: Record<string, string> = { embed: "1" };
  if (host) hiddenFields.embed_host = host;
  const page = first(searchParams.page).slice(0, 2000);
  if (page) hiddenFields.referrer_url = page;
  for (const name of KEPT_QUERY_PARAMETERS) {
    const value = first(searchParams[name]).slice(0, TAG_MAX_LENGTH);
    if (value) hiddenFields[name] = value;
  }
  return { host, hiddenFields };
}
