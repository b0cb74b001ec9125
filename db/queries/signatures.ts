import "server-only";
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { actionTokens, outboxMessages, petitions, signatures, type NewOutboxMessage } from "@/db/schema";
import { moveCount } from "./counts";

export interface SigningPetition {
  id: string;
  slug: string;
  title: string;
  isOpen: boolean;
  requiresConfirmation: boolean;
}

export async function getSigningPetition(slug: string): Promise<SigningPetition | null> {
  const [petition] = await getDb()
    .select({
      id: petitions.id,
      slug: petitions.slug,
      title: petitions.title,
      isOpen: petitions.isOpen,
      requiresConfirmation: petitions.requiresConfirmation,
    })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  return petition ?? null;
}

export interface SignatureRecord {
  petitionId: string;
  firstName: string;
  lastName: string;
  email: string;
  emailCanonical: string;
  country: string;
  postalCode: string | null;
  locality: string;
  comment: string | null;
  isPublic: boolean;
  wantsUpdates: boolean;
  privacyNoticeVersion: string;
  source: string | null;
  referredBy: string | null;
  ipAddress: string | null;
  referralCode: string;
}

export interface RateLimits {
  burst: { count: number; seconds: number };
  sustained: { count: number; seconds: number };
}

/** What to write with the signature; built by the caller, who holds the raw tokens. */
export interface SignatureMail {
  confirmTokenHash: string;
  withdrawTokenHash: string;
  confirmExpiresAt: Date;
  withdrawExpiresAt: Date;
  message: Omit<NewOutboxMessage, "dedupeKey">;
}

/** For a repeat: a fresh confirm link when still pending, and the notice, capped per signature. */
export interface RepeatMail {
  confirmTokenHash: string;
  confirmExpiresAt: Date;
  message: (state: "pending" | "verified" | "other") => Omit<NewOutboxMessage, "dedupeKey">;
}

export type RecordOutcome = "accepted" | "repeat" | "rate-limited";

export const MAX_REPEAT_NOTICES = 3;

/**
 * Stores a signature, its tokens, its email and its count in one transaction. The unique index
 * on (petition, canonical email) decides a repeat; a caller over the per-IP limits is stored as
 * rejected, with the reason, and counted only among the rejected.
 */
export async function recordSignature(
  record: SignatureRecord,
  limits: RateLimits,
  mail: SignatureMail,
  repeat: RepeatMail,
  requiresConfirmation: boolean,
): Promise<RecordOutcome> {
  return getDb().transaction(async (tx) => {
    if (record.ipAddress && (await isOverLimit(tx, record.petitionId, record.ipAddress, limits))) {
      const [rejected] = await tx
        .insert(signatures)
        .values({
          ...record,
          emailCanonical: null,
          state: "rejected",
          rejectionReason: "rate limit: too many signatures from one IP address",
          rejectedAt: new Date(),
          privacyAcceptedAt: new Date(),
        })
        .returning({ id: signatures.id });
      await moveCount(tx, "petition", record.petitionId, rejected!.id, null, "rejected");
      return "rate-limited";
    }

    const state = requiresConfirmation ? "pending" : "verified";
    const [inserted] = await tx
      .insert(signatures)
      .values({ ...record, state, privacyAcceptedAt: new Date(), verifiedAt: requiresConfirmation ? null : new Date() })
      .onConflictDoNothing({ target: [signatures.petitionId, signatures.emailCanonical] })
      .returning({ id: signatures.id });

    if (inserted) {
      await tx.insert(actionTokens).values([
        { tokenHash: mail.confirmTokenHash, purpose: "confirm-signature", subjectId: inserted.id, expiresAt: mail.confirmExpiresAt },
        { tokenHash: mail.withdrawTokenHash, purpose: "withdraw-signature", subjectId: inserted.id, expiresAt: mail.withdrawExpiresAt },
      ]);
      if (requiresConfirmation) {
        await tx.insert(outboxMessages).values({ ...mail.message, dedupeKey: `confirm-signature:${inserted.id}` });
      }
      await moveCount(tx, "petition", record.petitionId, inserted.id, null, state);
      return "accepted";
    }

    const [existing] = await tx
      .update(signatures)
      .set({ repeatNotices: sql`${signatures.repeatNotices} + 1` })
      .where(
        and(
          eq(signatures.petitionId, record.petitionId),
          eq(signatures.emailCanonical, record.emailCanonical),
          lt(signatures.repeatNotices, MAX_REPEAT_NOTICES),
        ),
      )
      .returning({ id: signatures.id, state: signatures.state, notices: signatures.repeatNotices });
    if (existing) {
      const state = existing.state === "pending" || existing.state === "verified" ? existing.state : "other";
      if (state === "pending") {
        await tx.insert(actionTokens).values({
          tokenHash: repeat.confirmTokenHash,
          purpose: "confirm-signature",
          subjectId: existing.id,
          expiresAt: repeat.confirmExpiresAt,
        });
      }
      await tx
        .insert(outboxMessages)
        .values({ ...repeat.message(state), dedupeKey: `repeat-signature:${existing.id}:${existing.notices}` });
    }
    return "repeat";
  });
}

async function isOverLimit(tx: Db, petitionId: string, ip: string, limits: RateLimits): Promise<boolean> {
  // One caller's submissions are counted one at a time, so a burst cannot slip past together.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${petitionId} || ${ip}))`);
  const longest = Math.max(limits.burst.seconds, limits.sustained.seconds);
  const [row] = await tx
    .select({
      burst: sql<number>`count(*) filter (where ${signatures.createdAt} > now() - make_interval(secs => ${limits.burst.seconds}))::int`,
      sustained: sql<number>`count(*) filter (where ${signatures.createdAt} > now() - make_interval(secs => ${limits.sustained.seconds}))::int`,
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.ipAddress, ip),
        sql`${signatures.createdAt} > now() - make_interval(secs => ${longest})`,
      ),
    );
  return (row?.burst ?? 0) >= limits.burst.count || (row?.sustained ?? 0) >= limits.sustained.count;
}

export interface PublicSigner {
  firstName: string;
  lastInitial: string;
  locality: string | null;
  comment: string | null;
  verifiedAt: Date | null;
}

/** Recent verified signers who chose to be shown: first name, last initial, locality, comment. */
export async function listRecentPublicSigners(petitionId: string, limit = 10): Promise<PublicSigner[]> {
  const rows = await getDb()
    .select({
      firstName: signatures.firstName,
      lastInitial: sql<string>`left(${signatures.lastName}, 1)`,
      locality: signatures.locality,
      comment: signatures.comment,
      verifiedAt: signatures.verifiedAt,
    })
    .from(signatures)
    .where(
      and(
        eq(signatures.petitionId, petitionId),
        eq(signatures.state, "verified"),
        eq(signatures.isPublic, true),
        isNull(signatures.erasedAt),
      ),
    )
    .orderBy(desc(signatures.verifiedAt))
    .limit(limit);
  return rows.map((row) => ({ ...row, firstName: row.firstName ?? "", lastInitial: row.lastInitial ?? "" }));
}
