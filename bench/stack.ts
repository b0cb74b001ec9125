import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPostgresCluster } from "./postgres";
import { startBenchServer, type BenchServer } from "./serve";

/**
 * Runs `measure` against Upstand served from a production build on a Postgres cluster of its
 * own, with a direct database connection for checks; stops everything afterwards, whatever
 * happens, and prints the result as one JSON line.
 */
export async function benchOnPostgres(
  measure: (stack: {
    server: BenchServer;
    db: pg.Client;
    databaseUrl: string;
  }) => Promise<Record<string, unknown>>,
): Promise<void> {
  const cluster = await startPostgresCluster();
  let result: Record<string, unknown> = {};
  try {
    const server = await startBenchServer({
      DATABASE_URL: cluster.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TRUSTED_PROXY_HEADER: "x-real-ip",
      DEV_MAILBOX: "off",
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

/** The Confirm button's server action, read from a confirm page, to post as a browser's form would. */
export async function confirmActionField(serverUrl: string, token: string): Promise<string> {
  const page = await (await fetch(`${serverUrl}/confirm/${token}`)).text();
  const field = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(page)?.[1];
  if (!field) throw new Error("could not find the Confirm button's server action on the confirm page");
  return field;
}

/** Posts the Confirm button's form for one token; true when the server accepted it. */
export async function pressConfirm(serverUrl: string, actionField: string, token: string): Promise<boolean> {
  const form = new FormData();
  form.set(actionField, "");
  form.set("token", token);
  const response = await fetch(`${serverUrl}/confirm/${token}`, {
    method: "POST",
    body: form,
    redirect: "manual",
    headers: { Origin: serverUrl },
  });
  return response.status === 303 || response.status === 200;
}
