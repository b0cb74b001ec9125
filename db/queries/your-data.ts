import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { campaigns, outboxMessages, people, yourDataLinks, yourDataSessions } from "@/db/schema";
import type { OutboxFields } from "@/lib/domain/mail";
import type { SupportState } from "@/lib/domain/enums";
import {
  YOUR_DATA_ACTOR,
  YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR,
  YOUR_DATA_LINK_TTL_HOURS,
  YOUR_DATA_SESSION_MINUTES,
} from "@/lib/domain/your-data";
import { insertAuditEntryBy, type AuditEntryInput } from "./audit";
import { setConsentChannel } from "./consents";
import { eraseSupporters } from "./erasure";
import { moveSupporters } from "./moderation-changes";
import { LINK_TRANSITIONS } from "./support-statements";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

// "Your data": a person proves they hold an address by a link emailed to it, and for a short
// session sees and changes every signature and pledge of that canonical email. Every query here
// takes the session's canonical email and puts it in its WHERE: a session reaches no one else's rows.

const KINDS: SupportKind[] = ["petition", "pledge"];

const YOUR_DATA_TEMPLATE = "your-data-link";

const audit = (entry: AuditEntryInput, db?: Db) => insertAuditEntryBy(YOUR_DATA_ACTOR, entry, db);

/**
 * Writes a link and its email for an address, known or not, in one transaction: the outbox
 * worker drops the email unless someone with that address has signed or pledged
 * (isYourDataMailDue), so the request takes the same path for both. Past the per-address limit
 * nothing is written (the answer is the same). Expired links and sessions are pruned here, so an
 * address nobody signed with is kept no longer than a link lives.
 */
export async function insertYourDataLink(
  emailCanonical: string,
  recipient: string,
  tokenHash: string,
  mail: OutboxFields,
): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    // A link's email is worth nothing once the link has expired: neither is kept past it.
    await tx
      .delete(outboxMessages)
      .where(
        and(
          eq(outboxMessages.template, YOUR_DATA_TEMPLATE),
          sql`${outboxMessages.createdAt} < now() - make_interval(hours => ${YOUR_DATA_LINK_TTL_HOURS})`,
        ),
      );
    await tx.delete(yourDataLinks).where(sql`${yourDataLinks.expiresAt} < now()`);
    // One request per address at a time, so that simultaneous ones cannot each pass the hourly limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`your-data:${emailCanonical}`}))`);
    await tx.delete(yourDataSessions).where(sql`${yourDataSessions.expiresAt} < now()`);
    const [link] = await tx
      .insert(yourDataLinks)
      .select(
        sql`select gen_random_uuid(), ${tokenHash}, ${emailCanonical},
          now() + make_interval(hours => ${YOUR_DATA_LINK_TTL_HOURS}), null::timestamptz, now()
        where (select count(*) from ${yourDataLinks}
          where ${yourDataLinks.emailCanonical} = ${emailCanonical}
            and ${yourDataLinks.createdAt} > now() - interval '1 hour') < ${YOUR_DATA_LINKS_PER_ADDRESS_PER_HOUR}`,
      )
      .returning({ id: yourDataLinks.id });
    if (!link) return false;
    await tx.insert(outboxMessages).values({
      dedupeKey: `your-data:${link.id}`,
      recipient,
      template: YOUR_DATA_TEMPLATE,
      ...mail,
      metadata: { ...mail.metadata, yourDataLink: link.id },
    });
    await audit({ action: "your-data.request", subjectType: "your-data-link", subjectId: link.id }, tx);
    return true;
  });
}

/** Whether a "Your data" email is still worth sending: its link is unused and its address has signed or pledged. */
export async function isYourDataMailDue(linkId: string): Promise<boolean> {
  const [link] = await getDb()
    .select({ emailCanonical: yourDataLinks.emailCanonical })
    .from(yourDataLinks)
    .where(and(eq(yourDataLinks.id, linkId), isNull(yourDataLinks.usedAt)));
  if (!link) return false;
  const held = await Promise.all(
    KINDS.map(async (kind) => {
      const { table } = SUPPORT_KINDS[kind];
      const [row] = await getDb()
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.emailCanonical, link.emailCanonical), isNull(table.erasedAt)))
        .limit(1);
      return row !== undefined;
    }),
  );
  return held.some(Boolean);
}

export type YourDataLinkState = "open" | "used" | "expired";

/** What an emailed link is, read without changing anything (mail scanners open links); null when unknown. */
export async function getYourDataLinkState(tokenHash: string): Promise<YourDataLinkState | null> {
  const [row] = await getDb()
    .select({
      isUsed: sql<boolean>`${yourDataLinks.usedAt} is not null`,
      isExpired: sql<boolean>`${yourDataLinks.expiresAt} <= now()`,
    })
    .from(yourDataLinks)
    .where(eq(yourDataLinks.tokenHash, tokenHash));
  if (!row) return null;
  return row.isUsed ? "used" : row.isExpired ? "expired" : "open";
}

