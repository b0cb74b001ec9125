import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { pledgeTakers, signatures, type SupportState } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { getTotals } from "./counts";
import { listBuckets, type Bucket } from "./support-buckets";
import { getSupportTarget, SUPPORT_KINDS, type SupportKind } from "./supporters";

export { REPORT_DAYS, REPORT_HOURS, type Bucket } from "./support-buckets";

export interface Ranked {
  label: string;
  count: number;
}

export interface ActionReport {
  kind: SupportKind;
  slug: string;
  title: string;
  isOpen: boolean;
  totals: Record<SupportState, number>;
  perHour: Bucket[];
  perDay: Bucket[];
  sources: Ranked[];
  referrers: Ranked[];
  countries: Ranked[];
  /** Partner sites by verified supporters, each site's embed apart from its links. */
  partners: Ranked[];
  everSigned: number;
  everConfirmed: number;
  /** Confirmed before any reminder to confirm was sent to them (or with none sent). */
  confirmedWithoutReminder: number;
  /** Sent the one reminder to confirm (lib/jobs/confirm-reminders.ts). */
  reminded: number;
  /** Confirmed after their reminder was sent. */
  confirmedAfterReminder: number;
}

const TOP = 10;
// The rankings read every supporter of one petition; a few seconds old is fine for a dashboard.
const RANKINGS_CACHE_MS = 30_000;
const rankingsCache = new Map<string, { value: Promise<Rankings>; until: number }>();

type Rankings = Pick<
  ActionReport,
  | "sources"
  | "referrers"
  | "countries"
  | "partners"
  | "everSigned"
  | "everConfirmed"
  | "confirmedWithoutReminder"
  | "reminded"
  | "confirmedAfterReminder"
>;

/**
 * One petition's or pledge's report for the dashboard: totals by state, supporters per hour and
 * per day, top sources, referrers and countries, and how many confirmed. Aggregates only: no
 * one's personal data, so any member of staff may read it. Null when there is no such action.
 */
export async function getActionReport(
  caller: StaffCaller,
  kind: SupportKind,
  slug: string,
): Promise<ActionReport | null> {
  assertRole(caller, "viewer");
  const target = await getSupportTarget(kind, slug);
  if (!target) return null;
  const [totals, perHour, perDay, rankings] = await Promise.all([
    getTotals(kind, target.id, getDb()),
    listBuckets(getDb(), kind, target.id, "hour"),
    listBuckets(getDb(), kind, target.id, "day"),
    cachedRankings(kind, target.id),
  ]);
  return { kind, slug, title: target.title, isOpen: target.isOpen, totals, perHour, perDay, ...rankings };
}

function parentColumn(kind: SupportKind) {
  return kind === "petition" ? signatures.petitionId : pledgeTakers.pledgeId;
}

function cachedRankings(kind: SupportKind, parentId: string): Promise<Rankings> {
  const key = `${kind}:${parentId}`;
  const cached = rankingsCache.get(key);
  if (cached && cached.until > Date.now()) return cached.value;
  const value = Promise.all([listRankings(kind, parentId), countReminderEffect(kind, parentId)]).then(
    ([rankings, reminders]) => ({ ...rankings, ...reminders }),
  );
  if (rankingsCache.size > 1_000) rankingsCache.clear();
  rankingsCache.set(key, { value, until: Date.now() + RANKINGS_CACHE_MS });
  value.catch(() => rankingsCache.delete(key));
  return value;
}

/**
 * Sources, referrers and countries in one pass over the supporters (grouping sets), the top
 * few of each. A referrer is the supporter whose shared link brought people; they are named
 * only as the public pages would name them (first name and last initial, if they chose to be
 * shown), never by email.
 */
