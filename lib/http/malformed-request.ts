// Requests no route can make sense of, refused by Upstand's server (scripts/serve.ts) before any
// route sees them, for Next.js pages and direct routes alike: otherwise a path such as
// /petition/%zz or a Host with a space in it throws deep inside a handler and answers 500.

export interface RequestProblem {
  status: 400;
  message: string;
}

// A host name (letters, digits, hyphens, dots; underscores for container names) or an IPv4
// address, or an IPv6 address in brackets, with an optional port.
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?\.?|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;
const CONTROL = /\p{Cc}/u;

/** The path of a request target: origin-form ("/a?b"), or the path of absolute-form ("http://h/a"). */
function pathOf(target: string): string | null {
  if (target.startsWith("/")) {
    const query = target.search(/[?#]/);
    return query === -1 ? target : target.slice(0, query);
  }
  return URL.canParse(target) ? new URL(target).pathname : null;
}

/** Why this request cannot be answered, or null when it can. `host` is absent only on HTTP/1.0. */
export function requestProblem(target: string, host: string | undefined): RequestProblem | null {
  if (host !== undefined && !HOST.test(host)) {
    return { status: 400, message: "The Host header is not a valid host name." };
  }
  const path = target === "*" ? "*" : pathOf(target);
  if (path === null) return { status: 400, message: "The request's address cannot be read." };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return {
      status: 400,
      message: "The address has a bad percent-encoding (a % must be followed by two hex digits of UTF-8).",
    };
  }
  if (CONTROL.test(decoded)) return { status: 400, message: "The address contains a control character." };
  return null;
}

/** The answer to a request with a problem: JSON for the API, as its other answers are, else text. */
export function problemResponse(
  target: string,
  problem: RequestProblem,
): { status: number; contentType: string; body: string } {
  return target.startsWith("/api/")
    ? {
        status: problem.status,
        contentType: "application/json",
        body: JSON.stringify({ ok: false, formError: problem.message }),
      }
    : { status: problem.status, contentType: "text/plain; charset=utf-8", body: `${problem.message}\n` };
}
