import { NextResponse, type NextRequest } from "next/server";
import { withoutDefaultPrefix } from "./lib/domain/locale";
import { crossOriginRefusal, isCrossOriginWrite } from "./lib/http/same-origin";
import { embedFrameAncestors } from "./lib/http/embed-frame-ancestors";
import { embedTargetOf, isNoncePath, newNonce, securityHeaders } from "./lib/http/security-headers";

const withHeaders = (response: Response, nonce?: string, frameAncestors?: readonly string[]) => {
  for (const [key, value] of securityHeaders(nonce, frameAncestors)) response.headers.set(key, value);
  return response;
};

const needsSession = (pathname: string) =>
  /^\/staff(\/|$)/.test(pathname) && !/^\/staff\/sign-in(\/|$)/.test(pathname);

// Runs before Next.js answers anything, on every way of deploying it.
// 1. A write sent by another site's page is refused with 403 (a server action, posted with a
//    Next-Action header or as a form without JavaScript, a route handler, the export); left to
//    Next.js, a foreign server action answers 500.
// 2. The staff redirect is convenience only: it sends someone with no session cookie at all to
//    the sign-in page. Every staff page, action and query checks the caller against the database
//    itself (lib/auth/staff.ts, db/queries), so nothing depends on it.
// 3. A public page asked for under the default language's code (/en/story) is sent, permanently,
//    to its one address at the root (/story), where every link and email points.
// 4. Every response gets the security headers (lib/http/security-headers.ts); a page rendered per
//    request gets a nonce, which Next.js reads from the request's CSP and puts on its scripts.
//    An embed may be framed by the origins staff allow for its campaign, and by no other.
export async function proxy(request: NextRequest) {
  if (isCrossOriginWrite(request)) return withHeaders(crossOriginRefusal());
  const { pathname } = request.nextUrl;
  if (needsSession(pathname)) {
    const hasSession =
      request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
    if (!hasSession) return withHeaders(NextResponse.redirect(new URL("/staff/sign-in", request.url)));
  }
  const canonical = withoutDefaultPrefix(pathname);
  if (canonical !== null) {
    const url = request.nextUrl.clone();
    url.pathname = canonical;
    return withHeaders(NextResponse.redirect(url, 308));
  }
  const nonce = isNoncePath(pathname) ? newNonce() : undefined;
  const headers = nonce ? new Headers(request.headers) : undefined;
  headers?.set("Content-Security-Policy", securityHeaders(nonce)[0]![1]);
  const embed = embedTargetOf(pathname);
  const frameAncestors = embed ? await embedFrameAncestors(embed.kind, embed.slug) : undefined;
  return withHeaders(
    NextResponse.next(headers ? { request: { headers } } : undefined),
    nonce,
    frameAncestors,
  );
}

// Every path: the headers belong on every response, static files and 404s included.
export const config = { matcher: "/:path*" };
