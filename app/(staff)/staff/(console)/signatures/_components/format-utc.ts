import { formatDateTime, STAFF_LOCALE } from "@/lib/domain/format";

/**
 * A moment as staff read it in the console: always UTC, the zone the search and bulk forms use,
 * on a 24-hour clock like those forms' times ("Dec 31, 2026, 16:05:09").
 */
export function formatUtc(moment: Date): string {
  return formatDateTime(moment, STAFF_LOCALE, {
    dateStyle: "medium",
    timeStyle: "medium",
    hourCycle: "h23",
    timeZone: "UTC",
  });
}
