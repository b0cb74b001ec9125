import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPostgresCluster } from "./postgres";
import { startBenchServer, type BenchServer } from "./serve";

/**
 * Runs `measure` against Upstand served from a production build on a Postgres cluster of its
 * own (with `serverEnv` added to its environment), with a direct database connection for
 * checks; stops everything afterwards, whatever happens, and prints the result as one JSON line.
 */
export async function benchOnPostgres(
  measure: (stack: {
    server: BenchServer;
    db: pg.Client;
    databaseUrl: string;
  }) => Promise<Record<string, unknown>>,
  options: { serverEnv?: Record<string, string> } = {},
): Promise<void> {
  const cluster = await startPostgresCluster();
  let result: Record<string, unknown> = {};
  try {
    const server = await startBenchServer({
      DATABASE_URL: cluster.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TRUSTED_PROXY_HEADER: "x-real-ip",
      DEV_MAILBOX: "off",
      ...options.serverEnv,
    });
    const db = new pg.Client({ connectionString: cluster.url });
    try {
      await db.connect();
      result = await measure({ server, db, databaseUrl: cluster.url });
    } finally {
      await db.end().catch(() => {});
      await server.stop();
    }
  } finally {
    cluster.stop();
  }
  console.log(JSON.stringify(result));
}

/** Presses the Confirm button on the page a confirmation email links to, as a browser posts its form. */
export async function pressConfirm(serverUrl: string, token: string): Promise<boolean> {
  const response = await fetch(`${serverUrl}/api/links/confirm`, {
    method: "POST",
    body: new URLSearchParams({ token, kind: "petition" }),
    redirect: "manual",
  });
  return response.status === 303 && response.headers.get("location") === `/confirm/${token}`;
}
