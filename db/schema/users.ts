import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { staffRole } from "./enums";

/** Campaign staff. The column names Auth.js's adapter expects come first. */
export const users = pgTable("users", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
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
