import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

/**
 * "Your data" links: asked for with an email address on /your-data, emailed, used once within
 * 24 hours to open a short session. Only a SHA-256 of the token is stored. A link is written for
 * every request, known address or not (the outbox worker drops the email when nobody with that
 * address has signed or pledged), so the request takes the same path either way.
 */
export const yourDataLinks = pgTable(
  "your_data_links",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The canonical email (lib/domain/canonical-email.ts) the session it opens may see. */
    emailCanonical: text("email_canonical").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  // The per-address limit counts an address's recent requests.
  (t) => [index("your_data_links_email_created").on(t.emailCanonical, t.createdAt)],
);

/**
 * A short "Your data" session, opened by a link: the browser holds a random id in an HttpOnly
 * cookie, and only its SHA-256 is stored here, so a copy of the database opens nobody's data.
 */
export const yourDataSessions = pgTable(
  "your_data_sessions",
  {
    id: id(),
    idHash: text("id_hash").notNull().unique(),
    emailCanonical: text("email_canonical").notNull(),
    linkId: uuid("link_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("your_data_sessions_email").on(t.emailCanonical)],
);

export type YourDataLink = typeof yourDataLinks.$inferSelect;
export type YourDataSession = typeof yourDataSessions.$inferSelect;
