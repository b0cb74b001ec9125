import type { Env } from "@/lib/env";

export type DriverName = "pglite" | "pg" | "vercel";

/**
 * Vercel's Postgres integration sets POSTGRES_URL; any other server is reached through
 * DATABASE_URL; with neither, the app runs on the embedded database with no set-up.
 */
export function pickDriver(env: Pick<Env, "VERCEL" | "POSTGRES_URL" | "DATABASE_URL">): DriverName {
  if (env.VERCEL && env.POSTGRES_URL) return "vercel";
  if (env.DATABASE_URL) return "pg";
  return "pglite";
}

/**
 * DATABASE_DIRECT_URL and DATABASE_READ_URL are more routes to DATABASE_URL's server, for
 * node-postgres; with another driver they are set but not used. Start-up warns rather than
 * refuses: every query then goes to the one database, which is safe, only not what was meant.
 */
export function unusedDatabaseRoutes(
  env: Pick<Env, "VERCEL" | "POSTGRES_URL" | "DATABASE_URL" | "DATABASE_DIRECT_URL" | "DATABASE_READ_URL">,
): string[] {
  const driver = pickDriver(env);
  if (driver === "pg") return [];
  const where =
    driver === "vercel"
      ? "Vercel's Postgres integration (POSTGRES_URL)"
      : "the embedded database (no DATABASE_URL)";
  return (["DATABASE_DIRECT_URL", "DATABASE_READ_URL"] as const)
    .filter((name) => env[name])
    .map(
      (name) =>
        `${name} is set but not used: it applies to DATABASE_URL's server, and this instance runs on ${where}.` +
        (name === "DATABASE_DIRECT_URL" && driver === "vercel"
          ? " Vercel's direct URL is POSTGRES_URL_NON_POOLING."
          : ""),
    );
}
