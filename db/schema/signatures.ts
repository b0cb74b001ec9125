import { sql } from "drizzle-orm";
import { index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { supporterColumns } from "./columns";
import { petitions } from "./petitions";

export const signatures = pgTable(
  "signatures",
  {
    ...supporterColumns(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
  },
  (t) => [
    // The few rows held back from the total, for the staff's review and the automatic release.
    index("signatures_held")
      .on(t.petitionId, t.heldAt)
      .where(sql`${t.heldAt} is not null`),
    // One person, one signature: the database holds the rule, not a check-then-insert.
    uniqueIndex("signatures_petition_email").on(t.petitionId, t.emailCanonical),
    uniqueIndex("signatures_referral_code").on(t.referralCode),
    // Exports and staff lists page through one petition's supporters in this order (keyset pages).
    index("signatures_petition_created_id").on(t.petitionId, t.createdAt, t.id),
    index("signatures_petition_ip_created")
      .on(t.petitionId, t.ipAddress, t.createdAt)
      .where(sql`${t.ipAddress} is not null`),
  ],
);

export type Signature = typeof signatures.$inferSelect;
export type NewSignature = typeof signatures.$inferInsert;
