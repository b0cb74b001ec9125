import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { buildIfChanged } from "../../scripts/app-build";

let built: Promise<void> | undefined;

/**
 * Makes the build the command-line tools run from, when the sources changed since the last one
 * (under `npm test` it is already there). Call it from a `beforeAll` with a long timeout.
 */
export function ensureCliBuild(): Promise<void> {
  built ??= buildIfChanged();
  return built;
}

/**
 * One of Upstand's command-line tools as a person runs it (`npm run staff`, `npm run db:migrate`,
 * `npm run counts:reconcile`): `node scripts/start.mjs <name>` on the build, a process of its own,
 * with the environment given, its output read as text.
 */
export async function runCli(
  name: "staff" | "db-migrate" | "counts-reconcile" | "retention",
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; output: string }> {
  await ensureCliBuild();
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ["scripts/start.mjs", name, ...args],
      {
        env,
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}
