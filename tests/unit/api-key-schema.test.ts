import { describe, expect, it } from "vitest";
import { newApiKeySecret, scopeSet } from "@/lib/api-keys/manage";
import { hashToken } from "@/lib/signing/tokens";
import { formInput } from "@/lib/signing/form-submission";
import { apiKeySchema } from "@/lib/validation/api-keys";

const form = (name: string, ...scopes: string[]) => {
  const data = new FormData();
  data.set("name", name);
  for (const scope of scopes) data.append("scopes", scope);
  return formInput(apiKeySchema, data);
};

const errorsOf = (input: unknown) => {
  const parsed = apiKeySchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path[0], i.message]));
};

describe("the API key form's schema", () => {
  it("takes a name and the ticked scopes", () => {
    expect(apiKeySchema.parse(form("CRM sync", "read:people", "webhooks"))).toEqual({
      name: "CRM sync",
      scopes: ["read:people", "webhooks"],
      consentNotice: "",
      attestsConsent: false,
    });
  });

  it("says what is missing or wrong, in words for people", () => {
    expect(errorsOf(form("   "))).toEqual({
      name: "Name the key, after the system that will use it",
      scopes: "Choose at least one thing the key may do",
    });
    expect(errorsOf(form("x".repeat(101), "read:everything"))).toEqual({
      name: "Use at most 100 characters",
      scopes: "Choose from the scopes listed",
    });
  });
});

describe("a new key", () => {
  it("is upk_ and 256 random bits, named in lists by its first 12 characters, kept as its hash", () => {
    const { key, prefix, secretHash } = newApiKeySecret();
    expect(key).toMatch(/^upk_[\w-]{43}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(secretHash).toBe(hashToken(key));
    expect(newApiKeySecret().key).not.toBe(key);
  });

  it("holds its scopes as a set in one order", () => {
    expect(scopeSet(["webhooks", "read:petitions", "webhooks"])).toEqual(["read:petitions", "webhooks"]);
  });
});
