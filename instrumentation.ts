// Runs once when a server starts (never during `next build`): check the environment, then bring
// the database to the current schema and seed an empty one, so `npm start` needs no other step.
export async function register() {
  // Read directly, not through lib/env.ts: Next.js removes the Node-only branch from the Edge
  // bundle only when it sees this exact expression.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before anything can fail: what Next.js prints of a failed page or action is redacted too.
    const { installLogRedaction } = await import("@/lib/log");
    installLogRedaction();
    const { startServer } = await import("@/db/startup");
    await startServer();
  }
}
