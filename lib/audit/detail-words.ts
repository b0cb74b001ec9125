// An audit entry's details as labelled plain words: no JSON, no null, no bare ids. Empty values
// are left out, since "from: nothing" tells the reader nothing.

import { formatDate, formatDateTime, formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { isLocale } from "@/lib/domain/locale";
import { LOCALE_NAMES } from "@/lib/domain/translations";

export interface DetailLine {
  label: string;
  value: string;
}

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const LABELS: Record<string, string> = {
  reason: "Reason",
  state: "Only in state",
  from: "Signed from",
  to: "Signed until",
  optedInOnly: "Only those who want updates",
  ip: "Address",
  domain: "Email domain",
  name: "Name contains",
  email: "Email contains",
  source: "Source contains",
  byState: "They were",
  releaseAfterHours: "Held longer than (hours)",
  maxPerAddressHour: "Unless one address sent more in an hour than",
  startedAt: "Started",
  finishedAt: "Finished",
  isOpen: "Open",
  closesAt: "Closes",
  reviewsComments: "Staff approve comments first",
  publishesOpenCounts: "Counts by place and time are public",
  isLowerBound: "Shown as “more than”",
  sourceUrl: "Source address",
  quotedBy: "Quoted by",
  reportedBy: "Reported by",
  reportedIn: "Reported in",
  sortOrder: "Position",
  isRetired: "Retired",
};

// Staff read the audit log, in the console's language; times in UTC on a 24-hour clock.
const day = (date: Date) => formatDate(date, STAFF_LOCALE, { dateStyle: "medium", timeZone: "UTC" });
const minute = (date: Date) =>
  formatDateTime(date, STAFF_LOCALE, {
    dateStyle: "medium",
    timeStyle: "short",
    hourCycle: "h23",
    timeZone: "UTC",
  });

/** "closesAt" → "Closes at", unless the field has a label of its own. */
export function labelOf(key: string): string {
  const known = LABELS[key];
  if (known) return known;
  // A translated field of content, "title_es": "Title (Spanish)".
  const translated = /^(?<field>.+)_(?<locale>[a-z]{2})$/.exec(key)?.groups;
  if (translated && isLocale(translated.locale!) && translated.locale !== "en")
    return `${labelOf(translated.field!)} (${LOCALE_NAMES[translated.locale]})`;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value in words, or null when there is nothing worth showing (empty, or a bare id). */
export function wordsFor(value: unknown, longest = 120): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value, STAFF_LOCALE) : null;
  if (value instanceof Date) return `${minute(value)} UTC`;
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "" || UUID.test(text)) return null;
    if (DATE.test(text)) return day(new Date(`${text}T00:00:00Z`));
    if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return `${minute(new Date(text))} UTC`;
    return text.length > longest ? `${text.slice(0, longest - 1).trimEnd()}…` : text;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => wordsFor(item, longest)).filter((item) => item !== null);
    return items.length ? items.join(", ") : null;
  }
  if (typeof value === "object") {
    const parts = Object.entries(value)
      .map(([key, inner]) => [key, wordsFor(inner, longest)] as const)
      .filter(([, words]) => words !== null)
      .map(([key, words]) => `${labelOf(key).toLowerCase()} ${words}`);
    return parts.length ? parts.join(", ") : null;
  }
  return null;
}

/** Each detail as a labelled line, leaving out the empty ones; nested objects become their own lines. */
export function detailLines(details: Record<string, unknown>): DetailLine[] {
  return Object.entries(details).flatMap(([key, value]): DetailLine[] => {
    if (
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      !(value instanceof Date) &&
      key !== "byState"
    )
      return detailLines(value as Record<string, unknown>);
    const words = wordsFor(value);
    return words === null ? [] : [{ label: labelOf(key), value: words }];
  });
}

/** One edited field's values, before and after: "10,000 → 20,000", "not set → 1 Jan 2027". */
export function changeWords(change: unknown): string | null {
  if (!change || typeof change !== "object") return null;
  const { before, after } = change as { before?: unknown; after?: unknown };
  const shown = (value: unknown) => wordsFor(value, 60) ?? "not set";
  return `${shown(before)} → ${shown(after)}`;
}
