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
