import "server-only";
import { and, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import type { SupportState } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import { insertAuditEntry } from "./audit";
import { SUPPORT_KINDS, type SupportKind } from "./supporters";

/** Rows per page of search results. */
export const SEARCH_PAGE_SIZE = 50;
/** Rows a bulk rule's preview shows, beside its count. */
export const PREVIEW_SAMPLE_SIZE = 10;

export interface SupporterSearch {
  kind: SupportKind;
  /** One petition's or pledge's supporters; all of the kind when absent. */
  slug?: string;
  name?: string;
  email?: string;
  source?: string;
  /** An address, or a range in CIDR notation. */
  ip?: string;
  state?: SupportState;
  /** Days, both inclusive, by when they signed. */
  from?: string;
  to?: string;
  /** The page after this row (newest first). */
  after?: { createdAt: string; id: string };
}

export interface BulkRule {
  kind: SupportKind;
  slug: string;
  ip?: string;
  domain?: string;
  /** ISO instants: signed at or after `from`, and before `to`. */
  from: string;
  to: string;
}

export interface SupporterListRow {
  id: string;
  slug: string;
  title: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  source: string | null;
  ipAddress: string | null;
  state: SupportState;
  createdAt: Date;
  isErased: boolean;
  /** Where the next page starts, if this row ends one. */
  cursor: string;
}

export interface SearchPage {
  rows: SupporterListRow[];
  next: string | null;
}

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, "\\$&")}%`;

/** The columns a staff list shows, for a query whose FROM names the supporter table unaliased. */
export function listColumns(kind: SupportKind): SQL {
  const { table } = SUPPORT_KINDS[kind];
  return sql`${table.id} as id, ${table.firstName} as first_name, ${table.lastName} as last_name, ${table.email} as email,
    ${table.source} as source, host(${table.ipAddress}) as ip_address, ${table.state} as state, ${table.createdAt} as created_at,
    ${table.erasedAt} is not null as is_erased,
    to_char(${table.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '_' || ${table.id} as cursor`;
}

export type ListRecord = {
  id: string;
  slug: string;
  title: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  source: string | null;
  ip_address: string | null;
  state: SupportState;
  created_at: string | Date;
  is_erased: boolean;
  cursor: string;
};

export const toListRow = (row: ListRecord): SupporterListRow => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  firstName: row.first_name,
  lastName: row.last_name,
  email: row.email,
  source: row.source,
  ipAddress: row.ip_address,
  state: row.state,
  createdAt: new Date(row.created_at),
  isErased: row.is_erased,
  cursor: row.cursor,
});

/**
 * Staff search over one kind of supporter, newest first, a page at a time (keyset paging, so the
 * thousandth page costs what the first does). Each petition's or pledge's newest matches are
 * read from its own (parent, created_at, id) index and merged, so searching every petition
 * needs no index of its own on a table written to at every signature. Written to the audit log
 * with its filters: the page shows personal data.
 */
export async function searchSupporters(caller: StaffCaller, search: SupporterSearch): Promise<SearchPage> {
  assertRole(caller, "editor");
  const { table, parentTable, parentColumn } = SUPPORT_KINDS[search.kind];
  const conditions = and(
    search.name
      ? sql`concat_ws(' ', ${table.firstName}, ${table.lastName}) ilike ${likePattern(search.name)}`
      : undefined,
    search.email ? ilike(table.email, likePattern(search.email)) : undefined,
    search.source ? ilike(table.source, likePattern(search.source)) : undefined,
    search.ip ? sql`${table.ipAddress} <<= ${search.ip}::inet` : undefined,
    search.state ? eq(table.state, search.state) : undefined,
    search.from ? gte(table.createdAt, sql`${search.from}::date`) : undefined,
    search.to ? lt(table.createdAt, sql`${search.to}::date + 1`) : undefined,
    search.after
      ? sql`(${table.createdAt}, ${table.id}) < (${search.after.createdAt}::timestamptz, ${search.after.id}::uuid)`
      : undefined,
  );
  const newestFirst = sql`order by created_at desc, id desc limit ${SEARCH_PAGE_SIZE + 1}`;
  const result = await getDb().execute<ListRecord>(sql`
    select parent.slug, parent.title, found.* from ${parentTable} as parent
    cross join lateral (
      select ${listColumns(search.kind)} from ${table}
      where ${table}.${sql.identifier(parentColumn)} = parent.id ${conditions ? sql`and ${conditions}` : sql``}
      ${newestFirst}
    ) as found
    ${search.slug ? sql`where parent.slug = ${search.slug}` : sql``}
    ${newestFirst}
  `);
  const rows = result.rows.slice(0, SEARCH_PAGE_SIZE).map(toListRow);
  const { after, ...filters } = search;
  await insertAuditEntry(caller, {
    action: "supporters.search",
    subjectType: search.kind,
    details: { ...filters, page: after ? "later" : "first" },
    rowCount: rows.length,
  });
  return { rows, next: result.rows.length > SEARCH_PAGE_SIZE ? rows.at(-1)!.cursor : null };
}

export interface SupporterDetail extends Omit<SupporterListRow, "cursor"> {
  kind: SupportKind;
  postalCode: string | null;
  country: string | null;
  locality: string | null;
  comment: string | null;
  referredBy: string | null;
  isPublic: boolean;
  wantsUpdates: boolean;
  rejectionReason: string | null;
  heldAt: Date | null;
  holdReason: string | null;
  releasedAt: Date | null;
  verifiedAt: Date | null;
  rejectedAt: Date | null;
  withdrawnAt: Date | null;
  erasedAt: Date | null;
  /** Turned away at signing by the per-IP limit: it never had a confirmation link. */
  wasTurnedAway: boolean;
}

/** One supporter, everything staff may see of them; null if there is none. The read is audited. */
export async function getSupporter(
  caller: StaffCaller,
  kind: SupportKind,
  id: string,
): Promise<SupporterDetail | null> {
  assertRole(caller, "editor");
  const { table, parentTable } = SUPPORT_KINDS[kind];
  const [row] = await getDb()
    .select({
      id: table.id,
      slug: parentTable.slug,
      title: parentTable.title,
      firstName: table.firstName,
      lastName: table.lastName,
      email: table.email,
      postalCode: table.postalCode,
      country: table.country,
      locality: table.locality,
      comment: table.comment,
      source: table.source,
      referredBy: table.referredBy,
      ipAddress: sql<string | null>`host(${table.ipAddress})`,
      isPublic: table.isPublic,
      wantsUpdates: table.wantsUpdates,
      state: table.state,
      rejectionReason: table.rejectionReason,
      heldAt: table.heldAt,
      holdReason: table.holdReason,
      releasedAt: table.releasedAt,
      createdAt: table.createdAt,
      verifiedAt: table.verifiedAt,
      rejectedAt: table.rejectedAt,
      withdrawnAt: table.withdrawnAt,
      erasedAt: table.erasedAt,
      emailCanonical: table.emailCanonical,
    })
    .from(table)
    .innerJoin(
      parentTable,
      eq(
        parentTable.id,
        kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId,
      ),
    )
    .where(eq(table.id, id));
  if (!row) return null;
  await insertAuditEntry(caller, {
    action: "supporter.read",
    subjectType: kind,
    subjectId: id,
    details: { slug: row.slug },
  });
  const { emailCanonical, ...rest } = row;
  return {
    ...rest,
    kind,
    isErased: row.erasedAt !== null,
    wasTurnedAway: emailCanonical === null && row.erasedAt === null,
  };
}

export interface BulkPreview {
  count: number;
  sample: SupporterListRow[];
}

/** The rows a rule selects: pending, verified or held (the rest have nothing to reject), in its window. */
export function bulkRuleCondition(rule: BulkRule, parentId: string): SQL {
  const { table } = SUPPORT_KINDS[rule.kind];
  const parent =
    rule.kind === "petition" ? SUPPORT_KINDS.petition.table.petitionId : SUPPORT_KINDS.pledge.table.pledgeId;
  return and(
    eq(parent, parentId),
    inArray(table.state, ["pending", "verified", "held"]),
    gte(table.createdAt, sql`${rule.from}::timestamptz`),
    lt(table.createdAt, sql`${rule.to}::timestamptz`),
    rule.ip ? sql`${table.ipAddress} <<= ${rule.ip}::inet` : undefined,
    rule.domain ? sql`split_part(${table.emailCanonical}, '@', 2) = ${rule.domain}` : undefined,
  )!;
}

/** How many rows a rule would reject, and the newest few; null when its petition or pledge is unknown. Audited. */
export async function previewBulkRule(caller: StaffCaller, rule: BulkRule): Promise<BulkPreview | null> {
  assertRole(caller, "editor");
  const { table, parentTable } = SUPPORT_KINDS[rule.kind];
  const [parent] = await getDb()
    .select({ id: parentTable.id, slug: parentTable.slug, title: parentTable.title })
    .from(parentTable)
    .where(eq(parentTable.slug, rule.slug));
  if (!parent) return null;
  const where = bulkRuleCondition(rule, parent.id);
  const [counted, sample] = await Promise.all([
    getDb().execute<{ n: number }>(sql`select count(*)::int as n from ${table} where ${where}`),
    getDb().execute<ListRecord>(sql`
      select ${parent.slug}::text as slug, ${parent.title}::text as title, ${listColumns(rule.kind)} from ${table} where ${where}
      order by ${desc(table.createdAt)}, ${desc(table.id)} limit ${PREVIEW_SAMPLE_SIZE}`),
  ]);
  const count = counted.rows[0]?.n ?? 0;
  await insertAuditEntry(caller, {
    action: "supporters.bulk-preview",
    subjectType: rule.kind,
    subjectId: parent.id,
    details: { ...rule },
    rowCount: count,
  });
  return { count, sample: sample.rows.map(toListRow) };
}
