import type { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { NotAllowedError } from "@/lib/domain/roles";
import { logError } from "@/lib/log";
import { fieldErrorsOf } from "@/lib/signing/supporting";

/**
 * Runs a staff action: expected refusals (too low a role) become a message on the form; anything
 * else is logged and said calmly, and the database's own words never reach the page.
 */
export async function attempt<T = void>(
  what: string,
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotAllowedError) return { ok: false, formError: error.message };
    logError(`staff: ${what}`, error);
    return {
      ok: false,
      formError: `We could not ${what} just now. Nothing changed; please try again in a minute.`,
    };
  }
}

/**
 * A decision on a preview (a held group, a bulk rule) that does not parse: a reason the editor
 * typed wrong is theirs to fix on its field; anything else means the preview sent back is not
 * one the page made, and the editor is asked to open it again.
 */
export function refusedPreview(error: z.ZodError, notAsPreviewed: string): ActionResult<never> {
  const { reason } = fieldErrorsOf(error);
  if (reason && error.issues.every((issue) => issue.path[0] === "reason"))
    return { ok: false, fieldErrors: { reason } };
  return { ok: false, formError: notAsPreviewed };
}
