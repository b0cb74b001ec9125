"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getFeaturedCampaignName } from "@/db/queries/featured-campaign";
import {
  endYourDataSession,
  eraseYourData,
  insertYourDataLink,
  openYourDataSession,
  setYourUpdates,
  withdrawYourSupport,
  type YourChange,
  type YourDataSession,
} from "@/db/queries/your-data";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import { localizedPath, type Locale } from "@/lib/domain/locale";
import { outboxFields } from "@/lib/domain/mail";
import { formLanguageOf } from "@/lib/domain/preferred-language";
import { revalidatePublicPage } from "@/lib/content/public-pages";
import { floodWait } from "@/lib/http/flood-limits";
import { siteUrl } from "@/lib/http/site-url";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { logError } from "@/lib/log";
import { yourDataLinkMail } from "@/lib/mail/messages";
import { formInput, formText } from "@/lib/signing/form-submission";
import { hashToken, newToken } from "@/lib/signing/tokens";
import { linkTokenSchema } from "@/lib/validation/links";
import { yourDataRequestSchema, yourSupportSchema, yourUpdatesSchema } from "@/lib/validation/your-data";
import {
  clearYourDataCookie,
  currentYourDataSession,
  newYourDataSessionId,
  setYourDataCookie,
} from "@/lib/your-data/session";

// The "Your data" forms (app/[locale]/(site)/your-data). Plain forms that work without
// JavaScript: each action answers with a redirect to the page, which says what happened. Every
// action after the first two acts only inside the caller's session (the cookie), on rows of that
// session's canonical email, which the queries put in their WHERE.

const pageIn = (formData: FormData) => {
  const locale: Locale = formLanguageOf(formText(formData, "locale"));
  return (path: string) => localizedPath(locale, path);
};

/**
 * Emails a link to the address, the same answer whether or not anyone signed or pledged with it:
 * a link and its email are written either way (the outbox sends only to a known address).
 */
export async function requestYourDataLinkAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const parsed = yourDataRequestSchema.safeParse(formInput(yourDataRequestSchema, formData));
  if (!parsed.success) redirect(to("/your-data?error=email"));
  if (floodWait("signing", await headers()) > 0) redirect(to("/your-data?error=busy"));
  const email = parsed.data.email.trim();
  const { token, hash } = newToken();
  try {
    const mail = yourDataLinkMail({
      token,
      campaignName: await getFeaturedCampaignName(),
      siteUrl: siteUrl(),
      locale: formLanguageOf(formText(formData, "locale")),
    });
    if (await insertYourDataLink(canonicalEmail(email), email, hash, outboxFields(mail))) kickOutbox();
  } catch (error) {
    logError("your data: link request", error);
    redirect(to("/your-data?error=failed"));
  }
  redirect(to("/your-data/sent"));
}

/** The button on the page an emailed link opens: the link is used here, once, never by opening it. */
export async function openYourDataAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const token = formText(formData, "token");
  if (!linkTokenSchema.safeParse(token).success) redirect(to("/your-data/open/invalid"));
  if (floodWait("signing", await headers()) > 0) redirect(to("/your-data?error=busy"));
  const session = newYourDataSessionId();
  let opened: string | null = null;
  try {
    opened = await openYourDataSession(hashToken(token), session.hash);
  } catch (error) {
    logError("your data: opening a link", error);
    redirect(to(`/your-data/open/${token}?retry=1`));
  }
  // Used or expired meanwhile: the link's page says which.
  if (!opened) redirect(to(`/your-data/open/${token}`));
  await setYourDataCookie(session.token);
  redirect(to("/your-data"));
}

/** The session, or a redirect to the request form that says it ended. */
async function sessionOrEnd(to: (path: string) => string): Promise<YourDataSession> {
  const session = await currentYourDataSession();
  if (!session) {
    await clearYourDataCookie();
    redirect(to("/your-data?error=ended"));
  }
  return session;
}

const DONE: Record<string, string> = { withdraw: "withdrawn", on: "updates-on", off: "updates-off" };

function afterChange(to: (path: string) => string, change: YourChange | null, done: string): never {
  if (!change) redirect(to("/your-data?error=retry"));
  if (change.result === "not-found") redirect(to("/your-data?error=retry"));
  redirect(to(`/your-data?done=${change.result === "done" ? done : "unchanged"}`));
}

export async function withdrawYourSupportAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const session = await sessionOrEnd(to);
  const parsed = yourSupportSchema.safeParse(formInput(yourSupportSchema, formData));
  if (!parsed.success) redirect(to("/your-data?error=retry"));
  const { kind, id } = parsed.data;
  let change: YourChange | null = null;
  try {
    change = await withdrawYourSupport(session, kind, id);
    if (change.result === "done") revalidatePublicPage(`/${kind}/${change.slug}`);
  } catch (error) {
    logError("your data: withdrawing", error);
  }
  afterChange(to, change, DONE.withdraw!);
}

export async function setYourUpdatesAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const session = await sessionOrEnd(to);
  const parsed = yourUpdatesSchema.safeParse(formInput(yourUpdatesSchema, formData));
  if (!parsed.success) redirect(to("/your-data?error=retry"));
  const { kind, id, updates } = parsed.data;
  let change: YourChange | null = null;
  try {
    change = await setYourUpdates(session, kind, id, updates === "on");
  } catch (error) {
    logError("your data: updates", error);
  }
  afterChange(to, change, DONE[updates]!);
}

/** The confirmation page's button: erases every signature and pledge of the address, and ends the session. */
export async function eraseYourDataAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const session = await sessionOrEnd(to);
  let isErased = false;
  try {
    const pages = await eraseYourData(session);
    for (const { kind, slug } of pages) revalidatePublicPage(`/${kind}/${slug}`);
    isErased = true;
  } catch (error) {
    logError("your data: erasing", error);
  }
  if (!isErased) redirect(to("/your-data/erase?retry=1"));
  await clearYourDataCookie();
  redirect(to("/your-data?done=erased"));
}

export async function signOutOfYourDataAction(formData: FormData): Promise<void> {
  const to = pageIn(formData);
  const session = await currentYourDataSession();
  if (session) {
    try {
      await endYourDataSession(session);
    } catch (error) {
      logError("your data: signing out", error);
    }
  }
  await clearYourDataCookie();
  redirect(to("/your-data?done=signed-out"));
}
