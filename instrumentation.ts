// Runs once when a server starts (never during `next build`): check the environment, bring the
// database to the current schema (seeding an empty one), then start the scheduled jobs, so that
// `npm start` needs no other step. The one place a server's background work begins.
export async function register() {
  // Read directly, not through lib/env.ts: Next.js removes the Node-only branch from the Edge
  // bundle only when it sees this exact expression.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before anything can fail: what Next.js prints of a failed page or action is redacted too.
    const { installLogRedaction } = await import("@/lib/log");
    installLogRedaction();
    const { checkEnvironment } = await import("@/lib/startup");
    checkEnvironment();
    const { startDatabase } = await import("@/db/startup");
    const { startJobs } = await import("@/lib/jobs/start");
    await startDatabase(startJobs);
  }
}
