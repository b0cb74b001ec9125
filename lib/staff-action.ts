import type { ActionResult } from "@/lib/action-result";
import { NotAllowedError } from "@/lib/auth/roles";

/**
 * Runs a staff action. Expected refusals become a message on the form; anything else is logged
 * and said calmly. Lives outside the "use server" modules, which may only export actions.
 */
export async function attempt(what: string, run: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotAllowedError) return { ok: false, formError: error.message };
    console.error(`[staff] could not ${what}`, error);
    return { ok: false, formError: `We could not ${what} just now. Nothing changed; please try again in a minute.` };
  }
}
