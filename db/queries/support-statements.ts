import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { NewOutboxMessage, SupportState } from "@/db/schema";
import type { ConsentContext } from "@/db/schema/columns";
import { countMovedCte, slotSql } from "./counts";
import { isOpenNow } from "./open-now";
import { rateLimitCtes, type RateLimits } from "./rate-limits";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

// The two statements a supporter's data passes through: the one that stores a signature or a
// pledge taker, and the one an emailed confirm or withdraw link runs. Each is one statement (one
// round trip, atomic), built from common table expressions that Postgres runs together on one
// snapshot; a CTE that writes is run whether or not a later one reads it. Read them as this map:
//
// insertSupporterStatement                       (db/queries/supporters.ts recordSupporter runs it)
//   limit_hits   count this attempt in the address's fixed windows (rate_limit_windows upsert)
//   over_limit   one row: is this attempt past any limit? Then the supporter is held, not refused
//   inserted     the supporter's row, only while the petition or pledge is open; a repeat of the
//                same canonical email inserts nothing (the unique index), and nothing below runs
//   chosen       a pledge taker's commitments, by slug, among the pledge's current ones
//   taken        ... joined to the taker (pledge_taker_commitments)
//   tokens       the confirm and withdraw links' hashes (action_tokens)
//   mail         the confirmation email, into the outbox, when the row waits for confirmation
//   counted      +1 in a counter slot for the new row's state, and for each chosen commitment
//   (select)     the new row's state and hold, and whether the target is open now
//
// redeemTokenStatement                           (db/queries/support-tokens.ts redeemSupportToken runs it)
//   link         the token, locked (FOR UPDATE): used? expired?
//   supporter    the row it points at, locked, at its latest committed state
//   changed      the state change, when the link is unused, unexpired and the state allows it
//   used         the token marked used, only when something changed
//   counted      the supporter moved between states in every count it is in (commitments and
//                fulfilments too for a pledge taker)
//   (select)     what the page says: done, already done, expired, or not found
//
// Values are bound as parameters with an explicit cast where Postgres cannot infer a type (an
// INSERT ... SELECT, a VALUES list); identifiers come from the schema objects, never from input.

/** A supporter as stored; the caller has normalised every field. */
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
  /** A well-formed RFC 5646 tag (lib/domain/preferred-language.ts); the database checks its shape. */
  preferredLanguage: string;
  /** The API key that recorded the supporter, and the partner's privacy notice it attests (db/schema/supporter-links.ts). */
  consentApiKeyId?: string | null;
  consentNotice?: string | null;
  /** How the supporter agreed and to which texts (already stored): the consent triggers read it. */
  consentContext?: ConsentContext | null;
  /** Where they came from beyond source and ref (db/schema/columns.ts referrerColumns); absent: nothing known. */
  referrer?: SupporterReferrer;
}

/** A supporter's campaign tags, referring site and page (already cleaned), and whether they came through an embed. */
export interface SupporterReferrer {
  utmSource?: string | null;
  utmMedium?: string | null;
  utmCampaign?: string | null;
  utmTerm?: string | null;
  utmContent?: string | null;
  website?: string | null;
  url?: string | null;
  viaEmbed?: boolean;
}

/** What to write with the supporter; built by the caller, who holds the raw tokens. */
export interface SupporterMail {
  confirmTokenHash: string;
  withdrawTokenHash: string;
  confirmExpiresAt: Date;
  withdrawExpiresAt: Date;
  /** The "stop updates" link's hash, for a supporter who asked for updates; it lives as long as withdraw's. */
  unsubscribeTokenHash: string | null;
  message: Omit<NewOutboxMessage, "dedupeKey">;
}

export interface InsertSupporterInput {
  kind: SupportKind;
  /** The new row's id, chosen by the caller: it also picks the counter slot. */
  id: string;
  supporter: SupporterRecord;
  limits: RateLimits;
  mail: SupporterMail;
  /** False: the supporter counts at once (verified), with no confirmation email. */
  requiresConfirmation: boolean;
  /** A pledge taker's chosen commitments, by slug; ignored for a petition. */
  commitmentSlugs: string[];
}

export type InsertedSupporter = {
  /** Null when nothing was inserted: a repeat, or a closed target. */
  state: SupportState | null;
  isHeld: boolean | null;
  isOpen: boolean;
};

