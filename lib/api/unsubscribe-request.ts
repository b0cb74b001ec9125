import { stopUpdates } from "@/db/queries/updates";
import { floodRefusal } from "@/lib/http/flood-limits";
import { readLimitedBody } from "@/lib/http/json-body";
import { postedFromLanguage, seeOtherIn } from "@/lib/http/page-language";
import { logError } from "@/lib/log";
import { hashToken } from "@/lib/signing/tokens";
import { isTokenShaped } from "./link-request";

const MAX_FORM_BYTES = 1024;

const noStore = { "Cache-Control": "no-store" };

const plain = (status: number, text: string) =>
  new Response(`${text}\n`, { status, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });

/**
 * POST /api/links/unsubscribe: turns a supporter's updates off. Two callers, one effect:
 * - a mail program, by RFC 8058 one-click: the token in the URL of the List-Unsubscribe header,
 *   the body "List-Unsubscribe=One-Click" (url-encoded or multipart); it is answered 200 in words;
 * - the button on /unsubscribe/[token] (a plain form post with the token), answered 303 back to
 *   that page (in the language it was posted from), which then says updates are off.
 * No session: the token is the proof. Idempotent. Limited per address like signing.
 */
export async function handleUnsubscribeRequest(request: Request): Promise<Response> {
  const refusal = floodRefusal("signing", request.headers, "text");
  if (refusal) return refusal;
  const body = await readLimitedBody(request, MAX_FORM_BYTES).catch(() => null);
  const text = body ? new TextDecoder().decode(body) : "";
  const isForm = /^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "");
  const form = isForm ? new URLSearchParams(text) : null;
  const fromPage = form?.get("from") === "page";
  const seeOther = (pathname: string) => seeOtherIn(postedFromLanguage(form, request.headers), pathname);
  const token = new URL(request.url).searchParams.get("token") ?? form?.get("token") ?? "";
  if (!isTokenShaped(token)) {
    return fromPage
      ? seeOther("/unsubscribe/invalid")
      : plain(400, "This unsubscribe link is not valid: it has no token, or not a whole one.");
  }
  try {
    const result = await stopUpdates(hashToken(token), fromPage ? "page" : "one-click");
    if (fromPage) return seeOther(`/unsubscribe/${token}`);
    if (result === "not-found") return plain(404, "This unsubscribe link is not known. Nothing changed.");
    if (result === "expired") return plain(410, "This unsubscribe link has expired. Nothing changed.");
    return plain(200, "Updates are off. You will not receive campaign updates at this address.");
  } catch (error) {
    logError("links: stop updates", error);
    if (fromPage) return seeOther(`/unsubscribe/${token}?retry=1`);
    return plain(503, "We could not turn updates off just now, and nothing changed. Please try again.");
  }
}
