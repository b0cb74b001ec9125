/**
 * When staff password sign-in is refused after failed passwords. Three counts, each of failures
 * in a sliding window, each keyed by what the attacker controls least:
 *
 * - the typed account from one client network (an IPv4 address, or an IPv6 /64): a guesser at one
 *   account from one place gets 5 tries, and the member elsewhere is not touched;
 * - one client network across all accounts, typed addresses that belong to nobody included: a
 *   spray of many accounts from one place stops after 10 failures, whatever the accounts;
 * - the account from everywhere, much higher and over a day: a guesser spreading over many
 *   networks gets at most 50 a day at one account. This one never applies on a network the member
 *   has signed in from lately, so an attacker elsewhere cannot lock the member out of their
 *   own office or home; there only the first two apply, and they are about that network.
 *
 * Whatever is refused, the emailed link always works: the lock is on the password path only.
 * Every count treats an address that belongs to nobody as it treats a member's, so the answer
 * never says whether an account exists.
 */
export const SIGN_IN_LIMITS = {
  accountNetwork: { failures: 5, minutes: 15 },
  network: { failures: 10, minutes: 15 },
  account: { failures: 50, minutes: 24 * 60 },
} as const;

/** A network is the member's own when they signed in from it (by password or link) this recently. */
export const KNOWN_NETWORK_DAYS = 90;

export interface SignInFailureCounts {
  /** Failures at this account from this network, in its window. */
  accountNetwork: number;
  /** Failures at any account from this network, in its window. */
  network: number;
  /** Failures at this account from anywhere, in its window. */
  account: number;
  /** Whether the member behind this account signed in from this network lately. */
  isKnownNetwork: boolean;
}

export type SignInThrottle = "open" | keyof typeof SIGN_IN_LIMITS;

/** Which limit, if any, refuses a password attempt now; "open" lets it be checked. */
export function passwordThrottle(counts: SignInFailureCounts): SignInThrottle {
  if (counts.accountNetwork >= SIGN_IN_LIMITS.accountNetwork.failures) return "accountNetwork";
  if (counts.network >= SIGN_IN_LIMITS.network.failures) return "network";
  if (!counts.isKnownNetwork && counts.account >= SIGN_IN_LIMITS.account.failures) return "account";
  return "open";
}
