import { z } from "zod";
import { clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import { formLanguageOf } from "@/lib/domain/preferred-language";
import { referrerDataOf, UTM_FIELDS, utmOf } from "@/lib/domain/referrer";
import { siteUrl } from "@/lib/http/site-url";
import type { SupportContext } from "@/lib/signing/supporting";

export const formText = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * What a form sent, read by the schema that will parse it, so that no list of field names is
 * kept by hand: a boolean (or `true` literal) is a checkbox, ticked when sent as "on"; an array
 * is every value sent under its name; an object is read from the same flat form; anything else
 * is the text sent, "" when absent.
 */
export function formInput(schema: z.core.$ZodObject, formData: FormData): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema._zod.def.shape).map(([name, field]) => [name, fieldInput(name, field, formData)]),
  );
}

// The engine's own classes, which schemas written with `zod` and with `zod/mini` both are.
function fieldInput(name: string, field: z.core.$ZodType, formData: FormData): unknown {
  const inner = field instanceof z.core.$ZodOptional ? field._zod.def.innerType : field;
  if (inner instanceof z.core.$ZodObject) return formInput(inner, formData);
  if (inner instanceof z.core.$ZodArray)
    return formData.getAll(name).filter((value) => typeof value === "string");
  if (
    inner instanceof z.core.$ZodBoolean ||
    (inner instanceof z.core.$ZodLiteral && inner._zod.def.values.includes(true))
  )
    return formData.get(name) === "on";
  return formText(formData, name);
}

/**
 * Who sent a supporter form, and from which link: the form carries ?source=, ?ref= and the utm_*
 * tags, else the page's address (the Referer of the post). Where they came from before: the form
 * carries `referrer_url`, the page's own document.referrer (or, in an embed, the host page the
 * loader named), and an embed adds `embed` and `embed_host`; without JavaScript on a normal page
 * the referring site is not known. The form also carries its page's language (`locale`), stored as
 * the supporter's; anything that is not one of the site's languages is taken as English, never refused.
 */
export function supportContextOf(formData: FormData, requestHeaders: Headers): SupportContext {
  let query = new URLSearchParams();
  try {
    const referer = requestHeaders.get("referer");
    if (referer) query = new URL(referer).searchParams;
  } catch {
    // an unreadable Referer tells us nothing
  }
  return {
    ip: clientIp(requestHeaders, env().TRUSTED_PROXY_HEADER),
    source: formText(formData, "source") || query.get("source"),
    referredBy: formText(formData, "ref") || query.get("ref"),
    honeypot: formText(formData, "website") || null,
    preferredLanguage: formLanguageOf(formText(formData, "locale")),
    referrer: referrerDataOf({
      utm: utmOf(
        new URLSearchParams(
          UTM_FIELDS.map((name) => [name, formText(formData, name) || (query.get(name) ?? "")]),
        ),
      ),
      referrerUrl: formText(formData, "referrer_url") || query.get("page"),
      embedHost: formText(formData, "embed_host") || query.get("host"),
      viaEmbed: formText(formData, "embed") === "1",
      siteOrigin: siteUrl().origin,
    }),
  };
}
