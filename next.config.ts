import type { NextConfig } from "next";
import { pickDriver } from "./lib/database-driver";
import { env } from "./lib/env";
import { SECURITY_HEADERS } from "./lib/security-headers";


const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Without this, PGlite's 15 MB of WASM is copied into .next/static and served publicly.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@vercel/postgres", "ws"],
  // Servers apply migrations when they start, so the SQL files must travel with the build.
  outputFileTracingIncludes: { "/**": ["./db/migrations/**/*"] },
  // Pages are prerendered from the database. The embedded one admits one process at a time,
  // so the build renders in a single worker when it is in use.
  // authInterrupts: forbidden() answers a too-low staff role with a 403 page.
  experimental: { authInterrupts: true, ...(pickDriver(env()) === "pglite" ? { cpus: 1 } : {}) },
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
