import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import {
  actionTokens,
  outboxMessages,
  petitions,
  pledges,
  pledgeTakers,
  signatures,
  type NewOutboxMessage,
  type SupportState,
  type TokenPurpose,
} from "@/db/schema";
import { slotSql } from "./counts";
import { isOpenNow } from "./open-now";
import { rateLimitCtes, type RateLimits } from "./rate-limits";
import { typedRow } from "./typed-row";

export type { RateLimits } from "./rate-limits";

/** What a supporter supports: a petition (by signing) or a pledge (by taking it). */
export type SupportKind = "petition" | "pledge";

/** The tables and names behind each kind: one machinery for both, as the issue asks. */
export const SUPPORT_KINDS = {
  petition: {
    table: signatures,
    parentTable: petitions,
    parentKey: "petitionId",
    parentColumn: "petition_id",
    purposes: { confirm: "confirm-signature", withdraw: "withdraw-signature" },
    noun: "signature",
  },
  pledge: {
    table: pledgeTakers,
    parentTable: pledges,
    parentKey: "pledgeId",
    parentColumn: "pledge_id",
    purposes: { confirm: "confirm-pledge", withdraw: "withdraw-pledge" },
    noun: "pledge",
  },
} as const satisfies Record<SupportKind, { purposes: Record<"confirm" | "withdraw", TokenPurpose>; [key: string]: unknown }>;

export interface SupportTarget {
  id: string;
  slug: string;
  title: string;
  isOpen: boolean;
  requiresConfirmation: boolean;
}

const TARGET_CACHE_MS = 5_000;
// On globalThis: this module may load twice in one process, and a staff edit must clear the copy both read.
const holder = globalThis as { upstandTargetCache?: Map<string, { target: SupportTarget; until: number }> };
const targetCache = (holder.upstandTargetCache ??= new Map());

/**
 * The petition or pledge someone is supporting, remembered for a few seconds per process: in a
 * viral moment every request asks for the same one. Closing takes effect at once all the same,
 * because `recordSupporter` only writes into one that is open when it writes.
 */
export async function getSupportTarget(kind: SupportKind, slug: string): Promise<SupportTarget | null> {
  const key = `${kind}:${slug}`;
  const cached = targetCache.get(key);
  if (cached && cached.until > Date.now()) return cached.target;
  const parent = SUPPORT_KINDS[kind].parentTable;
  const [target] = await getDb()
    .select({
      id: parent.id,
      slug: parent.slug,
      title: parent.title,
      isOpen: isOpenNow(parent),
      requiresConfirmation: parent.requiresConfirmation,
    })
    .from(parent)
    .where(eq(parent.slug, slug));
  if (!target) return null;
  if (targetCache.size > 1_000) targetCache.clear();
  targetCache.set(key, { target, until: Date.now() + TARGET_CACHE_MS });
  return target;
}

/** Drops this process's remembered copy of a petition or pledge, after staff changed it. */
export function forgetSupportTarget(parentId: string): void {
  for (const [key, cached] of targetCache) if (cached.target.id === parentId) targetCache.delete(key);
}

