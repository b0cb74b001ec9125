import { env } from "@/lib/env";

// The one definition of the security headers. Two places send them, so that every response
// carries them on every way of running Upstand: proxy.ts for everything Next.js answers (pages,
// route handlers, server actions, static files, 404s), and scripts/web-handler.ts for the routes
// Upstand's own server answers directly (lib/api/direct-routes.ts). Both read them at run time,
// so HSTS follows the SITE_URL the server starts with, not the one it was built with.

/**
 * Pages rendered afresh for each request, which therefore get a per-request script nonce:
 * the staff console (sign-in included) and the pages an emailed link opens. Every other page is
 * prerendered or revalidated in the background (ISR), and its inline scripts (React's flight
 * data, `self.__next_f.push(...)`) are baked into cached HTML that no nonce can reach. A path
 * listed here must stay dynamic: a prerendered page under a nonce policy runs no script at all.
 */
const NONCE_PATH = /^\/(staff|confirm|withdraw|fulfil|unsubscribe)(\/|$)/;

export function isNoncePath(pathname: string): boolean {
  return NONCE_PATH.test(pathname);
}

/** 128 random bits, base64: a fresh one for each request to a nonce path. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The Content-Security-Policy. Scripts: with a nonce, only scripts carrying it and those they
 * load ('strict-dynamic'); without one (prerendered pages), same-origin files and inline scripts.
 * Styles allow inline because React and recharts write `style` attributes, which no nonce
 * covers. React needs eval only in development, for its error stacks.
 */
function contentSecurityPolicy(
  nonce?: string,
  frameAncestors?: readonly string[],
  isDevelopment = env().NODE_ENV === "development",
): string {
  const scripts = nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'", "'self'"] : ["'self'", "'unsafe-inline'"];
  if (isDevelopment) scripts.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // An embed may also be framed by the site itself: the console's preview (app/(staff)/staff/(console)/embeds).
    `frame-ancestors ${frameAncestors ? ["'self'", ...frameAncestors].join(" ") : "'none'"}`,
  ].join("; ");
}

/** A year, as browsers and the HSTS preload list expect at least. */
const HSTS = "max-age=31536000; includeSubDomains";

/** Whether the site is served over HTTPS, by its public address (SITE_URL). */
export function isHttpsSite(): boolean {
  return env().SITE_URL?.startsWith("https:") ?? false;
}

/**
 * The embeds (app/[locale]/embed), the only pages another site may frame, and only the sites
 * staff allow for the campaign: `/embed/petition/{slug}`, `/embed/pledge/{slug}` and
 * `/embed/counter/{kind}/{slug}`, in any language. Null for every other path.
 */
const EMBED_PATH =
  /^(?:\/[a-zA-Z-]{2,5})?\/embed\/(?:(petition|pledge)|counter\/(petition|pledge))\/([^/]+)\/?$/;

export function embedTargetOf(pathname: string): { kind: "petition" | "pledge"; slug: string } | null {
  const match = EMBED_PATH.exec(pathname);
  if (!match) return null;
  const kind = (match[1] ?? match[2]) as "petition" | "pledge";
  try {
    return { kind, slug: decodeURIComponent(match[3]!) };
  } catch {
    return null;
  }
}

/**
 * Every security header for one response; `nonce` only for a page on a nonce path. `frameAncestors`
 * only for an embed: the origins allowed to frame it, sent as `frame-ancestors` in place of
 * `X-Frame-Options: DENY` (which knows no list); with an empty list only the site itself (the
 * console's preview) may frame it.
 */
export function securityHeaders(nonce?: string, frameAncestors?: readonly string[]): [string, string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy(nonce, frameAncestors)],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
  ];
  if (!frameAncestors) headers.push(["X-Frame-Options", "DENY"]);
  if (isHttpsSite()) headers.push(["Strict-Transport-Security", HSTS]);
  return headers;
}
