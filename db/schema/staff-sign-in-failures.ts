import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed staff sign-ins, by the address typed (whether or not it belongs to anyone), so that
 * guessing is throttled per account and an unknown address is treated like a known one.
 */
export const staffSignInFailures = pgTable(
  "staff_sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("staff_sign_in_failures_email_at").on(t.email, t.failedAt)],
);
