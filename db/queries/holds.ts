import "server-only";
import { desc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry, insertSystemAuditEntry } from "./audit";
import { moveSupporters } from "./moderation-changes";
import {
  listColumns,
  PREVIEW_SAMPLE_SIZE,
  toListRow,
  type ListRecord,
  type SupporterListRow,
} from "./moderation";
import { addressGroupSql } from "./rate-limits";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

// Signatures and pledges held back from the totals because they came in a burst from one address
// (db/queries/supporters.ts holds them at signing). Staff see them grouped by address and by email
// domain, and release or reject a group at once; small bursts are released by time.

export type HoldGrouping = "address" | "domain";

/** One address (an IPv4 address, or an IPv6 /64) or email domain's held supporters of one petition or pledge. */
export interface HeldGroup {
  kind: SupportKind;
  slug: string;
  title: string;
  by: HoldGrouping;
  /** The address in CIDR notation (203.0.113.7/32, 2001:db8::/64), or the domain. */
  value: string;
  held: number;
  /** Of those, signed in the last hour. */
  lastHour: number;
  /** Of those, confirmed by their owners (they count as soon as they are released). */
  confirmed: number;
  oldestHeldAt: Date;
  /** The most held from this group in one clock hour; over the automatic-release size, it waits for staff. */
  largestHour: number;
}

export interface HoldPolicy {
  /** Held rows older than this are released by themselves... */
  releaseAfterHours: number;
  /** ...unless their address sent more than this many in one hour. */
  maxPerAddressHour: number;
}

export interface HeldGroupRef {
  kind: SupportKind;
  slug: string;
  by: HoldGrouping;
  value: string;
}

function groupKey(kind: SupportKind, by: HoldGrouping): SQL {
  const { table } = SUPPORT_KINDS[kind];
  return by === "address"
    ? sql`${addressGroupSql(sql`${table.ipAddress}`)}::text`
    : sql`split_part(${table.emailCanonical}, '@', 2)`;
}

const isHeld = (kind: SupportKind): SQL => {
  const { table } = SUPPORT_KINDS[kind];
  return sql`${table.heldAt} is not null and ${table.state} in ('pending', 'held')`;
};

/**
 * The held groups, those with the most signed in the last hour first: what is trending now. For
 * editors; the list shows no personal data beyond the addresses and domains themselves, and
 * those (an IP address is personal data) are read under an audit entry.
 */
export async function listHeldGroups(
  caller: StaffCaller,
  by: HoldGrouping,
  limit = 20,
): Promise<HeldGroup[]> {
  assertRole(caller, "editor");
  const perKind = (Object.keys(SUPPORT_KINDS) as SupportKind[]).map((kind) => {
    const { table, parentTable, parentColumn } = SUPPORT_KINDS[kind];
    return sql`
      select ${kind}::text as kind, parent.slug, parent.title, grouped.*
      from (
        select held.parent_id, held.value, count(*)::int as held,
          count(*) filter (where held.created_at > now() - interval '1 hour')::int as last_hour,
          count(*) filter (where held.state = 'held')::int as confirmed,
          min(held.held_at) as oldest_held_at, max(held.per_hour)::int as largest_hour
        from (
          select ${sql.identifier(parentColumn)} as parent_id, ${groupKey(kind, by)} as value, state, held_at, created_at,
            count(*) over (partition by ${sql.identifier(parentColumn)}, ${groupKey(kind, by)}, date_trunc('hour', created_at)) as per_hour
          from ${table} where ${isHeld(kind)}
        ) as held
        where held.value is not null and held.value <> ''
        group by held.parent_id, held.value
      ) as grouped
      join ${parentTable} as parent on parent.id = grouped.parent_id`;
  });
  const result = await getDb().execute<{
    kind: SupportKind;
    slug: string;
    title: string;
    value: string;
    held: number;
    last_hour: number;
    confirmed: number;
    oldest_held_at: string | Date;
    largest_hour: number;
  }>(sql`${sql.join(perKind, sql` union all `)} order by last_hour desc, held desc, value limit ${limit}`);
  await insertAuditEntry(caller, {
    action: "supporters.held-list",
    details: { by },
    rowCount: result.rows.length,
  });
  return result.rows.map((row) => ({
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    by,
    value: row.value,
    held: row.held,
    lastHour: row.last_hour,
    confirmed: row.confirmed,
    oldestHeldAt: new Date(row.oldest_held_at),
    largestHour: row.largest_hour,
  }));
}

/** The held rows of one group of one petition or pledge. */
function groupCondition(group: HeldGroupRef, parentId: string): SQL {
  const { table, parentColumn } = SUPPORT_KINDS[group.kind];
  const value = group.by === "address" ? sql`${group.value}::inet::text` : sql`${group.value}::text`;
  return sql`${table}.${sql.identifier(parentColumn)} = ${parentId} and ${isHeld(group.kind)} and ${groupKey(group.kind, group.by)} = ${value}`;
}

async function parentOf(group: HeldGroupRef): Promise<{ id: string; title: string } | null> {
  const { parentTable } = SUPPORT_KINDS[group.kind];
  const [parent] = await getDb()
    .select({ id: parentTable.id, title: parentTable.title })
    .from(parentTable)
    .where(eq(parentTable.slug, group.slug));
  return parent ?? null;
}

export interface HeldGroupPreview {
  title: string;
  count: number;
  confirmed: number;
  sample: SupporterListRow[];
}

