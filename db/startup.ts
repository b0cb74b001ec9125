import { DataDirectoryInUseError } from "./drivers/pglite-lock";
import { unusedDatabaseRoutes } from "./drivers/pick-driver";
import { prepareDatabase } from "./prepare";
import { hasAnyStaff } from "./queries/staff-presence";
import { env, EnvError } from "@/lib/env";

const RETRY_MS = 5_000;

/**
 * Brings the database to the current schema (seeding an empty one), then calls `onReady`. A
 * database directory held by another process stops the server with a plain message. A Postgres
 * server that is down is logged and tried again in the background, so the app recovers by itself
 * once it is back; `onReady` runs then.
 */
export async function startDatabase(onReady: () => void): Promise<void> {
  const config = env();
  for (const warning of unusedDatabaseRoutes(config)) console.warn(`[upstand] ${warning}`);
  const prepareThenReady = async () => {
    await prepare();
    onReady();
  };
  try {
    await prepareThenReady();
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirectoryInUseError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    console.error(
      `[upstand] could not prepare the database (${describe(error)}); retrying every ${RETRY_MS / 1000} s`,
    );
    const timer = setInterval(() => {
      prepareThenReady().then(
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
        (driver === "pglite"
          ? ` with this server stopped (the embedded database in ${config.DATA_DIR} admits one process at a time).`
          : "."),
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
