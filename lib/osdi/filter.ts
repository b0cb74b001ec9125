import {
  OSDI_DATE_FIELDS,
  OSDI_DATE_OPERATORS,
  type OsdiDateField,
  type OsdiDateFilter,
  type OsdiDateOperator,
} from "@/lib/domain/osdi";

/** What the `filter` parameter accepts, in the words a 400 answer gives. */
export const SUPPORTED_FILTERS =
  "modified_date or created_date, with gt, ge, lt or le and an ISO 8601 time in single quotes, joined by ' and ', like modified_date gt '2026-01-01T00:00:00Z'";

const MAX_FILTER_LENGTH = 500;
const MAX_CLAUSES = 4;

// An ISO 8601 date, or date and time (seconds, fractions to the microsecond) with an offset.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2})))?$/;

// Checked field by field rather than by Date.parse, which takes 2026-02-30 for 2 March: the
// value goes to Postgres as a timestamptz, and whatever Postgres would refuse is refused here.
/** Whether `value` is an ISO 8601 date or time that Postgres reads as the same instant. */
export function isIsoTime(value: string): boolean {
  const match = ISO_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return (
    year! >= 1970 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! < 24 &&
    minute! < 60 &&
    second! < 60 &&
    offsetHours! <= 14 &&
    offsetMinutes! < 60
  );
}

const CLAUSE = /^\s*([a-z_]+)\s+([a-z]+)\s+'([^']*)'\s*$/i;

export type FilterParse = { ok: true; filters: OsdiDateFilter[] } | { ok: false; error: string };

/**
 * Reads OSDI's `filter` parameter, as far as this API supports it: date comparisons on
 * `modified_date` and `created_date`, joined by `and`. Anything else is refused with the list of
 * what is supported, rather than ignored, so that a client never takes an unfiltered answer for
 * a filtered one.
 */
export function parseOsdiFilter(raw: string | null): FilterParse {
  if (raw === null || raw.trim() === "") return { ok: true, filters: [] };
  const refuse = (why: string): FilterParse => ({
    ok: false,
    error: `The filter ${why}. Supported: ${SUPPORTED_FILTERS}.`,
  });
  if (raw.length > MAX_FILTER_LENGTH) return refuse("is too long");
  const clauses = raw.split(/\s+and\s+/i);
  if (clauses.length > MAX_CLAUSES) return refuse(`has more than ${MAX_CLAUSES} clauses`);
  const filters: OsdiDateFilter[] = [];
  for (const clause of clauses) {
    const match = CLAUSE.exec(clause);
    if (!match) return refuse("is not understood");
    const [, field, operator, value] = match as unknown as [string, string, string, string];
    if (!(OSDI_DATE_FIELDS as readonly string[]).includes(field))
      return refuse("names a field that cannot be filtered on");
    if (!(OSDI_DATE_OPERATORS as readonly string[]).includes(operator.toLowerCase()))
      return refuse("uses an operator that is not supported");
    if (!isIsoTime(value)) return refuse("has a time that is not a real ISO 8601 time");
    filters.push({
      field: field as OsdiDateField,
      operator: operator.toLowerCase() as OsdiDateOperator,
      value,
    });
  }
  return { ok: true, filters };
}
