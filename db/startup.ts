import { DataDirectoryInUseError } from "./drivers/pglite-lock";
import { prepareDatabase } from "./prepare";
import { hasAnyStaff } from "./queries/staff-presence";
import { authSecret } from "@/lib/auth/secret";
import { isUpstandServer } from "@/lib/http/client-ip";
import { unusedDatabaseRoutes } from "@/db/drivers/pick-driver";
import { env, EnvError } from "@/lib/env";
import { startHoldReleaseSchedule } from "@/lib/jobs/hold-release";
import { startOutboxWorker } from "@/lib/jobs/outbox-worker";
import { startPledgeSchedule } from "@/lib/signing/pledging";
import { startReconcileSchedule } from "@/lib/jobs/reconcile";
import { startRetentionSchedule } from "@/lib/jobs/retention";

const RETRY_MS = 5_000;

/**
 * What a server does before it answers anyone. A bad environment or a database directory held by
 * another process stops it with a plain message. A Postgres server that is down is logged and
 * tried again in the background, so the app recovers by itself once it is back.
 */
export async function startServer(): Promise<void> {
  try {
    const config = env();
    authSecret(config);
    for (const warning of unusedDatabaseRoutes(config)) console.warn(`[upstand] ${warning}`);
    if (config.NODE_ENV === "production" && !config.TRUSTED_PROXY_HEADER && !isUpstandServer()) {
      // Without Upstand's server (scripts/serve.ts) nothing tells the caller's address from one a
      // client made up, and every per-address limit would be theirs to choose.
      throw new EnvError(
        "Upstand cannot start: it is not running behind its own server (npm start), so it cannot read callers' addresses.\n" +
          "  Set TRUSTED_PROXY_HEADER to the header your platform's proxy puts the caller's address in:\n" +
          "  on Vercel, TRUSTED_PROXY_HEADER=x-vercel-forwarded-for; behind nginx, often X-Real-IP.",
      );
    }
    await prepare();
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirectoryInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    console.error(`[upstand] could not prepare the database (${describe(error)}); retrying every ${RETRY_MS / 1000} s`);
    const timer = setInterval(() => {
      prepare().then(
        () => clearInterval(timer),
        (retryError) => console.error(`[upstand] database still unavailable: ${describe(retryError)}`),
      );
    }, RETRY_MS);
    timer.unref();
  }
}

async function prepare() {
  const { driver, seeded } = await prepareDatabase();
  console.log(`[upstand] database ready (${driver})${seeded ? "; demo campaign added" : ""}`);
  if (!(await hasAnyStaff())) {
    const config = env();
    console.log(
      "[upstand] No staff yet. To add the first admin, run `npm run staff -- add you@example.org --role admin`" +
        (driver === "pglite" ? ` with this server stopped (the embedded database in ${config.DATA_DIR} admits one process at a time).` : "."),
    );
  }
  startOutboxWorker();
  startRetentionSchedule();
  startReconcileSchedule();
  startPledgeSchedule();
  startHoldReleaseSchedule();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
