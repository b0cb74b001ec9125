import "server-only";
import { and, count, eq, gt, isNull, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog, staffSignInFailures, users } from "@/db/schema";
import { KNOWN_NETWORK_DAYS, SIGN_IN_LIMITS, type SignInFailureCounts } from "@/lib/domain/sign-in-throttle";

const normalise = (email: string) => email.trim().toLowerCase();

/**
 * The client's network as the throttle counts it: an IPv4 address alone, an IPv6 address's /64
 * (one household or phone holds a whole /64, so counting single IPv6 addresses would let one
 * attacker through 2^64 times).
 */
const networkOf = (ip: string) =>
  sql`(case when family(${ip}::inet) = 6 then network(set_masklen(${ip}::inet, 64))::inet else ${ip}::inet end)`;

const sameNetwork = (ip: string | null): SQL =>
  ip ? sql`${staffSignInFailures.network} = ${networkOf(ip)}` : isNull(staffSignInFailures.network);

const within = (minutes: number) =>
  gt(staffSignInFailures.failedAt, sql`now() - make_interval(mins => ${minutes})`);

/** The failures each sign-in limit counts, for this typed address from this client. */
export async function countSignInFailures(
  email: string,
  ip: string | null,
  accountId: string | null,
): Promise<SignInFailureCounts> {
  const typed = eq(staffSignInFailures.email, normalise(email));
  const { accountNetwork, network, account } = SIGN_IN_LIMITS;
  const longest = Math.max(accountNetwork.minutes, network.minutes, account.minutes);
  const [row] = await getDb()
    .select({
      accountNetwork: sql<number>`count(*) filter (where ${and(typed, sameNetwork(ip), within(accountNetwork.minutes))})::int`,
      network: sql<number>`count(*) filter (where ${and(sameNetwork(ip), within(network.minutes))})::int`,
      account: sql<number>`count(*) filter (where ${and(typed, within(account.minutes))})::int`,
    })
    .from(staffSignInFailures)
    .where(within(longest));
  return {
    accountNetwork: row?.accountNetwork ?? 0,
    network: row?.network ?? 0,
    account: row?.account ?? 0,
    isKnownNetwork: accountId && ip ? await hasSignedInFrom(accountId, ip) : false,
  };
}

/** Whether this member signed in from this client's network lately (read from the audit log). */
async function hasSignedInFrom(accountId: string, ip: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorId, accountId),
        eq(auditLog.action, SIGN_IN_ACTION),
        gt(auditLog.at, sql`now() - make_interval(days => ${KNOWN_NETWORK_DAYS})`),
        sql`${auditLog.ipAddress} <<= ${networkOf(ip)}`,
      ),
    );
  return (row?.n ?? 0) > 0;
}

export async function insertSignInFailure(email: string, ip: string | null): Promise<void> {
  await getDb()
    .insert(staffSignInFailures)
    .values({ email: normalise(email), network: ip ? networkOf(ip) : null });
  // Failures older than the longest window decide nothing; keep the table small.
  await getDb()
    .delete(staffSignInFailures)
    .where(lt(staffSignInFailures.failedAt, sql`now() - interval '1 day'`));
}

/** After a member signs in from a network, their own earlier failures there no longer count. */
export async function deleteSignInFailures(email: string, ip: string | null): Promise<void> {
  await getDb()
    .delete(staffSignInFailures)
    .where(and(eq(staffSignInFailures.email, normalise(email)), sameNetwork(ip)));
}

export const SIGN_IN_ACTION = "staff.sign-in";
export const SIGN_IN_FAILED_ACTION = "staff.sign-in-failed";
const SIGN_OUT_ACTION = "staff.sign-out";

export interface SignInEvent {
  action: typeof SIGN_IN_ACTION | typeof SIGN_IN_FAILED_ACTION;
  /** The active member the attempt was for; null when the typed address or link is nobody's. */
  account: { id: string; email: string } | null;
  method: "password" | "link";
  reason?: string;
  ip: string | null;
}

/**
 * Writes a sign-in or failed sign-in to the audit log. Never the password tried; and for an
 * address that belongs to no active member, not the address either: it is often a member's typo,
 * a private address, or a password typed into the wrong box, and the log keeps it for ever.
 */
export async function insertSignInEvent({ action, account, method, reason, ip }: SignInEvent): Promise<void> {
  const succeeded = action === SIGN_IN_ACTION;
  await getDb()
    .insert(auditLog)
    .values({
      actorId: succeeded ? account!.id : null,
      actorEmail: succeeded ? account!.email : "not signed in",
      action,
      subjectType: account ? "staff" : null,
      subjectId: account?.id ?? null,
      details: {
        method,
        ...(account ? { email: account.email } : { account: "no active member" }),
        ...(reason ? { reason } : {}),
      },
      ipAddress: ip,
    });
}

/** Writes a member's sign-out to the audit log; nothing when the session's member is unknown. */
export async function insertSignOutEvent(userId: string, ip: string | null): Promise<void> {
  const [member] = await getDb()
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!member) return;
  await getDb().insert(auditLog).values({
    actorId: member.id,
    actorEmail: member.email,
    action: SIGN_OUT_ACTION,
    subjectType: "staff",
    subjectId: member.id,
    ipAddress: ip,
  });
}

/** Writes a sign-in link made at the command line to the audit log: it lets its holder in. */
export async function insertCommandLineLinkEvent(account: { id: string; email: string }): Promise<void> {
  await getDb()
    .insert(auditLog)
    .values({
      actorEmail: "command line",
      action: "staff.sign-in-link",
      subjectType: "staff",
      subjectId: account.id,
      details: { email: account.email },
    });
}