/**
 * Uses a link, once, and opens a session with it, in one statement: of two presses at once, one
 * opens a session and the other is told the link was used. Null when the link is unknown, used
 * or expired.
 */
export async function openYourDataSession(tokenHash: string, sessionIdHash: string): Promise<string | null> {
  const result = await getDb().execute<{ id: string }>(sql`
    with link as (
      update ${yourDataLinks} set used_at = now()
      where token_hash = ${tokenHash} and used_at is null and expires_at > now()
      returning id, email_canonical
    ), opened as (
      insert into ${yourDataSessions} (id_hash, email_canonical, link_id, expires_at)
      select ${sessionIdHash}, email_canonical, id, now() + make_interval(mins => ${YOUR_DATA_SESSION_MINUTES})
      from link
      returning id, link_id
    ), logged as (
      insert into audit_log (actor_id, actor_email, action, subject_type, subject_id, details)
      select null, ${YOUR_DATA_ACTOR}, 'your-data.open', 'your-data-session', id::text,
        jsonb_build_object('link', link_id) from opened
    )
    select id from opened`);
  return result.rows[0]?.id ?? null;
}

export interface YourDataSession {
  id: string;
  emailCanonical: string;
  expiresAt: Date;
}

/** The open session whose id hashes to this; null when there is none, it ended or it expired. */
export async function getYourDataSession(idHash: string): Promise<YourDataSession | null> {
  const [row] = await getDb()
    .select({
      id: yourDataSessions.id,
      emailCanonical: yourDataSessions.emailCanonical,
      expiresAt: yourDataSessions.expiresAt,
    })
    .from(yourDataSessions)
    .where(
      and(
        eq(yourDataSessions.idHash, idHash),
        isNull(yourDataSessions.endedAt),
        sql`${yourDataSessions.expiresAt} > now()`,
      ),
    );
  return row ?? null;
}

/** Sign out: the session ends now. */
export async function endYourDataSession(session: YourDataSession): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.update(yourDataSessions).set({ endedAt: new Date() }).where(eq(yourDataSessions.id, session.id));
    await audit(
      { action: "your-data.sign-out", subjectType: "your-data-session", subjectId: session.id },
      tx,
    );
  });
}

export interface YourSupport {
  kind: SupportKind;
  id: string;
  slug: string;
  title: string;
  campaignName: string;
  state: SupportState;
  createdAt: Date;
  verifiedAt: Date | null;
  withdrawnAt: Date | null;
  wantsUpdates: boolean;
  canWithdraw: boolean;
}

