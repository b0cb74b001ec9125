import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** One-time staff sign-in links, stored hashed (db/queries/staff.ts). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