/** How many one group holds now, and its newest few; null when the petition or pledge is unknown. Audited: it shows names. */
export async function previewHeldGroup(
  caller: StaffCaller,
  group: HeldGroupRef,
): Promise<HeldGroupPreview | null> {
  assertRole(caller, "editor");
  const parent = await parentOf(group);
  if (!parent) return null;
  const { table } = SUPPORT_KINDS[group.kind];
  const where = groupCondition(group, parent.id);
  const [counted, sample] = await Promise.all([
    getDb().execute<{ n: number; confirmed: number }>(
      sql`select count(*)::int as n, count(*) filter (where ${table.state} = 'held')::int as confirmed from ${table} where ${where}`,
    ),
    getDb().execute<ListRecord>(sql`
      select ${group.slug}::text as slug, ${parent.title}::text as title, ${listColumns(group.kind)} from ${table} where ${where}
      order by ${desc(table.createdAt)}, ${desc(table.id)} limit ${PREVIEW_SAMPLE_SIZE}`),
  ]);
  const count = counted.rows[0]?.n ?? 0;
  await insertAuditEntry(caller, {
    action: "supporters.held-preview",
    subjectType: group.kind,
    subjectId: parent.id,
    details: { ...group },
    rowCount: count,
  });
  return {
    title: parent.title,
    count,
    confirmed: counted.rows[0]?.confirmed ?? 0,
    sample: sample.rows.map(toListRow),
  };
}

export type HoldDecision = "release" | "reject";

export type HoldOutcome =
  | { result: "done"; changed: number; counted: number }
  | { result: "changed"; count: number }
  | { result: "not-found" };

/** Out of hold: a confirmed supporter into the total, an unconfirmed one left to confirm as anyone does. */
const releaseSet = (kind: SupportKind): SQL => {
  const { table } = SUPPORT_KINDS[kind];
  return sql`held_at = null, released_at = now(), state = (case when ${table}.state = 'held' then 'verified' else ${table}.state end)::support_state`;
};

/**
 * Releases (into the totals, for those already confirmed) or rejects every held row of a group,
 * if that is still the number the preview showed; otherwise nothing changes and the caller hears
 * the new number. Rows, counts and the audit entry change in one transaction.
 */
export async function decideHeldGroup(
  caller: StaffCaller,
  group: HeldGroupRef,
  decision: HoldDecision,
  expected: number,
  reason: string,
): Promise<HoldOutcome> {
  assertRole(caller, "editor");
  const parent = await parentOf(group);
  if (!parent) return { result: "not-found" };
  return getDb().transaction(async (tx) => {
    const set =
      decision === "release"
        ? releaseSet(group.kind)
        : sql`state = 'rejected', rejection_reason = ${reason}, rejection_category = 'burst', rejected_at = now(), held_at = null`;
    const { matched, moves } = await moveSupporters(
      tx,
      group.kind,
      groupCondition(group, parent.id),
      set,
      expected,
    );
    if (matched !== expected) return { result: "changed", count: matched };
    const counted = moves.filter((move) => move.to === "verified").reduce((sum, move) => sum + move.n, 0);
    await insertAuditEntry(
      caller,
      {
        action: `supporters.held-${decision}`,
        subjectType: group.kind,
        subjectId: parent.id,
        details: { ...group, reason, byState: Object.fromEntries(moves.map((move) => [move.from, move.n])) },
        rowCount: matched,
      },
      tx,
    );
    return { result: "done", changed: matched, counted };
  });
}

/**
 * Releases, for every petition and pledge, the held rows older than the policy's delay whose
 * address sent no more than its size in any one hour: a household or an office that signed
 * together is let in by time; a flood waits for staff. Returns how many were released.
 */
export async function releaseHeldAutomatically(policy: HoldPolicy): Promise<number> {
  let released = 0;
  for (const kind of Object.keys(SUPPORT_KINDS) as SupportKind[]) {
    const { table, parentColumn } = SUPPORT_KINDS[kind];
    const parent = sql.identifier(parentColumn);
    const address = groupKey(kind, "address");
    const due = sql`${table.id} in (
      select id from (
        select id, held_at, count(*) over (partition by ${parent}, ${address}, date_trunc('hour', created_at)) as per_hour,
          ${parent} as parent_id, ${address} as value
        from ${table} where ${isHeld(kind)}
      ) as held
      where held.held_at < now() - make_interval(hours => ${policy.releaseAfterHours}::int)
        and not exists (
          select 1 from (
            select ${parent} as parent_id, ${address} as value, count(*) as n from ${table} where ${isHeld(kind)}
            group by ${parent}, ${address}, date_trunc('hour', created_at)
          ) as hours
          where hours.parent_id = held.parent_id and hours.value is not distinct from held.value and hours.n > ${policy.maxPerAddressHour}
        )
    ) and ${isHeld(kind)}`;
    await getDb().transaction(async (tx) => {
      const { matched, moves } = await moveSupporters(tx, kind, due, releaseSet(kind));
      if (matched === 0) return;
      released += matched;
      await insertSystemAuditEntry(
        {
          action: "supporters.held-release",
          subjectType: kind,
          details: {
            automatic: true,
            ...policy,
            byState: Object.fromEntries(moves.map((move) => [move.from, move.n])),
          },
          rowCount: matched,
        },
        tx,
      );
    });
  }
  return released;
}
