import { formatWithOptions } from "node:util";

// Logs never carry personal data. A failed query's error holds the query's parameters (names,
// emails, postcodes, IP addresses: drizzle's "Failed query: ... params: ..." message) and
// Postgres's `detail` (a unique violation's detail quotes the email), and other errors' messages
// may quote input too (JSON.parse quotes the text it choked on). So an error is logged as what
// the code was doing, the error's kind and code, and where it was thrown, and never its message.

const MAX_CAUSES = 5;
const MAX_FRAMES = 8;
// Postgres's error codes (SQLSTATE): five digits or capital letters, such as 23505 or 57P01.
const SQLSTATE = /^[0-9A-Z]{5}$/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
  stack?: unknown;
  message?: unknown;
  query?: unknown;
  params?: unknown;
  severity?: unknown;
}

const isErrorLike = (value: unknown): value is ErrorLike =>
  value instanceof Error || (typeof value === "object" && value !== null && "stack" in value);

/** The error and its causes, outermost first. */
function chainOf(error: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  for (let link: unknown = error; isErrorLike(link) && chain.length < MAX_CAUSES; link = link.cause)
    chain.push(link);
  return chain;
}

const isFailedQuery = (link: ErrorLike) =>
  (typeof link.query === "string" && "params" in link) ||
  (typeof link.message === "string" && link.message.startsWith("Failed query:"));
const isPostgresError = (link: ErrorLike) =>
  typeof link.code === "string" && SQLSTATE.test(link.code) && "severity" in link;

// Named by what they are rather than by class: the production bundle shortens class names.
const kindOf = (link: ErrorLike) =>
  isPostgresError(link)
    ? "database error"
    : isFailedQuery(link)
      ? "failed query"
      : typeof link.name === "string" && link.name !== "Error"
        ? link.name
        : ((link as object).constructor?.name ?? "Error");

/** Did this come from the database (a failed query, or an error Postgres or PGlite raised)? */
export function isDatabaseError(error: unknown): boolean {
  return chainOf(error).some((link) => isFailedQuery(link) || isPostgresError(link));
}

/**
 * "failed query < database error 23505 (constraint signatures_email_key), at ...": each
 * error in the chain by its kind, code and constraint, then where the outermost was thrown.
 */
export function describeError(error: unknown): string {
  const chain = chainOf(error);
  if (chain.length === 0)
    return typeof error === "string" || typeof error === "number" ? `thrown ${typeof error}` : "thrown value";
  const links = chain.map((link) => {
    const code = typeof link.code === "string" || typeof link.code === "number" ? ` ${link.code}` : "";
    const constraint = typeof link.constraint === "string" ? ` (constraint ${link.constraint})` : "";
    return `${kindOf(link)}${code}${constraint}`;
  });
  const frames =
    typeof chain[0]!.stack === "string"
      ? chain[0]!.stack
          .split("\n")
          .filter((line) => /^\s+at /.test(line))
          .slice(0, MAX_FRAMES)
      : [];
  return [links.join(" < "), ...frames].join("\n");
}

/** Logs that `scope` (what the code was doing, such as "recordSupport") failed, without personal data. */
export function logError(scope: string, error: unknown): void {
  console.error(`[${scope}] failed: ${describeError(error)}`);
}

// Once per process, though the server script and Next.js's bundle each load a copy of this module.
const INSTALLED = Symbol.for("upstand.logRedaction");

/**
 * The safety net for what this code does not log itself (Next.js prints the errors thrown by a
 * page or server action, and libraries print what they like): console.error, warn, log and
 * info print a database error, and any text carrying a failed query's parameters, as
 * `describeError` does. Installed once per server process, from instrumentation.ts and
 * scripts/serve.ts.
 */
export function installLogRedaction(): void {
  const registry = globalThis as { [INSTALLED]?: boolean };
  if (registry[INSTALLED]) return;
  registry[INSTALLED] = true;
  for (const method of ["error", "warn", "log", "info"] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => original(...args.map(redact));
  }
}

function redact(value: unknown): unknown {
  if (typeof value === "string")
    return value.includes("Failed query:") || /\bparams: /.test(value) ? redactText(value) : value;
  if (isErrorLike(value) && isDatabaseError(value)) return `[database error] ${describeError(value)}`;
  if (typeof value === "object" && value !== null && !isErrorLike(value)) {
    // An object that holds an error somewhere, such as { error }: printed as Node would print
    // it, then checked as text.
    const text = formatWithOptions({ depth: 4 }, "%O", value);
    return text.includes("Failed query:") || /\bparams: /.test(text) ? redactText(text) : value;
  }
  return value;
}

const redactText = (text: string) =>
  text
    .replace(/Failed query:[\s\S]*/, "Failed query: [redacted: the query and its parameters]")
    .replace(/\bparams: [\s\S]*/, "params: [redacted]");
