import { describe, expect, it } from "vitest";
import { passwordThrottle, SIGN_IN_LIMITS } from "@/lib/domain/sign-in-throttle";

const none = { accountNetwork: 0, network: 0, account: 0, isKnownNetwork: false };

describe("which limit refuses a password attempt", () => {
  it("lets an attempt through below every limit", () => {
    expect(passwordThrottle(none)).toBe("open");
    expect(passwordThrottle({ accountNetwork: 4, network: 9, account: 49, isKnownNetwork: false })).toBe(
      "open",
    );
  });

  it("refuses at each limit", () => {
    expect(passwordThrottle({ ...none, accountNetwork: SIGN_IN_LIMITS.accountNetwork.failures })).toBe(
      "accountNetwork",
    );
    expect(passwordThrottle({ ...none, network: SIGN_IN_LIMITS.network.failures })).toBe("network");
    expect(passwordThrottle({ ...none, account: SIGN_IN_LIMITS.account.failures })).toBe("account");
  });

  it("never applies the account-wide limit on a network the member signed in from, and always the other two", () => {
    expect(passwordThrottle({ ...none, account: 10_000, isKnownNetwork: true })).toBe("open");
    expect(passwordThrottle({ ...none, accountNetwork: 5, isKnownNetwork: true })).toBe("accountNetwork");
    expect(passwordThrottle({ ...none, network: 10, isKnownNetwork: true })).toBe("network");
  });

  it("keeps the account-wide limit well above the others", () => {
    expect(SIGN_IN_LIMITS.account.failures).toBeGreaterThanOrEqual(5 * SIGN_IN_LIMITS.network.failures);
    expect(SIGN_IN_LIMITS.accountNetwork.failures).toBeLessThan(SIGN_IN_LIMITS.network.failures);
  });
});
