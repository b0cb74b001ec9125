import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { insertSignInLink } from "@/db/queries/staff";
import { insertSignOutEvent } from "@/db/queries/staff-sign-in";
import { auditLog, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { attemptLinkSignIn, attemptPasswordSignIn } from "@/lib/auth/sign-in-attempts";
import { SIGN_IN_LIMITS } from "@/lib/domain/sign-in-throttle";
import { newToken } from "@/lib/signing/tokens";

// The database outlives this file on a shared Postgres: every account and network here is this run's own.
const run = randomUUID().slice(0, 8);
const PASSWORD = "correct horse battery staple";
const member = (name: string) => `${name}.${run}@staff.example`;
let octet = 0;
/** A network of this test's own: TEST-NET addresses with a third octet per call. */
const network = () => `198.18.${++octet}.${Math.floor(Math.random() * 250) + 1}`;

const attempt = (email: string, password: string, ip: string | null) =>
  attemptPasswordSignIn(email, password, ip);
const outcome = async (email: string, password: string, ip: string | null) => {
  const result = await attempt(email, password, ip);
  return result.ok ? "signed in" : result.isThrottled ? "throttled" : "wrong";
};
async function fail(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect(await outcome(email, `wrong ${i}`, ip)).not.toBe("signed in");
}

const auditRows = (subjectOrIp: { subjectId?: string; ip?: string }) =>
  getDb()
    .select()
    .from(auditLog)
    .where(
      subjectOrIp.subjectId
        ? eq(auditLog.subjectId, subjectOrIp.subjectId)
        : eq(auditLog.ipAddress, subjectOrIp.ip!),
    )
    .orderBy(auditLog.id);

const ACCOUNTS = ["pair", "spray", "ipv6", "wide", "audit", "link", "reset"] as const;
const ids: Record<string, string> = {};

describe("staff password sign-in throttling", () => {
  beforeAll(async () => {
    const passwordHash = await hashPassword(PASSWORD);
    const rows = await getDb()
      .insert(users)
      .values(ACCOUNTS.map((name) => ({ email: member(name), role: "viewer" as const, passwordHash })))
      .returning({ id: users.id, email: users.email });
    for (const row of rows) ids[row.email] = row.id;
  });
  afterAll(closeDb);

  it("stops guessing at one account from one network after 5 failures, even the right password, and not the member elsewhere", async () => {
    const [attacker, home] = [network(), network()];
    await fail(member("pair"), attacker, SIGN_IN_LIMITS.accountNetwork.failures);
    expect(await outcome(member("pair"), PASSWORD, attacker)).toBe("throttled");
    expect(await outcome(member("pair"), PASSWORD, home)).toBe("signed in");
  });

  it("stops a spray of many accounts from one network after 10 failures, addresses of nobody included", async () => {
    const sprayer = network();
    for (let i = 0; i < SIGN_IN_LIMITS.network.failures; i++) {
      const email = i === 3 ? member("spray") : `nobody-${i}.${run}@staff.example`;
      expect(await outcome(email, "Winter2026!", sprayer)).toBe("wrong");
    }
    expect(await outcome(`nobody-next.${run}@staff.example`, "Winter2026!", sprayer)).toBe("throttled");
    expect(await outcome(member("spray"), PASSWORD, sprayer)).toBe("throttled");
    // The limit is on that network: the same addresses from elsewhere are only wrong, and the member gets in.
    expect(await outcome(`nobody-next.${run}@staff.example`, "Winter2026!", network())).toBe("wrong");
    expect(await outcome(member("spray"), PASSWORD, network())).toBe("signed in");
  });

  it("counts an IPv6 /64 as one network", async () => {
    const prefix = `2001:db8:${octet + 100}:${run.slice(0, 4)}`;
    for (let i = 1; i <= SIGN_IN_LIMITS.accountNetwork.failures; i++) {
      expect(await outcome(member("ipv6"), `wrong ${i}`, `${prefix}::${i}`)).toBe("wrong");
    }
    expect(await outcome(member("ipv6"), PASSWORD, `${prefix}::ffff:1234`)).toBe("throttled");
    expect(await outcome(member("ipv6"), PASSWORD, `2001:db8:${octet + 101}:${run.slice(0, 4)}::1`)).toBe(
      "signed in",
    );
  });

  it("after 50 failures from many networks refuses the account on new networks, never on the member's own", async () => {
    const home = network();
    expect(await outcome(member("wide"), PASSWORD, home)).toBe("signed in");
    // Spread thinly enough that no network reaches its own limits.
    const perNetwork = SIGN_IN_LIMITS.accountNetwork.failures - 1;
    for (let sent = 0; sent < SIGN_IN_LIMITS.account.failures; sent += perNetwork)
      await fail(member("wide"), network(), perNetwork);
    expect(await outcome(member("wide"), PASSWORD, network())).toBe("throttled");
    expect(await outcome(member("wide"), PASSWORD, home)).toBe("signed in");
  });

  it("forgets a member's own failures on a network once they sign in there", async () => {
    const office = network();
    await fail(member("reset"), office, SIGN_IN_LIMITS.accountNetwork.failures - 1);
    expect(await outcome(member("reset"), PASSWORD, office)).toBe("signed in");
    await fail(member("reset"), office, SIGN_IN_LIMITS.accountNetwork.failures - 1);
    expect(await outcome(member("reset"), PASSWORD, office)).toBe("signed in");
  });

  it("puts every sign-in and failure in the audit log, without the password, and without an address that is nobody's", async () => {
    const ip = network();
    const id = ids[member("audit")]!;
    await attempt(member("audit"), "my wrong guess", ip);
    await attempt(member("audit"), PASSWORD, ip);
    await attempt(`typo.${run}@staff.example`, "another wrong guess", ip);
    await fail(member("audit"), ip, SIGN_IN_LIMITS.accountNetwork.failures);
    await attempt(member("audit"), PASSWORD, ip);

    const lines = await auditRows({ ip });
    expect(lines.map((line) => [line.action, line.details.reason ?? null])).toEqual([
      ["staff.sign-in-failed", "wrong password"],
      ["staff.sign-in", null],
      ["staff.sign-in-failed", null],
      ...Array.from({ length: SIGN_IN_LIMITS.accountNetwork.failures }, () => [
        "staff.sign-in-failed",
        "wrong password",
      ]),
      ["staff.sign-in-failed", "throttled: too many failures at this account from this network"],
    ]);
    expect(lines[1]).toMatchObject({
      actorId: id,
      actorEmail: member("audit"),
      subjectId: id,
      details: { method: "password" },
    });
    expect(lines[0]).toMatchObject({
      actorId: null,
      actorEmail: "not signed in",
      subjectId: id,
      details: { method: "password", email: member("audit") },
    });
    expect(lines[2]).toMatchObject({
      actorId: null,
      subjectId: null,
      details: { method: "password", account: "no active member" },
    });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain("wrong guess");
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(`typo.${run}`);
  });

  it("audits sign-in by link, a refused link, and sign-out; a link sign-in clears the member's failures there", async () => {
    const ip = network();
    const id = ids[member("link")]!;
    await fail(member("link"), ip, SIGN_IN_LIMITS.accountNetwork.failures);
    expect(await outcome(member("link"), PASSWORD, ip)).toBe("throttled");
    const { token, hash } = newToken();
    await insertSignInLink(member("link"), hash, new Date(Date.now() + 60_000));
    expect(await attemptLinkSignIn(token, ip)).toMatchObject({ id });
    expect(await attemptLinkSignIn(token, ip)).toBeNull();
    expect(await outcome(member("link"), PASSWORD, ip)).toBe("signed in");
    await insertSignOutEvent(id, ip);
    await insertSignOutEvent(`nobody-${run}`, ip);

    const lines = (await auditRows({ ip })).filter(
      (line) => line.details.method === "link" || line.action === "staff.sign-out",
    );
    expect(lines.map((line) => [line.action, line.actorEmail, line.details.reason ?? null])).toEqual([
      ["staff.sign-in", member("link"), null],
      ["staff.sign-in-failed", "not signed in", "link unknown, used or expired"],
      ["staff.sign-out", member("link"), null],
    ]);
    expect(lines.map((line) => line.ipAddress)).toEqual([ip, ip, ip]);
  });
});
