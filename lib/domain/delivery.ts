// The delivery pack: a PDF and a matching CSV of one petition's confirmed signers, made for the
// people the petition asks to act. Value lists and pure rules only (db/ imports them).

/** How the signers are grouped into sections: one list, by country, or by U.S. state. */
export const DELIVERY_SPLITS = ["none", "country", "us-state"] as const;
export type DeliverySplit = (typeof DELIVERY_SPLITS)[number];

export const DELIVERY_SPLIT_WORDS: Record<DeliverySplit, string> = {
  none: "One list",
  country: "By country",
  "us-state": "By U.S. state",
};

/** `queued` until an instance claims it, `making` while one holds its lease, then `done` or `failed`. */
export const DELIVERY_PACK_STATES = ["queued", "making", "done", "failed"] as const;
export type DeliveryPackState = (typeof DELIVERY_PACK_STATES)[number];

export const DELIVERY_FILES = ["pdf", "csv"] as const;
export type DeliveryFile = (typeof DELIVERY_FILES)[number];

/** The section heading for signers outside the United States when the pack is split by state. */
export const OUTSIDE_US_SECTION = "Outside the United States";
/** The section heading for a U.S. signer whose state is not known. */
export const US_STATE_UNKNOWN_SECTION = "United States, state not given";

/** "Ada L.": a signer's first name and last initial, all a pack ever shows of a name. */
export function deliveryName(firstName: string | null, lastName: string | null): string {
  const first = (firstName ?? "").trim();
  const initial = Array.from((lastName ?? "").trim())[0];
  if (!initial) return first;
  return `${first} ${initial.toLocaleUpperCase("en")}.`;
}
