/** Methods that change nothing, and so need no check of where they came from. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request was sent by a page of another site (cross-site request
 * forgery). A browser names the sending page's origin in `Origin` on every POST; it must match
 * the host the request was sent to, as Next.js compares it for server actions (X-Forwarded-Host
 * when a proxy in front sets it, else Host; a cross-site page cannot set either without a CORS
 * preflight, which Upstand never grants). `Origin: null` (sandboxed frames, some redirects) is
 * foreign. A request with no Origin at all is let through: browsers always send one on a POST,
 * so it comes from a program (an API client, curl, a server), which holds no one's cookies.
 */
export function isCrossOriginWrite(request: Request): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site";
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const forwardedHost = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwardedHost || request.headers.get("host");
  return !host || originHost !== host.toLowerCase();
}

/** The answer to a cross-site write: 403, with a reason a developer can act on. */
export function crossOriginRefusal(): Response {
  return Response.json({ error: "This request came from another site, so it was refused." }, { status: 403 });
}