export interface SupporterRecord {
  /** The petition's or pledge's id. */
  parentId: string;
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

/** What to write with the supporter; built by the caller, who holds the raw tokens. */
export interface SupporterMail {
  confirmTokenHash: string;
  withdrawTokenHash: string;
  confirmExpiresAt: Date;
  withdrawExpiresAt: Date;
  message: Omit<NewOutboxMessage, "dedupeKey">;
}

/** For a repeat: a fresh confirm link when still pending, and the notice, capped per supporter. */
export interface RepeatMail {
  confirmTokenHash: string;
  confirmExpiresAt: Date;
  message: (state: "pending" | "verified" | "other") => Omit<NewOutboxMessage, "dedupeKey">;
}

export type RecordOutcome = "accepted" | "held" | "repeat" | "closed";

export const MAX_REPEAT_NOTICES = 3;

/**
 * Stores a signature or a pledge taker, with its links, its email and its counts, in one
 * statement (one round trip, so a viral moment is limited by the database's work rather than by
 * chatter with it); a pledge taker's chosen commitments (by slug) go with it. The unique index
 * on (petition or pledge, canonical email) decides a repeat, handled by `recordRepeat`. A
 * signature over the per-address limits is held, not dropped: it is stored and emailed like any
 * other (a household, an office or a mobile network shares one address), but `held_at` keeps it
 * out of the verified total until staff or the automatic release (lib/jobs/hold-release.ts) let it in. A
 * petition or pledge that closed since the caller looked it up takes nothing.
 */
export async function recordSupporter(
  kind: SupportKind,
  record: SupporterRecord,
  limits: RateLimits,
  mail: SupporterMail,
  repeat: RepeatMail,
  requiresConfirmation: boolean,
  commitmentSlugs: string[] = [],
): Promise<RecordOutcome> {
  const { table, parentTable, parentKey, parentColumn, purposes, noun } = SUPPORT_KINDS[kind];
  const id = randomUUID();
  const accepted = requiresConfirmation ? "pending" : "verified";
  const isOver = sql`(select is_over from over_limit)`;
  const { parentId, ...fields } = record;
  const row = typedRow(table, {
    ...fields,
    [parentKey]: parentId,
    id,
    // Without a confirmation step a held supporter is at once what a confirmed one becomes: held.
    state: sql`(case when ${isOver} and ${accepted} = 'verified' then 'held' else ${accepted} end)::support_state`,
    heldAt: sql`case when ${isOver} then now() end`,
    holdReason: sql`case when ${isOver} then ${`rate limit: many ${noun}s from one address`}::text end`,
    verifiedAt: sql`case when ${accepted} = 'verified' then now() end`,
    privacyAcceptedAt: sql`now()`,
  });
  const { message } = mail;
  const parent = sql.identifier(parentColumn);
  const hasCommitments = kind === "pledge" && commitmentSlugs.length > 0;
  const commitmentCtes: SQL = hasCommitments
    ? sql`chosen as (
        select id from pledge_commitments where pledge_id = ${parentId} and retired_at is null and slug = any(${sql`array[${sql.join(
          commitmentSlugs.map((slug) => sql`${slug}`),
          sql`, `,
        )}]::text[]`})
      ), taken as (
        insert into pledge_taker_commitments (taker_id, commitment_id) select inserted.id, chosen.id from inserted, chosen
      ),`
    : sql``;
  const result = await getDb().execute<{ state: SupportState | null; isHeld: boolean | null; isOpen: boolean }>(sql`
    with ${rateLimitCtes(kind, parentId, record.ipAddress, limits)},
    inserted as (
      insert into ${table} (${row.columns})
      select ${row.values} from ${parentTable} where ${parentTable}.id = ${parentId} and ${isOpenNow(parentTable)}
      on conflict (${parent}, email_canonical) do nothing
      returning id, state, held_at
    ),
    ${commitmentCtes}
    tokens as (
      insert into action_tokens (token_hash, purpose, subject_id, expires_at)
      select link.hash, link.purpose::token_purpose, inserted.id, link.expires_at::timestamptz
      from inserted, (values
        (${mail.confirmTokenHash}, ${purposes.confirm}, ${mail.confirmExpiresAt.toISOString()}),
        (${mail.withdrawTokenHash}, ${purposes.withdraw}, ${mail.withdrawExpiresAt.toISOString()})
      ) as link (hash, purpose, expires_at)
    ),
    mail as (
      insert into outbox_messages (dedupe_key, recipient, template, subject, text_body)
      select ${`${purposes.confirm}:`}::text || inserted.id, ${message.recipient}::text, ${message.template}::text,
        ${message.subject}::text, ${message.textBody}::text
      from inserted where inserted.state = 'pending'
    ),
    counted as (
      insert into count_slots (subject, subject_id, state, slot, count)
      select moved.subject, moved.subject_id, moved.state, ${slotSql(sql`${id}::uuid`)}, 1
      from (
        select ${kind}::count_subject as subject, ${parentId}::uuid as subject_id, inserted.state from inserted
        ${hasCommitments ? sql`union all select 'commitment', chosen.id, inserted.state from inserted, chosen` : sql``}
      ) as moved
      order by moved.subject, moved.subject_id
      on conflict (subject, subject_id, state, slot) do update set count = count_slots.count + excluded.count
    )
    select (select state from inserted) as "state", (select held_at is not null from inserted) as "isHeld",
      exists (select 1 from ${parentTable} where id = ${parentId} and ${isOpenNow(parentTable)}) as "isOpen"
  `);
  const [outcome] = result.rows;
  if (outcome?.state) return outcome.isHeld ? "held" : "accepted";
  if (!outcome?.isOpen) {
    forgetSupportTarget(parentId);
    return "closed";
  }
  await recordRepeat(kind, record, repeat);
  return "repeat";
}

/** Someone signed or pledged again: a fresh confirm link while still pending, and a notice, at most three. */
async function recordRepeat(kind: SupportKind, record: SupporterRecord, repeat: RepeatMail): Promise<void> {
  const { table, purposes, noun } = SUPPORT_KINDS[kind];
  const parentColumn = kind === "petition" ? signatures.petitionId : pledgeTakers.pledgeId;
  await getDb().transaction(async (tx) => {
    const [existing] = await tx
      .update(table)
      .set({ repeatNotices: sql`${table.repeatNotices} + 1` })
      .where(
        and(
          eq(parentColumn, record.parentId),
          eq(table.emailCanonical, record.emailCanonical),
          lt(table.repeatNotices, MAX_REPEAT_NOTICES),
        ),
      )
      .returning({ id: table.id, state: table.state, notices: table.repeatNotices });
    if (!existing) return;
    // A held supporter has confirmed: what is true for them is what is true for the verified.
    const state = existing.state === "pending" ? "pending" : existing.state === "verified" || existing.state === "held" ? "verified" : "other";
    if (state === "pending") {
      await tx.insert(actionTokens).values({
        tokenHash: repeat.confirmTokenHash,
        purpose: purposes.confirm,
        subjectId: existing.id,
        expiresAt: repeat.confirmExpiresAt,
      });
    }
    await tx
      .insert(outboxMessages)
      .values({ ...repeat.message(state), dedupeKey: `repeat-${noun}:${existing.id}:${existing.notices}` });
  });
}
