import { addressKey, clientIp } from "@/lib/http/client-ip";
import { env } from "@/lib/env";
import { FloodGuard, StreamSlots } from "@/lib/http/flood-guard";

/**
 * The flood limits of this instance (README, "Flood limits"): a token bucket per client address
 * for each kind of public request, and caps on open streams. They live in this process's
 * memory, so with several instances each holds its own; the signing limits that protect a
 * count are in the database and hold across instances.
 */
export type FloodLimitName =
  "pages" | "totals" | "streams" | "signing" | "signIn" | "reports" | "apiKey" | "webhooksApi";

interface FloodLimits {
  guards: Record<FloodLimitName, FloodGuard>;
  streams: StreamSlots;
}

/** How long a refused stream is told to wait: long enough for a burst to pass. */
const STREAM_RETRY_AFTER_SECONDS = 15;

// One set per process, on globalThis: Upstand's server (scripts/serve.ts) and Next.js's bundle
// of the route handlers load this module separately, and must count into the same buckets.
const holder = globalThis as { upstandFloodLimits?: FloodLimits };

function limits(): FloodLimits {
  if (holder.upstandFloodLimits) return holder.upstandFloodLimits;
  const config = env();
  holder.upstandFloodLimits = {
    guards: {
      pages: new FloodGuard(config.FLOOD_LIMIT_PAGES),
      totals: new FloodGuard(config.FLOOD_LIMIT_TOTALS),
      streams: new FloodGuard(config.FLOOD_LIMIT_STREAMS),
      signing: new FloodGuard(config.FLOOD_LIMIT_SIGNING),
      signIn: new FloodGuard(config.FLOOD_LIMIT_SIGN_IN),
      reports: new FloodGuard(config.FLOOD_LIMIT_REPORTS),
      apiKey: new FloodGuard(config.FLOOD_LIMIT_API_KEY),
      webhooksApi: new FloodGuard(config.FLOOD_LIMIT_WEBHOOKS_API),
    },
    streams: new StreamSlots(config.FLOOD_STREAMS_PER_ADDRESS, config.FLOOD_STREAMS_PER_INSTANCE),
  };
  return holder.upstandFloodLimits;
}

/**
 * The key a request counts under, or null when its address is unknown: then no per-address
 * limit applies, as one shared bucket for every unknown caller would let one flood shut out all.
 */
function floodKey(headers: Headers): string | null {
  const ip = clientIp(headers, env().TRUSTED_PROXY_HEADER);
  return ip ? addressKey(ip) : null;
}

/** Takes a token for the request's address; 0 when it may go on, else the seconds to wait. */
export function floodWait(name: FloodLimitName, headers: Headers): number {
  const key = floodKey(headers);
  return key === null ? 0 : limits().guards[name].take(key);
}

/**
 * Takes a token for an API key (counted by key, not address: a partner's sync comes from one
 * server, and one key's calls from several servers share its budget); 0 or seconds to wait.
 */
export function apiKeyFloodWait(keyId: string): number {
  return limits().guards.apiKey.take(`api-key:${keyId}`);
}

const TOO_MANY_REQUESTS = "Too many requests from your address. Please wait a little and try again.";

/** The answer over a limit: 429 with Retry-After and a short plain message, as text or as JSON. */
export function tooManyRequests(wait: number, as: "text" | "json"): Response {
  const headers = { "Retry-After": String(wait), "Cache-Control": "no-store" };
  return as === "json"
    ? Response.json({ error: TOO_MANY_REQUESTS }, { status: 429, headers })
    : new Response(`${TOO_MANY_REQUESTS}\n`, {
        status: 429,
        headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
      });
}

/** 429 when the request's address is over the named limit, else null. */
export function floodRefusal(name: FloodLimitName, headers: Headers, as: "text" | "json"): Response | null {
  const wait = floodWait(name, headers);
  return wait > 0 ? tooManyRequests(wait, as) : null;
}

/**
 * A place for one more open stream: the function that gives it back, or a 503 with Retry-After
 * when the caller's address or this instance already holds as many as it may.
 */
export function acquireStreamSlot(headers: Headers): (() => void) | Response {
  const slot = limits().streams.acquire(floodKey(headers));
  if (typeof slot === "function") return slot;
  const error =
    slot === "address"
      ? "Too many live updates are open from your address. The page will keep its numbers up to date without one."
      : "The server is carrying as many live updates as it can. The page will keep its numbers up to date without one.";
  return Response.json(
    { error },
    {
      status: 503,
      headers: { "Retry-After": String(STREAM_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
    },
  );
}

/**
 * For Upstand's own server, before Next.js does any work: which limit a request it hands to
 * Next.js counts against. Staff sign-in has its own, tighter limit: POSTs to Auth.js's callbacks
 * and to the sign-in pages (their server actions, and the same forms without JavaScript), and
 * any server action call naming a sign-in action (`Next-Action`), whatever path it is sent to.
 * Build assets under /_next/static are not counted: they are immutable files that a page load
 * fetches a dozen of and browsers cache, so counting them would spend a shared address's
 * allowance on nothing.
 */
export function nextJsFloodLimit(
  method: string,
  pathname: string,
  actionId: string | undefined,
  signInActions: ReadonlySet<string>,
): FloodLimitName | null {
  let path = pathname;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    // Not percent-encoded properly: matched as it is.
  }
  path = path.replace(/\/{2,}/g, "/");
  if (path.startsWith("/_next/static/")) return null;
  if (method !== "POST") return "pages";
  if (actionId !== undefined && signInActions.has(actionId)) return "signIn";
  return /^\/(api\/auth\/(callback|signin)\/|staff\/sign-in(\/|$))/.test(path) ? "signIn" : "pages";
}

/** The module whose server actions sign staff in. */
const SIGN_IN_ACTIONS_MODULE = "lib/actions/staff-auth.ts";

/** The ids of the sign-in server actions, from a build's server-reference-manifest.json. */
export function signInActionIds(manifestJson: string): Set<string> {
  const manifest = JSON.parse(manifestJson) as {
    node?: Record<string, { filename?: string; exportedName?: string }>;
  };
  return new Set(
    Object.entries(manifest.node ?? {})
      .filter(
        ([, action]) => action.filename === SIGN_IN_ACTIONS_MODULE && action.exportedName !== "signOutAction",
      )
      .map(([id]) => id),
  );
}