async function listRankings(
  kind: SupportKind,
  parentId: string,
): Promise<Omit<Rankings, "confirmedWithoutReminder" | "reminded" | "confirmedAfterReminder">> {
  const table = SUPPORT_KINDS[kind].table;
  const partners = listPartners(kind, parentId);
  const { rows } = await getDb().execute<{ dimension: string; key: string | null; count: number }>(sql`
    with grouped as (
      select case grouping(${table.source}, ${table.referredBy}, ${table.country})
               when 3 then 'source' when 5 then 'referrer' when 6 then 'country' else 'all' end as dimension,
             coalesce(${table.source}, ${table.referredBy}, ${table.country}) as key,
             count(*)::int as count,
             count(${table.verifiedAt})::int as confirmed
      from ${table}
      where ${eq(parentColumn(kind), parentId)}
      group by grouping sets ((${table.source}), (${table.referredBy}), (${table.country}), ())
    ), ranked as (
      select dimension, key, count, confirmed,
             row_number() over (partition by dimension order by count desc, key) as rank
      from grouped
      where dimension = 'all' or key is not null
    )
    select dimension, key, case when dimension = 'all' then confirmed else count end as count
    from ranked where rank <= ${TOP} or dimension = 'all'
    union all
    select 'total', null, count from ranked where dimension = 'all'`);
  const ranked = (dimension: string) =>
    rows
      .filter((row) => row.dimension === dimension)
      .map((row) => ({ label: row.key!, count: Number(row.count) }));
  return {
    sources: ranked("source"),
    referrers: await nameReferrers(ranked("referrer")),
    countries: ranked("country"),
    partners: await partners,
    everSigned: Number(rows.find((row) => row.dimension === "total")?.count ?? 0),
    everConfirmed: Number(rows.find((row) => row.dimension === "all")?.count ?? 0),
  };
}

/**
 * The partner sites that sent verified supporters, most first: a site's embed and its links to
 * the page are ranked apart ("https://partner.org, embed"), so that staff see which works.
 */
async function listPartners(kind: SupportKind, parentId: string): Promise<Ranked[]> {
  const table = SUPPORT_KINDS[kind].table;
  const { rows } = await getDb().execute<{ website: string; via_embed: boolean; count: number }>(sql`
    select ${table.referrerWebsite} as website, ${table.viaEmbed} as via_embed, count(*)::int as count
    from ${table}
    where ${eq(parentColumn(kind), parentId)} and ${table.state} = 'verified'
      and ${table.referrerWebsite} is not null
    group by 1, 2
    order by count desc, website, via_embed desc
    limit ${TOP}`);
  return rows.map((row) => ({
    label: `${row.website}, ${row.via_embed ? "embed" : "link"}`,
    count: Number(row.count),
  }));
}

/**
 * The confirmation rate with and without the reminder: who confirmed before any reminder reached
 * them, who was reminded, and who of those confirmed after it.
 */
async function countReminderEffect(kind: SupportKind, parentId: string) {
  const table = SUPPORT_KINDS[kind].table;
  const reminded = sql`${table.reminderSentAt} is not null`;
  const [row] = await getDb()
    .select({
      confirmedWithoutReminder: sql<number>`(count(*) filter (where ${table.verifiedAt} is not null and (${table.reminderSentAt} is null or ${table.verifiedAt} < ${table.reminderSentAt})))::int`,
      reminded: sql<number>`(count(*) filter (where ${reminded}))::int`,
      confirmedAfterReminder: sql<number>`(count(*) filter (where ${reminded} and ${table.verifiedAt} >= ${table.reminderSentAt}))::int`,
    })
    .from(table)
    .where(eq(parentColumn(kind), parentId));
  return {
    confirmedWithoutReminder: Number(row?.confirmedWithoutReminder ?? 0),
    reminded: Number(row?.reminded ?? 0),
    confirmedAfterReminder: Number(row?.confirmedAfterReminder ?? 0),
  };
}

/** Puts a public name on each referral code: the one the public pages would show, or none. */
async function nameReferrers(referrers: Ranked[]): Promise<Ranked[]> {
  if (referrers.length === 0) return referrers;
  const codes = referrers.map((referrer) => referrer.label);
  const named = await Promise.all(
    [signatures, pledgeTakers].map((table) =>
      getDb()
        .select({
          code: table.referralCode,
          name: sql<
            string | null
          >`case when ${table.isPublic} and ${table.erasedAt} is null then ${table.firstName} || ' ' || left(${table.lastName}, 1) || '.' end`,
        })
        .from(table)
        .where(inArray(table.referralCode, codes)),
    ),
  );
  const names = new Map(named.flat().map((row) => [row.code, row.name]));
  return referrers.map(({ label, count }) => ({
    label: names.get(label) ?? `A supporter who is not shown publicly (link ${label.slice(0, 8)})`,
    count,
  }));
}
