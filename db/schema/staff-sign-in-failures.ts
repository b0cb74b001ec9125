import { bigserial, index, inet, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed staff passwords, by the address typed (whether or not it belongs to anyone, so that an
 * unknown address is treated like a known one) and by the client's network: its IPv4 address,
 * or its IPv6 /64, which one subscriber holds whole. Null when the client's address is unknown.
 * The rules that read it are in lib/domain/sign-in-throttle.ts.
 */
export const staffSignInFailures = pgTable(
  "staff_sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    email: text("email").notNull(),
    network: inet("network"),
    failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("staff_sign_in_failures_email_at").on(t.email, t.failedAt),
    index("staff_sign_in_failures_network_at").on(t.network, t.failedAt),
  ],
);
