import { getStaffAccount, redeemSignInLink, type StaffAccount } from "@/db/queries/staff";
import {
  countSignInFailures,
  deleteSignInFailures,
  insertSignInEvent,
  insertSignInFailure,
  SIGN_IN_ACTION,
  SIGN_IN_FAILED_ACTION,
} from "@/db/queries/staff-sign-in";
import { hashToken } from "@/lib/signing/tokens";
import { checkPassword } from "./password";
import { passwordThrottle, type SignInThrottle } from "@/lib/domain/sign-in-throttle";

export type PasswordAttempt = { ok: true; account: StaffAccount } | { ok: false; isThrottled: boolean };

const THROTTLE_REASONS: Record<Exclude<SignInThrottle, "open">, string> = {
  accountNetwork: "throttled: too many failures at this account from this network",
  network: "throttled: too many failures from this network",
  account: "throttled: too many failures at this account from new networks",
};

/**
 * One password sign-in: throttled (lib/domain/sign-in-throttle.ts), checked, counted and audited.
 * A throttled attempt is refused before the password is looked at, so it costs no hashing and
 * teaches nothing; an address that is nobody's goes through every step a member's does.
 */
export async function attemptPasswordSignIn(
  email: string,
  password: string,
  ip: string | null,
): Promise<PasswordAttempt> {
  const account = await getStaffAccount(email);
  const throttle = passwordThrottle(await countSignInFailures(email, ip, account?.id ?? null));
  if (throttle !== "open") {
    await insertSignInEvent({
      action: SIGN_IN_FAILED_ACTION,
      account,
      method: "password",
      reason: THROTTLE_REASONS[throttle],
      ip,
    });
    return { ok: false, isThrottled: true };
  }
  // checkPassword does the same work for an address that is nobody's, so the answer takes as long.
  if ((await checkPassword(account?.passwordHash ?? null, password)) && account) {
    await deleteSignInFailures(email, ip);
    await insertSignInEvent({ action: SIGN_IN_ACTION, account, method: "password", ip });
    return { ok: true, account };
  }
  await insertSignInFailure(email, ip);
  const reason = !account ? undefined : account.passwordHash ? "wrong password" : "no password set";
  await insertSignInEvent({ action: SIGN_IN_FAILED_ACTION, account, method: "password", reason, ip });
  return { ok: false, isThrottled: false };
}

/** One sign-in by emailed link: the member it was made for, or null; audited either way. */
export async function attemptLinkSignIn(token: string, ip: string | null): Promise<StaffAccount | null> {
  const account = /^[\w-]{20,100}$/.test(token) ? await redeemSignInLink(hashToken(token)) : null;
  if (!account) {
    await insertSignInEvent({
      action: SIGN_IN_FAILED_ACTION,
      account: null,
      method: "link",
      reason: "link unknown, used or expired",
      ip,
    });
    return null;
  }
  // The member proved they hold the mailbox: their own earlier failures here stop counting.
  await deleteSignInFailures(account.email, ip);
  await insertSignInEvent({ action: SIGN_IN_ACTION, account, method: "link", ip });
  return account;
}