/** Every signature and pledge of the session's address that is not erased, newest first. */
export async function listYourSupport(session: YourDataSession): Promise<YourSupport[]> {
  const lists = await Promise.all(
    KINDS.map(async (kind) => {
      const { table, parentTable } = SUPPORT_KINDS[kind];
      const parentId =
        kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
      const rows = await getDb()
        .select({
          id: table.id,
          slug: parentTable.slug,
          title: parentTable.title,
          campaignName: campaigns.name,
          state: table.state,
          createdAt: table.createdAt,
          verifiedAt: table.verifiedAt,
          withdrawnAt: table.withdrawnAt,
          wantsUpdates: table.wantsUpdates,
        })
        .from(table)
        .innerJoin(parentTable, eq(parentTable.id, parentId))
        .innerJoin(campaigns, eq(campaigns.id, parentTable.campaignId))
        .where(and(eq(table.emailCanonical, session.emailCanonical), isNull(table.erasedAt)));
      return rows.map((row) => ({
        kind,
        ...row,
        canWithdraw: LINK_TRANSITIONS.withdraw.from.includes(row.state),
      }));
    }),
  );
  return lists.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

const ownRow = (session: YourDataSession, kind: SupportKind, id: string) => {
  const { table } = SUPPORT_KINDS[kind];
  return and(eq(table.id, id), eq(table.emailCanonical, session.emailCanonical), isNull(table.erasedAt))!;
};

/** The slug of the petition or pledge a row of this session's address belongs to; null when it is not theirs. */
async function slugOf(tx: Db, session: YourDataSession, kind: SupportKind, id: string) {
  const { table, parentTable } = SUPPORT_KINDS[kind];
  const parentId =
    kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
  const [row] = await tx
    .select({ slug: parentTable.slug })
    .from(table)
    .innerJoin(parentTable, eq(parentTable.id, parentId))
    .where(ownRow(session, kind, id));
  return row?.slug ?? null;
}

export type YourChange = { result: "done"; slug: string } | { result: "unchanged" } | { result: "not-found" };

/**
 * Withdraws one signature or pledge of the session's address, as its emailed withdraw link does
 * (the same states, the same change, every count moved in the same statement; the database's
 * triggers send the webhook), with its audit entry.
 */
export async function withdrawYourSupport(
  session: YourDataSession,
  kind: SupportKind,
  id: string,
): Promise<YourChange> {
  const { table } = SUPPORT_KINDS[kind];
  const { from, set } = LINK_TRANSITIONS.withdraw;
  return getDb().transaction(async (tx) => {
    const slug = await slugOf(tx, session, kind, id);
    if (!slug) return { result: "not-found" };
    const { moves } = await moveSupporters(
      tx,
      kind,
      and(ownRow(session, kind, id), inArray(table.state, from))!,
      set,
    );
    const [move] = moves;
    if (!move) return { result: "unchanged" };
    await audit(
      {
        action: "your-data.withdraw",
        subjectType: kind,
        subjectId: id,
        details: { session: session.id, from: move.from, to: move.to },
        rowCount: 1,
      },
      tx,
    );
    return { result: "done", slug };
  });
}

/** Turns updates on or off for one signature or pledge of the session's address, noting when. */
export async function setYourUpdates(
  session: YourDataSession,
  kind: SupportKind,
  id: string,
  wantsUpdates: boolean,
): Promise<YourChange> {
  const { table } = SUPPORT_KINDS[kind];
  return getDb().transaction(async (tx) => {
    // The consent records the triggers write say it was changed here (db/queries/consents.ts).
    await setConsentChannel(tx, "portal");
    const changed = await tx
      .update(table)
      .set({ wantsUpdates, wantsUpdatesAt: new Date() })
      .where(and(ownRow(session, kind, id), sql`${table.wantsUpdates} <> ${wantsUpdates}`))
      .returning({ id: table.id });
    if (changed.length === 0)
      return { result: (await slugOf(tx, session, kind, id)) ? "unchanged" : "not-found" };
    await audit(
      {
        action: "your-data.updates",
        subjectType: kind,
        subjectId: id,
        details: { session: session.id, wantsUpdates },
        rowCount: 1,
      },
      tx,
    );
    return { result: "done", slug: (await slugOf(tx, session, kind, id))! };
  });
}

/**
 * Erases every signature and pledge of the session's address, as staff erase does
 * (db/queries/erasure.ts: the rows stay anonymous, so every count keeps its place; the database's
 * triggers send `person.erased`), and every link and session of that address, in one transaction.
 * Returns the pages whose lists may have changed.
 */
export async function eraseYourData(
  session: YourDataSession,
): Promise<{ kind: SupportKind; slug: string }[]> {
  return getDb().transaction(async (tx) => {
    const pages: { kind: SupportKind; slug: string }[] = [];
    const erasedIds: Record<SupportKind, string[]> = { petition: [], pledge: [] };
    for (const kind of KINDS) {
      const { table, parentTable } = SUPPORT_KINDS[kind];
      const erased = await eraseSupporters(tx, kind, eq(table.emailCanonical, session.emailCanonical));
      erasedIds[kind] = erased.map((row) => row.id);
      const parentIds = [...new Set(erased.map((row) => row.parentId))];
      if (parentIds.length > 0) {
        const parents = await tx
          .select({ slug: parentTable.slug })
          .from(parentTable)
          .where(inArray(parentTable.id, parentIds));
        pages.push(...parents.map(({ slug }) => ({ kind, slug })));
      }
    }
    await tx.delete(outboxMessages).where(
      inArray(
        outboxMessages.dedupeKey,
        tx
          .select({ key: sql<string>`'your-data:' || ${yourDataLinks.id}` })
          .from(yourDataLinks)
          .where(eq(yourDataLinks.emailCanonical, session.emailCanonical)),
      ),
    );
    await tx.delete(yourDataLinks).where(eq(yourDataLinks.emailCanonical, session.emailCanonical));
    await tx.delete(yourDataSessions).where(eq(yourDataSessions.emailCanonical, session.emailCanonical));
    await audit(
      {
        action: "your-data.erase",
        subjectType: "your-data-session",
        subjectId: session.id,
        details: { signatures: erasedIds.petition, pledgeTakers: erasedIds.pledge },
        rowCount: erasedIds.petition.length + erasedIds.pledge.length,
      },
      tx,
    );
    return pages;
  });
}

/** The OSDI person id of the session's address, when the people table has one. */
export async function getYourPersonId(session: YourDataSession): Promise<string | null> {
  const [row] = await getDb()
    .select({ id: people.id })
    .from(people)
    .where(eq(people.emailCanonical, session.emailCanonical));
  return row?.id ?? null;
}
