import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  actionTokens,
  outboxMessages,
  petitions,
  signatures,
  type NewOutboxMessage,
  type SupportState,
} from "@/db/schema";
import { countInsertedCte } from "./counts";
import { rateLimitCtes, type RateLimits } from "./rate-limits";
import { typedRow } from "./typed-row";

export type { RateLimits } from "./rate-limits";

export interface SigningPetition {
  id: string;
  slug: string;
  title: string;
  isOpen: boolean;
  requiresConfirmation: boolean;
}

const PETITION_CACHE_MS = 5_000;
const petitionCache = new Map<string, { petition: SigningPetition; until: number }>();

/**
 * The petition a signature is for, remembered for a few seconds per process: in a viral moment
 * every request asks for the same one. Closing takes effect at once all the same, because
 * `recordSignature` only writes into a petition that is open when it writes.
 */
export async function getSigningPetition(slug: string): Promise<SigningPetition | null> {
  const cached = petitionCache.get(slug);
  if (cached && cached.until > Date.now()) return cached.petition;
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
  if (!petition) return null;
  if (petitionCache.size > 1_000) petitionCache.clear();
  petitionCache.set(slug, { petition, until: Date.now() + PETITION_CACHE_MS });
  return petition;
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

export type RecordOutcome = "accepted" | "repeat" | "rate-limited" | "closed";

export const MAX_REPEAT_NOTICES = 3;

const RATE_LIMITED = "rate limit: too many signatures from one IP address";

/**
 * Stores a signature, its tokens, its email and its count in one statement (one round trip, so
 * a viral moment is limited by the database's work rather than by chatter with it). The unique
 * index on (petition, canonical email) decides a repeat, handled by `recordRepeat`; a caller
 * over the per-IP limits is stored as rejected, with the reason, and counted only among the
 * rejected. A petition that closed since the caller looked it up takes nothing.
 */
export async function recordSignature(
  record: SignatureRecord,
  limits: RateLimits,
  mail: SignatureMail,
  repeat: RepeatMail,
  requiresConfirmation: boolean,
): Promise<RecordOutcome> {
  const id = randomUUID();
  const accepted = requiresConfirmation ? "pending" : "verified";
  const isOver = sql`(select is_over from over_limit)`;
  const row = typedRow(signatures, {
    ...record,
    id,
    emailCanonical: sql`case when ${isOver} then null else ${record.emailCanonical}::text end`,
    state: sql`(case when ${isOver} then 'rejected' else ${accepted} end)::support_state`,
    rejectionReason: sql`case when ${isOver} then ${RATE_LIMITED}::text end`,
    rejectedAt: sql`case when ${isOver} then now() end`,
    verifiedAt: sql`case when not ${isOver} and ${accepted} = 'verified' then now() end`,
    privacyAcceptedAt: sql`now()`,
  });
  const { message } = mail;
  const result = await getDb().execute<{ state: SupportState | null; isOpen: boolean }>(sql`
    with ${rateLimitCtes("petition", record.petitionId, record.ipAddress, limits)},
    inserted as (
      insert into signatures (${row.columns})
      select ${row.values} from petitions where petitions.id = ${record.petitionId} and petitions.is_open
      on conflict (petition_id, email_canonical) do nothing
      returning id, state
    ),
    tokens as (
      insert into action_tokens (token_hash, purpose, subject_id, expires_at)
      select link.hash, link.purpose::token_purpose, inserted.id, link.expires_at::timestamptz
      from inserted, (values
        (${mail.confirmTokenHash}, 'confirm-signature', ${mail.confirmExpiresAt.toISOString()}),
        (${mail.withdrawTokenHash}, 'withdraw-signature', ${mail.withdrawExpiresAt.toISOString()})
      ) as link (hash, purpose, expires_at)
      where inserted.state <> 'rejected'
    ),
    mail as (
      insert into outbox_messages (dedupe_key, recipient, template, subject, text_body)
      select 'confirm-signature:' || inserted.id, ${message.recipient}::text, ${message.template}::text,
        ${message.subject}::text, ${message.textBody}::text
      from inserted where inserted.state = 'pending'
    ),
    ${countInsertedCte("counted", "inserted", "petition", record.petitionId, id)}
    select (select state from inserted) as "state",
      exists (select 1 from petitions where id = ${record.petitionId} and is_open) as "isOpen"
  `);
  const [outcome] = result.rows;
  if (outcome?.state === "rejected") return "rate-limited";
  if (outcome?.state) return "accepted";
  if (!outcome?.isOpen) {
    for (const [slug, cached] of petitionCache) if (cached.petition.id === record.petitionId) petitionCache.delete(slug);
    return "closed";
  }
  await recordRepeat(record, repeat);
  return "repeat";
}

/** Someone signed again: a fresh confirm link while still pending, and a notice, at most three. */
async function recordRepeat(record: SignatureRecord, repeat: RepeatMail): Promise<void> {
  await getDb().transaction(async (tx) => {
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
    if (!existing) return;
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
  });
}

export interface PublicSigner {
  firstName: string;
  lastInitial: string;
  locality: string | null;
  comment: string | null;
}

/** Recent verified signers who chose to be shown: first name, last initial, locality, comment. */
export async function listRecentPublicSigners(petitionId: string, limit = 10): Promise<PublicSigner[]> {
  const rows = await getDb()
    .select({
      firstName: signatures.firstName,
      lastInitial: sql<string>`left(${signatures.lastName}, 1)`,
      locality: signatures.locality,
      comment: signatures.comment,
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
