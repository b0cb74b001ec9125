import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { signatures } from "./signatures";

/**
 * "Report this comment", one row per reporting address per comment: the key is a keyed hash of
 * the address (IPv6 by its /64), never the address, so reporting again from the same place
 * changes nothing and the table cannot be read back into addresses. The retention job deletes
 * rows once the comment has been decided, and any older than the IP addresses are kept.
 */
export const commentReports = pgTable(
  "comment_reports",
  {
    signatureId: uuid("signature_id")
      .notNull()
      .references(() => signatures.id, { onDelete: "cascade" }),
    reporterHash: text("reporter_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.signatureId, t.reporterHash] })],
);
