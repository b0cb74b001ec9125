import { closeDb } from "@/db";
import { applyRetention, type RetentionReport } from "@/db/queries/retention";
import { RETENTION_REPORT_WORDS, retentionPolicy } from "@/lib/jobs/retention";
import { CliError, runCli } from "./cli";

// `npm run retention`: applies the privacy page's retention periods now, as the hourly job does;
// `npm run retention -- --dry-run` prints what that run would change, and changes nothing.
runCli(async () => {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== "--dry-run");
  if (unknown.length > 0) {
    throw new CliError(`Unknown option ${unknown[0]}. Usage: npm run retention [-- --dry-run]`);
  }
  const dryRun = args.includes("--dry-run");
  try {
    const report = await applyRetention(retentionPolicy(), { dryRun });
    if (!report) {
      console.log("Another instance is applying retention right now; nothing done.");
      return;
    }
    console.log(dryRun ? "Dry run: the next run would change (nothing was changed):" : "Retention applied:");
    for (const key of Object.keys(RETENTION_REPORT_WORDS) as (keyof RetentionReport)[]) {
      console.log(`  ${String(report[key]).padStart(7)}  ${RETENTION_REPORT_WORDS[key]}`);
    }
  } finally {
    await closeDb();
  }
});
