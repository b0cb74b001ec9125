import { redeemSupportToken, type LinkAction } from "@/db/queries/support-tokens";
import type { SupportKind } from "@/db/queries/supporters";
import { readLimitedBody } from "@/lib/http/json-body";
import { postedFromLanguage, seeOtherIn } from "@/lib/http/page-language";
import { announceActivations } from "@/lib/signing/pledging";
import { hashToken } from "@/lib/signing/tokens";
import { logError } from "@/lib/log";
import { linkTokenSchema, supportKindSchema } from "@/lib/validation/links";

const MAX_FORM_BYTES = 1024;

/** The fields of a small url-encoded form post, or null when it is something else or too big. */
export async function readSmallForm(request: Request): Promise<URLSearchParams | null> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) return null;
  // A body cut short is read as one too big: as a form with no token.
  const body = await readLimitedBody(request, MAX_FORM_BYTES).catch(() => null);
  return new URLSearchParams(body ? new TextDecoder().decode(body) : "");
}

export const isTokenShaped = (token: string) => linkTokenSchema.safeParse(token).success;

/**
 * POST /api/links/{confirm,withdraw}: the button on the page an emailed link opens (that page's
 * GET changes nothing, since mail scanners open links), for a signature or a pledge (`kind`).
 * A plain form post, so it works without JavaScript; the answer is always a 303 back to the
 * page, in the language it was posted from, which then tells the person what happened. Served by the route handler and, on
 * Upstand's own server, directly.
 */
export async function handleLinkRequest(request: Request, action: LinkAction): Promise<Response> {
  const form = await readSmallForm(request);
  if (!form)
    return Response.json(
      { error: "Send the form as application/x-www-form-urlencoded, under 1 KB." },
      { status: 415 },
    );
  const seeOther = (pathname: string) => seeOtherIn(postedFromLanguage(form, request.headers), pathname);
  const token = form.get("token") ?? "";
  const kind: SupportKind = supportKindSchema.catch("petition").parse(form.get("kind") ?? undefined);
  if (!isTokenShaped(token)) return seeOther(`/${action}/invalid`);
  try {
    const outcome = await redeemSupportToken(kind, hashToken(token), action);
    if (outcome.result === "done" && outcome.kind === "pledge" && action === "confirm") {
      // After the commit, so that the last of many simultaneous confirmations sees them all.
      await announceActivations(outcome.parentId);
    }
  } catch (error) {
    logError(`links: ${action} a ${kind}`, error);
    return seeOther(`/${action}/${token}?retry=1`);
  }
  return seeOther(`/${action}/${token}`);
}
