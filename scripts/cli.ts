import { DataDirectoryInUseError } from "@/db/drivers/pglite-lock";
import { EnvError } from "@/lib/env";
import { logError } from "@/lib/log";

/** A problem the person at the command line can fix: printed as its message alone. */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs a command-line entry point: expected problems print their message alone, and exit 1. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof CliError) {
        console.error(error.message);
        process.exit(error.exitCode);
      }
      if (error instanceof EnvError || error instanceof DataDirectoryInUseError) {
        console.error(`\n${error.message}\n`);
      } else {
        logError("upstand", error);
      }
      process.exit(1);
    },
  );
}