/** The statement that stores a signature or a pledge taker with its links, email and counts. */
export function insertSupporterStatement(input: InsertSupporterInput): SQL {
  const { kind, id, supporter, limits, mail, requiresConfirmation, commitmentSlugs } = input;
  const { table, parentTable, parentColumn, purposes, noun } = SUPPORT_KINDS[kind];
  const { parentId } = supporter;
  const accepted = requiresConfirmation ? "pending" : "verified";
  const isOver = sql`(select is_over from over_limit)`;
  const hasCommitments = kind === "pledge" && commitmentSlugs.length > 0;

  // Column and value, in the same order; an INSERT ... SELECT needs each parameter's type.
  const row: [string, SQL][] = [
    ["id", sql`${id}::uuid`],
    [parentColumn, sql`${parentId}::uuid`],
    ["first_name", sql`${supporter.firstName}::text`],
    ["last_name", sql`${supporter.lastName}::text`],
    ["email", sql`${supporter.email}::text`],
    ["email_canonical", sql`${supporter.emailCanonical}::text`],
    ["country", sql`${supporter.country}::text`],
    ["postal_code", sql`${supporter.postalCode}::text`],
    ["locality", sql`${supporter.locality}::text`],
    ["comment", sql`${supporter.comment}::text`],
    ["is_public", sql`${supporter.isPublic}::boolean`],
    ["wants_updates", sql`${supporter.wantsUpdates}::boolean`],
    ["privacy_notice_version", sql`${supporter.privacyNoticeVersion}::text`],
    ["source", sql`${supporter.source}::text`],
    ["referred_by", sql`${supporter.referredBy}::text`],
    ["ip_address", sql`${supporter.ipAddress}::inet`],
    ["referral_code", sql`${supporter.referralCode}::text`],
    ["preferred_language", sql`${supporter.preferredLanguage}::text`],
    ["consent_api_key_id", sql`${supporter.consentApiKeyId ?? null}::uuid`],
    ["consent_notice", sql`${supporter.consentNotice ?? null}::text`],
    [
      "consent_context",
      sql`${supporter.consentContext ? JSON.stringify(supporter.consentContext) : null}::jsonb`,
    ],
    ["utm_source", sql`${supporter.referrer?.utmSource ?? null}::text`],
    ["utm_medium", sql`${supporter.referrer?.utmMedium ?? null}::text`],
    ["utm_campaign", sql`${supporter.referrer?.utmCampaign ?? null}::text`],
    ["utm_term", sql`${supporter.referrer?.utmTerm ?? null}::text`],
    ["utm_content", sql`${supporter.referrer?.utmContent ?? null}::text`],
    ["referrer_website", sql`${supporter.referrer?.website ?? null}::text`],
    ["referrer_url", sql`${supporter.referrer?.url ?? null}::text`],
    ["via_embed", sql`${supporter.referrer?.viaEmbed ?? false}::boolean`],
    // Without a confirmation step a held supporter is at once what a confirmed one becomes: held.
    [
      "state",
      sql`(case when ${isOver} and ${accepted} = 'verified' then 'held' else ${accepted} end)::support_state`,
    ],
    ["held_at", sql`case when ${isOver} then now() end`],
    ["hold_reason", sql`case when ${isOver} then ${`rate limit: many ${noun}s from one address`}::text end`],
    ["verified_at", sql`case when ${accepted} = 'verified' then now() end`],
    ["privacy_accepted_at", sql`now()`],
  ];
  const columns = sql.join(
    row.map(([column]) => sql.identifier(column)),
    sql`, `,
  );
  const values = sql.join(
    row.map(([, value]) => value),
    sql`, `,
  );
  const slugs = sql`array[${sql.join(
    commitmentSlugs.map((slug) => sql`${slug}`),
    sql`, `,
  )}]::text[]`;

  return sql`
    with ${rateLimitCtes(kind, parentId, supporter.ipAddress, limits)},
    inserted as (
      insert into ${table} (${columns})
      select ${values} from ${parentTable} where ${parentTable}.id = ${parentId} and ${isOpenNow(parentTable)}
      on conflict (${sql.identifier(parentColumn)}, email_canonical) do nothing
      returning id, state, held_at
    ),
    ${
      hasCommitments
        ? sql`chosen as (
        select id from pledge_commitments where pledge_id = ${parentId} and retired_at is null and slug = any(${slugs})
      ), taken as (
        insert into pledge_taker_commitments (taker_id, commitment_id) select inserted.id, chosen.id from inserted, chosen
      ),`
        : sql``
    }
    tokens as (
      insert into action_tokens (token_hash, purpose, subject_id, expires_at)
      select link.hash, link.purpose::token_purpose, inserted.id, link.expires_at::timestamptz
      from inserted, (values
        (${mail.confirmTokenHash}, ${purposes.confirm}, ${mail.confirmExpiresAt.toISOString()}),
        (${mail.withdrawTokenHash}, ${purposes.withdraw}, ${mail.withdrawExpiresAt.toISOString()}),
        (${mail.unsubscribeTokenHash}::text, ${purposes.unsubscribe}, ${mail.withdrawExpiresAt.toISOString()})
      ) as link (hash, purpose, expires_at)
      where link.hash is not null
    ),
    mail as (
      insert into outbox_messages (dedupe_key, recipient, template, subject, text_body, html_body, metadata)
      select ${`${purposes.confirm}:`}::text || inserted.id, ${mail.message.recipient}::text, ${mail.message.template}::text,
        ${mail.message.subject}::text, ${mail.message.textBody}::text, ${mail.message.htmlBody ?? null}::text,
        ${JSON.stringify(mail.message.metadata ?? {})}::jsonb
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
  `;
}

