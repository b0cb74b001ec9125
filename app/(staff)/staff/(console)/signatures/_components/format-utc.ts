const UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A moment as staff read it in the console: always UTC, the zone the search and bulk forms use. */
export function formatUtc(moment: Date): string {
  return UTC.format(moment);
}
