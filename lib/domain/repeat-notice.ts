import type { SupportState } from "./enums";

/**
 * What a repeat notice (someone signed or pledged again with an address already used) tells the
 * person, by where they stand. A held supporter has confirmed: what is true for them is what is
 * true for the verified. A rejected one is told only that nothing new was made.
 */
export type RepeatState = "pending" | "verified" | "withdrawn" | "other";

export function repeatStateOf(state: SupportState): RepeatState {
  if (state === "pending" || state === "withdrawn") return state;
  return state === "verified" || state === "held" ? "verified" : "other";
}

/**
 * The link each notice carries, written as a fresh token with it: confirm while pending, or to
 * count again after withdrawing; withdraw once counted; none otherwise. The database side
 * (db/queries/supporters.ts recordRepeat) and the words (lib/mail/messages.ts) both follow this.
 */
export const REPEAT_LINK: Record<RepeatState, "confirm" | "withdraw" | null> = {
  pending: "confirm",
  verified: "withdraw",
  withdrawn: "confirm",
  other: null,
};