export type LinkAction = "confirm" | "withdraw";

/**
 * Which states each link moves a supporter from and to. A held supporter who confirms becomes
 * `held`, not `verified`: confirmed, and still out of the total until released (db/queries/holds.ts).
 */
export const LINK_TRANSITIONS: Record<LinkAction, { from: SupportState[]; to: SupportState[]; set: SQL }> = {
  // From withdrawn too: the link a repeat notice sends someone who withdrew and signs again.
  confirm: {
    from: ["pending", "withdrawn"],
    to: ["verified", "held"],
    set: sql`state = (case when supporter.held_at is null then 'verified' else 'held' end)::support_state, verified_at = now(), withdrawn_at = null`,
  },
  withdraw: {
    from: ["pending", "verified", "held"],
    to: ["withdrawn"],
    set: sql`state = 'withdrawn', withdrawn_at = now()`,
  },
};

export interface RedeemTokenInput {
  kind: SupportKind;
  /** The SHA-256 of the link's token: the raw token is never stored. */
  tokenHash: string;
  action: LinkAction;
}

export type RedeemedToken = {
  isUsed: boolean;
  isExpired: boolean;
  state: SupportState | null;
  referralCode: string | null;
  parentId: string | null;
  slug: string | null;
  title: string | null;
  isDone: boolean;
};

/** The statement an emailed confirm or withdraw link runs: at most one change, however often it is pressed. */
export function redeemTokenStatement({ kind, tokenHash, action }: RedeemTokenInput): SQL {
  const { table, parentTable, parentColumn, purposes } = SUPPORT_KINDS[kind];
  const { from, set } = LINK_TRANSITIONS[action];
  const fromStates = sql`array[${sql.join(
    from.map((state) => sql`${state}`),
    sql`, `,
  )}]::support_state[]`;
  return sql`
    with link as (
      select subject_id, used_at is not null as is_used, expires_at <= now() as is_expired
      from action_tokens where token_hash = ${tokenHash} and purpose = ${purposes[action]}
      for update
    ), supporter as (
      select id, state, held_at, ${sql.identifier(parentColumn)} as parent_id, referral_code from ${table}
      where id = (select subject_id from link)
      for update
    ), changed as (
      update ${table} set ${set}
      from link, supporter
      where ${table}.id = supporter.id and not link.is_used and not link.is_expired
        and supporter.state = any(${fromStates})
      returning supporter.id, supporter.parent_id, supporter.state as from_state, ${table}.state as to_state
    ), used as (
      update action_tokens set used_at = now()
      where token_hash = ${tokenHash} and exists (select 1 from changed)
    ), ${countMovedCte("counted", "changed", kind)}
    select link.is_used as "isUsed", link.is_expired as "isExpired", supporter.state,
      supporter.referral_code as "referralCode", supporter.parent_id as "parentId",
      parent.slug, parent.title, exists (select 1 from changed) as "isDone"
    from link
    left join supporter on true
    left join ${parentTable} as parent on parent.id = supporter.parent_id
  `;
}
