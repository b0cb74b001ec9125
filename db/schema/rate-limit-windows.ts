import { index, inet, integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { countSubject } from "./enums";

/**
 * How many times one IP address signed one petition (or took one pledge) in a fixed time window.
 * Bumped with INSERT .. ON CONFLICT DO UPDATE in the statement that stores the signature, which
 * waits for and sees every concurrent bump: the limit holds exactly, without a separate lock or
 * a count over the signatures. The retention job deletes windows soon after they end.
 */
export const rateLimitWindows = pgTable(
  "rate_limit_windows",
  {
    subject: countSubject("subject").notNull(),
    subjectId: uuid("subject_id").notNull(),
    ipAddress: inet("ip_address").notNull(),
    windowSeconds: integer("window_seconds").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.subject, t.subjectId, t.ipAddress, t.windowSeconds, t.windowStart] }),
    index("rate_limit_windows_start").on(t.windowStart),
  ],
);
