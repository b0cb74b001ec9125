import { sql } from "drizzle-orm";
import { index, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { preferredLanguageCheck, referrerColumns, supporterColumns } from "./columns";
import { supporterLinks } from "./supporter-links";
import { pledges } from "./pledges";

export const pledgeTakers = pgTable(
  "pledge_takers",
  {
    ...supporterColumns(),
    ...supporterLinks(),
    ...referrerColumns(),
    pledgeId: uuid("pledge_id")
      .notNull()
      .references(() => pledges.id, { onDelete: "cascade" }),
  },
  (t) => [
    // The few rows held back from the total, for the staff's review and the automatic release.
    index("pledge_takers_held")
      .on(t.pledgeId, t.heldAt)
      .where(sql`${t.heldAt} is not null`),
    // The confirmation reminder's scan: the pending rows not yet reminded, by age.
    index("pledge_takers_reminder_due")
      .on(t.createdAt)
      .where(sql`${t.state} = 'pending' and ${t.reminderSentAt} is null`),
    preferredLanguageCheck("pledge_takers", t.preferredLanguage),
    uniqueIndex("pledge_takers_pledge_email").on(t.pledgeId, t.emailCanonical),
    uniqueIndex("pledge_takers_referral_code").on(t.referralCode),
    // The OSDI API pages through one parent's verified supporters by modified date (keyset pages).
    index("pledge_takers_pledge_updated_id")
      .on(t.pledgeId, t.updatedAt, t.id)
      .where(sql`${t.state} = 'verified'`),
    index("pledge_takers_person").on(t.personId),
    // Exports and staff lists page through one pledge's supporters in this order (keyset pages).
    index("pledge_takers_pledge_created_id").on(t.pledgeId, t.createdAt, t.id),
    index("pledge_takers_pledge_ip_created")
      .on(t.pledgeId, t.ipAddress, t.createdAt)
      .where(sql`${t.ipAddress} is not null`),
  ],
);

export type PledgeTaker = typeof pledgeTakers.$inferSelect;
export type NewPledgeTaker = typeof pledgeTakers.$inferInsert;
