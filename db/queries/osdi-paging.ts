import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import type { OsdiDateFilter, OsdiPage, OsdiPageRequest } from "@/lib/domain/osdi";

/** A time as OSDI serves it: ISO 8601 in UTC, to the microsecond Postgres keeps (so a client's `gt` the last value it saw excludes that row). */
export function osdiTime(column: PgColumn | SQL): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const OPERATORS = { gt: sql`>`, ge: sql`>=`, lt: sql`<`, le: sql`<=` } as const;

/** A collection's rows: what it selects (with `id` and `modified_date` among them), from where, in which order. */
export interface OsdiCollection {
  /** The selected columns, as `expression as name` pieces. */
  columns: SQL;
  from: SQL;
  /** What `total_records` counts over, when `from` joins what only the items need. */
  countFrom?: SQL;
  where: SQL;
  id: PgColumn;
  updatedAt: PgColumn;
  createdAt: PgColumn;
}

function filterCondition(collection: OsdiCollection, filter: OsdiDateFilter): SQL {
  const column = filter.field === "modified_date" ? collection.updatedAt : collection.createdAt;
  return sql`${column} ${OPERATORS[filter.operator]} ${filter.value}::timestamptz`;
}

/**
 * One page of a collection in OSDI's order for syncing, by modified date then id. With a cursor
 * (the `next` link's `after`) the page starts just past the previous one's last row (keyset:
 * as fast on page 40,000 as on page 1) and the total comes from the cursor; without one, the
 * page is found by offset and the rows are counted, once, for `total_records`.
 */
export async function readOsdiPage<
  Row extends Record<string, unknown> & { id: string; modified_date: string },
>(collection: OsdiCollection, request: OsdiPageRequest): Promise<OsdiPage<Row>> {
  const where = and(
    collection.where,
    ...request.filters.map((filter) => filterCondition(collection, filter)),
  )!;
  const position = request.after
    ? sql`(${collection.updatedAt}, ${collection.id}) > (${request.after.modified}::timestamptz, ${request.after.id}::uuid)`
    : undefined;
  const offset = request.after ? 0 : (request.page - 1) * request.perPage;
  const [page, total] = await Promise.all([
    getDb().execute<Row>(sql`
      select ${collection.columns} from ${collection.from}
      where ${and(where, position)}
      order by ${collection.updatedAt}, ${collection.id}
      limit ${request.perPage} offset ${offset}`),
    request.after
      ? Promise.resolve(request.after.total)
      : getDb()
          .execute<{ n: number }>(
            sql`select count(*)::int as n from ${collection.countFrom ?? collection.from} where ${where}`,
          )
          .then((result) => Number(result.rows[0]?.n ?? 0)),
  ]);
  return { rows: page.rows as Row[], total };
}
