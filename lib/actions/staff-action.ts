import type { ActionResult } from "@/lib/action-result";
import { NotAllowedError } from "@/lib/domain/roles";
import { logError } from "@/lib/log";

/**
 * Runs a staff action: expected refusals (too low a role) become a message on the form; anything
 * else is logged and said calmly, and the database's own words never reach the page.
 */
export async function attempt<T = void>(what: string, run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotAllowedError) return { ok: false, formError: error.message };
    logError(`staff: ${what}`, error);
    return { ok: false, formError: `We could not ${what} just now. Nothing changed; please try again in a minute.` };
  }
}
