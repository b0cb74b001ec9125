import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Auth.js: one-time email sign-in links (the adapter stores them hashed). */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);
