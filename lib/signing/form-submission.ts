import type { ActionResult } from "@/lib/action-result";
import { clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import type { Supported, SupportContext } from "@/lib/signing/supporting";

/** What a supporter form's server action hands back: the result, and what was typed. */
export interface SupportFormState {
  result: ActionResult<Supported> | null;
  /** What was typed, handed back so that a form sent without JavaScript keeps it. */
  values: Record<string, string>;
}

export const SUPPORTER_TEXT_FIELDS = ["firstName", "lastName", "email", "country", "postalCode"] as const;
export const SUPPORTER_CHECKBOXES = ["isPublic", "wantsUpdates", "acceptsPrivacy"] as const;

export const formText = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Who sent a supporter form, and from which link: the form carries ?source= and ?ref=, else the page's address. */
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
  };
}
