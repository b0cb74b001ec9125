import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  actionTokens,
  campaigns,
  outboxMessages,
  pledgeTakers,
  signatures,
  type NewOutboxMessage,
} from "@/db/schema";
import { REPEAT_LINK, repeatStateOf, type RepeatState } from "@/lib/domain/repeat-notice";
import type { Translations } from "@/lib/domain/translations";
import { isOpenNow } from "./open-now";
import type { RateLimits } from "./rate-limits";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";
import {
  insertSupporterStatement,
  type InsertedSupporter,
  type SupporterMail,
  type SupporterRecord,
} from "./support-statements";

export type { RateLimits } from "./rate-limits";
export { SUPPORT_KINDS, type SupportKind } from "./support-kinds";
export type { SupporterMail, SupporterRecord } from "./support-statements";

export interface SupportTarget {
  id: string;
  slug: string;
  /** In English; `translations` holds its other languages (lib/domain/translations.ts localize). */
  title: string;
  translations: Translations<"title">;
  /** The campaign's name: its emails are sent and signed with it. */
  campaignName: string;
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
      translations: parent.translations,
      campaignName: campaigns.name,
      isOpen: isOpenNow(parent),
      requiresConfirmation: parent.requiresConfirmation,
    })
    .from(parent)
    .innerJoin(campaigns, eq(campaigns.id, parent.campaignId))
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

/** Where the supporter already stands, read under the lock of the transaction that writes the notice. */
export interface RepeatFound {
  state: RepeatState;
  /** When the address was first used for this petition or pledge. */
  enteredAt: Date;
  withdrawnAt: Date | null;
  /** Whether the stored supporter asked for updates: then the notice carries a "stop updates" link. */
  wantsUpdates: boolean;
  /** The language stored with the first signature or pledge: the notice goes to that address's owner. */
  preferredLanguage: string;
}

interface RepeatToken {
  hash: string;
  expiresAt: Date;
}

/**
 * For a repeat: the tokens its notice may carry (only those its state calls for are stored:
 * lib/domain/repeat-notice.ts), and the notice, capped per supporter.
 */
export interface RepeatMail {
  tokens: { confirm: RepeatToken; withdraw: RepeatToken; unsubscribe: RepeatToken };
  message: (found: RepeatFound) => Omit<NewOutboxMessage, "dedupeKey">;
}

export type RecordOutcome = "accepted" | "held" | "repeat" | "closed";

const MAX_REPEAT_NOTICES = 3;

export interface RecordSupporterInput {
  kind: SupportKind;
  supporter: SupporterRecord;
  limits: RateLimits;
  mail: SupporterMail;
  repeat: RepeatMail;
  /** False: the supporter counts at once (verified), with no confirmation email. */
  requiresConfirmation: boolean;
  /** A pledge taker's chosen commitments, by slug. */
  commitmentSlugs?: string[];
}

/**
 * Stores a signature or a pledge taker, with its links, its email and its counts, in one
 * statement (one round trip, so a viral moment is limited by the database's work rather than by
 * chatter with it: db/queries/support-statements.ts); a pledge taker's chosen commitments (by
 * slug) go with it. The unique index on (petition or pledge, canonical email) decides a repeat,
 * handled by `recordRepeat`. A signature over the per-address limits is held, not dropped: it is
 * stored and emailed like any other (a household, an office or a mobile network shares one
 * address), but `held_at` keeps it out of the verified total until staff or the automatic
 * release (lib/jobs/hold-release.ts) let it in. A petition or pledge that closed since the caller
 * looked it up takes nothing.
 */
export async function recordSupporter(input: RecordSupporterInput): Promise<RecordOutcome> {
  const { kind, supporter, repeat } = input;
  const result = await getDb().execute<InsertedSupporter>(
    insertSupporterStatement({
      kind,
      id: randomUUID(),
      supporter,
      limits: input.limits,
      mail: input.mail,
      requiresConfirmation: input.requiresConfirmation,
      commitmentSlugs: input.commitmentSlugs ?? [],
    }),
  );
  const [outcome] = result.rows;
  if (outcome?.state) return outcome.isHeld ? "held" : "accepted";
  if (!outcome?.isOpen) {
    forgetSupportTarget(supporter.parentId);
    return "closed";
  }
  await recordRepeat(kind, supporter, repeat);
  return "repeat";
}

/**
 * Someone signed or pledged again: a notice that says where they stand, with the link that state
 * calls for, at most three per supporter. The state is read with the row locked and written into
 * the message's metadata, so the outbox worker can drop the notice if it changes before sending
 * (db/queries/outbox.ts).
 */
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
      .returning({
        id: table.id,
        state: table.state,
        notices: table.repeatNotices,
        createdAt: table.createdAt,
        withdrawnAt: table.withdrawnAt,
        wantsUpdates: table.wantsUpdates,
        preferredLanguage: table.preferredLanguage,
      });
    if (!existing) return;
    const state = repeatStateOf(existing.state);
    const wantsUpdates = existing.wantsUpdates && state !== "other";
    const linkAction = REPEAT_LINK[state];
    const tokens = [
      ...(linkAction ? [{ ...repeat.tokens[linkAction], purpose: purposes[linkAction] }] : []),
      ...(wantsUpdates ? [{ ...repeat.tokens.unsubscribe, purpose: purposes.unsubscribe }] : []),
    ];
    if (tokens.length > 0) {
      await tx.insert(actionTokens).values(
        tokens.map((token) => ({
          tokenHash: token.hash,
          purpose: token.purpose,
          subjectId: existing.id,
          expiresAt: token.expiresAt,
        })),
      );
    }
    const message = repeat.message({
      state,
      enteredAt: existing.createdAt,
      withdrawnAt: existing.withdrawnAt,
      wantsUpdates,
      preferredLanguage: existing.preferredLanguage,
    });
    await tx.insert(outboxMessages).values({
      ...message,
      metadata: { ...message.metadata, about: { kind, id: existing.id, state } },
      dedupeKey: `repeat-${noun}:${existing.id}:${existing.notices}`,
    });
  });
}
