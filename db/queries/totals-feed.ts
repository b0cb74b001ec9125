import "server-only";
import { eq } from "drizzle-orm";
import { database, readDb } from "@/db";
import { petitions, pledges, type CountSubject } from "@/db/schema";

export const TOTALS_CHANNEL = "upstand_totals";

/** The id whose counters make up a petition's or a pledge's totals; null for an unknown slug. */
export async function getTotalsSubjectId(kind: "petition" | "pledge", slug: string): Promise<string | null> {
  const table = kind === "petition" ? petitions : pledges;
  const [row] = await readDb().select({ id: table.id }).from(table).where(eq(table.slug, slug));
  return row?.id ?? null;
}

/**
 * Calls `onChange` for every committed change to a total, from any instance on this database
 * (Postgres LISTEN/NOTIFY, fed by a trigger on count_slots). Null where the driver cannot
 * listen; the caller then polls.
 */
export async function listenForTotalChanges(
  onChange: (subject: CountSubject, subjectId: string) => void,
  onReconnect: () => void,
): Promise<(() => Promise<void>) | null> {
  const { listen } = database();
  if (!listen) return null;
  return listen(
    TOTALS_CHANNEL,
    (payload) => {
      const [subject, subjectId] = payload.split(":");
      if (subjectId && (subject === "petition" || subject === "pledge" || subject === "commitment"))
        onChange(subject, subjectId);
    },
    onReconnect,
  );
}
