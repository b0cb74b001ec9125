import { formatDateTime } from "./format";
import type { Locale } from "./locale";

/**
 * "May 1, 2026 at 12:00 PM UTC" / "1 de mayo de 2026 a las 12:00 p.m. UTC": closing times are
 * entered and shown in UTC, the same moment for every reader, in the reader's language.
 */
export function formatClosingTime(at: Date, locale: Locale): string {
  return `${formatDateTime(at, locale, { timeZone: "UTC" })} UTC`;
}
