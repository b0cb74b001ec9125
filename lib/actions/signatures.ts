"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/action-result";
import { clientIp } from "@/lib/client-ip";
import { env } from "@/lib/env";
import { signPetition, type Signed } from "@/lib/signing";

export interface SignFormState {
  result: ActionResult<Signed> | null;
  /** What was typed, handed back so that a form sent without JavaScript keeps it. */
  values: Record<string, string>;
}

const TEXT_FIELDS = ["firstName", "lastName", "email", "country", "postalCode", "comment"] as const;
const CHECKBOXES = ["isPublic", "wantsUpdates", "acceptsPrivacy"] as const;

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Where the signer arrived from: the form carries ?source= and ?ref=, else the page's address. */
function linkCodes(formData: FormData, referer: string | null) {
  let query = new URLSearchParams();
  try {
    if (referer) query = new URL(referer).searchParams;
  } catch {
    // an unreadable Referer tells us nothing
  }
  return {
    source: text(formData, "source") || query.get("source"),
    referredBy: text(formData, "ref") || query.get("ref"),
  };
}

export async function signPetitionAction(_previous: SignFormState, formData: FormData): Promise<SignFormState> {
  const values = Object.fromEntries(TEXT_FIELDS.map((name) => [name, text(formData, name)]));
  const raw = {
    ...values,
    ...Object.fromEntries(CHECKBOXES.map((name) => [name, formData.get(name) === "on"])),
  };
  const requestHeaders = await headers();
  try {
    const result = await signPetition(text(formData, "slug"), raw, {
      ip: clientIp(requestHeaders, env().TRUSTED_PROXY_HEADER),
      ...linkCodes(formData, requestHeaders.get("referer")),
      honeypot: text(formData, "website") || null,
    });
    return { result, values: result.ok ? {} : values };
  } catch (error) {
    console.error("[signing] a signature could not be saved", error);
    return {
      result: { ok: false, formError: "We could not save your signature just now. Nothing was lost: please try again in a minute." },
      values,
    };
  }
}
