import { describe, expect, it } from "vitest";
import { bulkRuleOf, supporterSearchOf } from "@/lib/moderation/filters";
import {
  bulkRejectSchema,
  bulkRuleSchema,
  erasureSchema,
  supporterChangeSchema,
  supporterSearchSchema,
} from "@/lib/validation/moderation";

function errors(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return result.success
    ? {}
    : Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const rule = {
  target: "petition:e2e-storm",
  ip: "203.0.113.0/24",
  domain: "",
  from: "2026-05-01T14:00",
  to: "2026-05-01T14:30",
};
const ID = "0b4f3c1e-5d7a-4c55-9a21-7a0c2b9f6d10";

describe("the signature search", () => {
  it("takes an empty form as a search for everything, newest first", () => {
    expect(supporterSearchOf(supporterSearchSchema.parse({}))).toEqual({ kind: "petition" });
    expect(
      supporterSearchOf(
        supporterSearchSchema.parse({
          scope: "pledge:do-my-part",
          name: "  Ada ",
          state: "",
          ip: " 203.0.113.7 ",
        }),
      ),
    ).toEqual({
      kind: "pledge",
      slug: "do-my-part",
      name: "Ada",
      ip: "203.0.113.7",
    });
  });

  it("says what is wrong with each field, in plain words", () => {
    expect(
      errors(
        supporterSearchSchema.safeParse({
          ip: "203.0.113",
          state: "deleted",
          from: "2026-02-30",
          to: "yesterday",
          after: "page-2",
        }),
      ),
    ).toEqual({
      ip: "Enter an IP address like 203.0.113.7, or a range like 203.0.113.0/24",
      state: "Choose a state from the list",
      from: "Enter a date as YYYY-MM-DD",
      to: "Enter a date as YYYY-MM-DD",
      after: "That page link is broken; start again from the first page",
    });
    expect(errors(supporterSearchSchema.safeParse({ from: "2026-05-02", to: "2026-05-01" }))).toEqual({
      to: "The end date must be on or after the start date",
    });
  });
});

describe("a bulk rule", () => {
  it("needs an IP range or an email domain, not both and not neither", () => {
    expect(bulkRuleSchema.safeParse(rule).success).toBe(true);
    const message = "Give either an IP range or an email domain (one of the two)";
    expect(errors(bulkRuleSchema.safeParse({ ...rule, domain: "example.com" }))).toEqual({ ip: message });
    expect(errors(bulkRuleSchema.safeParse({ ...rule, ip: " " }))).toEqual({ ip: message });
  });

  it("needs a window that ends after it starts", () => {
    expect(errors(bulkRuleSchema.safeParse({ ...rule, to: rule.from }))).toEqual({
      to: "The window must end after it starts",
    });
    expect(errors(bulkRuleSchema.safeParse({ ...rule, from: "" }))).toEqual({
      from: "Enter when the window starts, as a date and time",
    });
  });

  it("reads times as UTC and a domain as canonical addresses store it", () => {
    expect(bulkRuleOf({ ...rule, ip: "", domain: "@GoogleMail.com " })).toEqual({
      kind: "petition",
      slug: "e2e-storm",
      domain: "gmail.com",
      from: "2026-05-01T14:00:00.000Z",
      to: "2026-05-01T14:30:00.000Z",
    });
  });

  it("asks for a reason to reject, and refuses a count that was not previewed", () => {
    expect(errors(bulkRejectSchema.safeParse({ rule, expectedCount: "3", reason: "   " }))).toEqual({
      reason: "Give a reason",
    });
    expect(errors(bulkRejectSchema.safeParse({ rule, expectedCount: "-1", reason: "spam" }))).toEqual({
      expectedCount: "Preview the rule again before rejecting",
    });
  });
});

describe("changing one supporter", () => {
  it("always takes a reason, and erasure a deliberate tick", () => {
    expect(
      errors(supporterChangeSchema.safeParse({ kind: "petition", id: ID, change: "reject", reason: "" })),
    ).toEqual({ reason: "Give a reason" });
    expect(
      errors(supporterChangeSchema.safeParse({ kind: "petition", id: "1", change: "delete", reason: "x" })),
    ).toEqual({
      id: "That is not a signature or a pledge",
      change: "Choose to reject or to restore",
    });
    expect(errors(erasureSchema.safeParse({ kind: "pledge", id: ID, reason: "asked by email" }))).toEqual({
      isConfirmed: "Tick the box to confirm that this cannot be undone",
    });
    expect(
      erasureSchema.safeParse({ kind: "pledge", id: ID, reason: "asked by email", isConfirmed: "on" })
        .success,
    ).toBe(true);
  });
});
