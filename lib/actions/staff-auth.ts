"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getFeaturedCampaignName } from "@/db/queries/featured-campaign";
import { insertSignInLink } from "@/db/queries/staff";
import { outboxFields } from "@/lib/domain/mail";
import type { ActionResult } from "@/lib/action-result";
import { signIn, signOut } from "@/lib/auth/config";
import { formInput, formText } from "@/lib/signing/form-submission";
import { staffSignInMail } from "@/lib/mail/messages";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { siteUrl } from "@/lib/http/site-url";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { newToken } from "@/lib/signing/tokens";
import { linkRequestSchema, passwordSignInSchema } from "@/lib/validation/staff";
import { logError } from "@/lib/log";

const SIGN_IN_LINK_MINUTES = 30;

const WRONG = "That email address and password do not match an active account.";
// The lock is on the password path alone (lib/domain/sign-in-throttle.ts): a link always works.
const THROTTLED =
  "Too many failed attempts. Signing in by password is paused for a while; a sign-in link by email still works.";

/** Whether Next.js is carrying out a redirect: signIn's way of saying it worked. */
const isRedirect = (error: unknown) =>
  (error as { digest?: unknown })?.digest?.toString().startsWith("NEXT_REDIRECT");

export async function signInWithPasswordAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const parsed = passwordSignInSchema.safeParse(formInput(passwordSignInSchema, formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await signIn("password", { ...parsed.data, redirectTo: "/staff" });
  } catch (error) {
    if (isRedirect(error)) throw error;
    if (error instanceof AuthError) {
      return { ok: false, formError: (error as { code?: string }).code === "throttled" ? THROTTLED : WRONG };
    }
    logError("staff password sign-in", error);
    return { ok: false, formError: "We could not sign you in just now. Please try again in a minute." };
  }
  return { ok: true, data: undefined };
}

/** Emails a one-time link to a member; the answer is the same for any other address. */
export async function requestSignInLinkAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  const parsed = linkRequestSchema.safeParse(formInput(linkRequestSchema, formData));
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { token, hash } = newToken();
  const url = new URL(`/staff/sign-in/link/${token}`, siteUrl()).toString();
  try {
    const mail = staffSignInMail({
      url,
      minutes: SIGN_IN_LINK_MINUTES,
      campaignName: await getFeaturedCampaignName(),
      siteUrl: siteUrl(),
      invited: false,
    });
    const sent = await insertSignInLink(
      parsed.data.email,
      hash,
      new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000),
      outboxFields(mail),
    );
    if (sent) kickOutbox();
  } catch (error) {
    logError("staff sign-in link request", error);
    return { ok: false, formError: "We could not send a link just now. Please try again in a minute." };
  }
  return { ok: true, data: undefined };
}

/** The Sign in button on the page a link opens: the link is used here, once, never by opening it. */
export async function signInWithLinkAction(formData: FormData): Promise<void> {
  try {
    await signIn("link", { token: formText(formData, "token"), redirectTo: "/staff" });
  } catch (error) {
    if (isRedirect(error)) throw error;
    if (!(error instanceof AuthError)) logError("staff link sign-in", error);
  }
  redirect("/staff/sign-in?link=used");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/staff/sign-in" });
}
