import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";

/** Whether the database answers a trivial query within `timeoutMs` (a full pool waits, and counts as not answering). */
export async function isDatabaseAnswering(timeoutMs = 2_000): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      getDb()
        .execute(sql`select 1`)
        .then(() => true),
      timedOut,
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
