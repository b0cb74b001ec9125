import { sql } from "drizzle-orm";
import { index, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { preferredLanguageCheck, referrerColumns, supporterColumns } from "./columns";
import { supporterLinks } from "./supporter-links";
import { commentReview } from "./enums";
import { petitions } from "./petitions";

export const signatures = pgTable(
  "signatures",
  {
    ...supporterColumns(),
    ...supporterLinks(),
    ...referrerColumns(),
    petitionId: uuid("petition_id")
      .notNull()
      .references(() => petitions.id, { onDelete: "cascade" }),
    /** Whether the comment may be shown (lib/domain/enums.ts COMMENT_REVIEWS); pledges take no comment. */
    commentReview: commentReview("comment_review").notNull().default("unreviewed"),
    /** When the comment was hidden by reports, or staff last decided on it. */
    commentReviewedAt: timestamp("comment_reviewed_at", { withTimezone: true }),
  },
  (t) => [
    // The staff's queue of comments: those hidden by reports, and those waiting for a first review.
    index("signatures_comment_review")
      .on(t.commentReview, t.petitionId)
      .where(sql`${t.comment} is not null and ${t.commentReview} <> 'kept'`),
    // The few rows held back from the total, for the staff's review and the automatic release.
    index("signatures_held")
      .on(t.petitionId, t.heldAt)
      .where(sql`${t.heldAt} is not null`),
    // The confirmation reminder's scan: the pending rows not yet reminded, by age.
    index("signatures_reminder_due")
      .on(t.createdAt)
      .where(sql`${t.state} = 'pending' and ${t.reminderSentAt} is null`),
    preferredLanguageCheck("signatures", t.preferredLanguage),
    // One person, one signature: the database holds the rule, not a check-then-insert.
    uniqueIndex("signatures_petition_email").on(t.petitionId, t.emailCanonical),
    uniqueIndex("signatures_referral_code").on(t.referralCode),
    // The OSDI API pages through one parent's verified supporters by modified date (keyset pages).
    index("signatures_petition_updated_id")
      .on(t.petitionId, t.updatedAt, t.id)
      .where(sql`${t.state} = 'verified'`),
    index("signatures_person").on(t.personId),
    // Exports and staff lists page through one petition's supporters in this order (keyset pages).
    index("signatures_petition_created_id").on(t.petitionId, t.createdAt, t.id),
    index("signatures_petition_ip_created")
      .on(t.petitionId, t.ipAddress, t.createdAt)
      .where(sql`${t.ipAddress} is not null`),
  ],
);

export type Signature = typeof signatures.$inferSelect;
export type NewSignature = typeof signatures.$inferInsert;
