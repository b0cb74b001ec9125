import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { staffRole } from "./enums";

/** Campaign staff. */
export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  email: text("email").notNull().unique(),
  role: staffRole("role").notNull().default("viewer"),
  /** argon2id; null for members who only sign in by email link. */
  passwordHash: text("password_hash"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** Bumped by "sign out everywhere": sessions carrying an older version are refused. */
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
