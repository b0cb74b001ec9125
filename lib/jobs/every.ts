import { logError } from "@/lib/log";

/**
 * Runs `job` after `firstDelayMs`, then every `intervalMs`, once per process however often it
 * is started. A failure is logged and the next run goes ahead as planned.
 */
export function every(
  name: string,
  intervalMs: number,
  firstDelayMs: number,
  job: () => Promise<unknown>,
): void {
  const started = ((globalThis as { upstandJobs?: Set<string> }).upstandJobs ??= new Set());
  if (started.has(name)) return;
  started.add(name);
  const run = () =>
    job().catch((error) =>
      logError(`${name} (it will run again in ${Math.round(intervalMs / 60_000)} min)`, error),
    );
  setTimeout(() => void run(), firstDelayMs).unref();
  setInterval(() => void run(), intervalMs).unref();
}
