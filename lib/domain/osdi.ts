/**
 * The OSDI read API's paging and filter vocabulary (docs/API.md, "OSDI API"), shared by the
 * request parsing in lib/osdi and the queries in db/queries/osdi-*.ts.
 */

/** OSDI clients ask for 25 a page; more is clamped to this, as Action Network does. */
export const OSDI_MAX_PER_PAGE = 25;

/** The highest `page` a request may name (with a cursor, it only labels the page). */
export const OSDI_MAX_PAGE = 100_000_000;

/**
 * How deep a page may be found by offset, without a cursor: an offset makes Postgres walk every
 * row before it (page 40,000 of a million took 10 s, docs/PERFORMANCE.md), so deeper than this
 * a client follows `next`, whose cursor goes straight there.
 */
export const OSDI_MAX_OFFSET = 100_000;

export const OSDI_DATE_FIELDS = ["modified_date", "created_date"] as const;
export type OsdiDateField = (typeof OSDI_DATE_FIELDS)[number];

export const OSDI_DATE_OPERATORS = ["gt", "ge", "lt", "le"] as const;
export type OsdiDateOperator = (typeof OSDI_DATE_OPERATORS)[number];

/** One clause of `filter=modified_date gt '2026-01-01T00:00:00Z'`; the value is an ISO 8601 time. */
export interface OsdiDateFilter {
  field: OsdiDateField;
  operator: OsdiDateOperator;
  value: string;
}

/**
 * Where the previous page ended: the last row's modified date (to the microsecond, as Postgres
 * keeps it) and id, and the total counted on the first page of the walk.
 */
export interface OsdiCursor {
  modified: string;
  id: string;
  total: number;
}

export interface OsdiPageRequest {
  page: number;
  perPage: number;
  after: OsdiCursor | null;
  filters: OsdiDateFilter[];
}

export interface OsdiPage<T> {
  rows: T[];
  /** Counted on a page without a cursor; carried by the cursor after that. */
  total: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id in an address can be a row's id; anything else is answered 404 before a query. */
export const isRowId = (value: string): boolean => UUID.test(value);
