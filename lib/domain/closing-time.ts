const FORMAT = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** "May 1, 2026 at 12:00 PM UTC": closing times are entered and shown in UTC, the same for every reader. */
export function formatClosingTime(at: Date): string {
  return `${FORMAT.format(at)} UTC`;
}
