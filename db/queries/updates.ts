import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { actionTokens, campaigns } from "@/db/schema";
import { insertAuditEntryBy } from "./audit";
import { SUPPORT_KINDS, type SupportKind } from "./support-kinds";

// A supporter's "send me updates" choice, turned off by the link in their emails (RFC 8058 one-click
// or the page's button). The token is the caller's proof: it was emailed only to them, and only its
// SHA-256 is stored. It is not used up: pressing again, or a mail program posting twice, is fine.

export interface UpdatesLink {
  kind: SupportKind;
  /** The petition's or pledge's title, and its campaign's name, for the page. */
  title: string;
  campaignName: string;
  wantsUpdates: boolean;
  isExpired: boolean;
}

const PURPOSES = [SUPPORT_KINDS.petition.purposes.unsubscribe, SUPPORT_KINDS.pledge.purposes.unsubscribe];

/** The audit log's actor for what a supporter did by an emailed link: no email, no name. */
const SUPPORTER_ACTOR = "supporter, by emailed link";

async function findLink(tokenHash: string) {
  const [token] = await getDb()
    .select({
      purpose: actionTokens.purpose,
      subjectId: actionTokens.subjectId,
      isExpired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
    })
    .from(actionTokens)
    .where(and(eq(actionTokens.tokenHash, tokenHash), inArray(actionTokens.purpose, PURPOSES)));
  if (!token) return null;
  const kind: SupportKind =
    token.purpose === SUPPORT_KINDS.pledge.purposes.unsubscribe ? "pledge" : "petition";
  return { kind, subjectId: token.subjectId, isExpired: token.isExpired };
}

/** What an emailed "stop updates" link points at, read without changing anything: a GET never acts. */
export async function getUpdatesLink(tokenHash: string): Promise<UpdatesLink | null> {
  const link = await findLink(tokenHash);
  if (!link) return null;
  const { table, parentTable } = SUPPORT_KINDS[link.kind];
  const parentId =
    link.kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
  const [row] = await getDb()
    .select({ title: parentTable.title, campaignName: campaigns.name, wantsUpdates: table.wantsUpdates })
    .from(table)
    .innerJoin(parentTable, eq(parentTable.id, parentId))
    .innerJoin(campaigns, eq(campaigns.id, parentTable.campaignId))
    .where(eq(table.id, link.subjectId));
  if (!row) return null;
  return { kind: link.kind, ...row, isExpired: link.isExpired };
}

export type StopUpdatesResult = "stopped" | "already-off" | "expired" | "not-found";

/**
 * Turns updates off for the supporter the token was made for, with an audit entry that names the
 * row, never the person. `via` says which door was used: the mail program's one-click post or the page.
 */
export async function stopUpdates(tokenHash: string, via: "one-click" | "page"): Promise<StopUpdatesResult> {
  const link = await findLink(tokenHash);
  if (!link) return "not-found";
  if (link.isExpired) return "expired";
  const { table } = SUPPORT_KINDS[link.kind];
  return getDb().transaction(async (tx) => {
    const changed = await tx
      .update(table)
      .set({ wantsUpdates: false, wantsUpdatesAt: sql`now()` })
      .where(and(eq(table.id, link.subjectId), eq(table.wantsUpdates, true)))
      .returning({ id: table.id });
    if (changed.length === 0) {
      const [exists] = await tx.select({ id: table.id }).from(table).where(eq(table.id, link.subjectId));
      return exists ? "already-off" : "not-found";
    }
    await insertAuditEntryBy(
      SUPPORTER_ACTOR,
      {
        action: "supporter.updates-off",
        subjectType: link.kind,
        subjectId: link.subjectId,
        details: { via },
      },
      tx,
    );
    return "stopped";
  });
}
