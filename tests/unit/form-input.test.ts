import { describe, expect, it } from "vitest";
import { formInput } from "@/lib/signing/form-submission";
import { bulkRejectSchema, erasureSchema } from "@/lib/validation/moderation";
import { pledgeSchema } from "@/lib/validation/pledge";
import { signatureSchema } from "@/lib/validation/signature";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formInput reads a form by the schema that parses it", () => {
  it("reads text, ticked and unticked boxes, and a field left out as empty", () => {
    const input = formInput(
      signatureSchema,
      form([
        ["firstName", "Ada"],
        ["email", "ada@example.org"],
        ["acceptsPrivacy", "on"],
        ["website", "bot"],
      ]),
    );
    expect(input).toEqual({
      firstName: "Ada",
      lastName: "",
      email: "ada@example.org",
      country: "",
      postalCode: "",
      comment: "",
      isPublic: false,
      wantsUpdates: false,
      acceptsPrivacy: true,
    });
  });

  it("reads every value of a list, and nothing else from the form", () => {
    const input = formInput(
      pledgeSchema,
      form([
        ["commitments", "a"],
        ["commitments", "b"],
        ["slug", "x"],
      ]),
    );
    expect(input.commitments).toEqual(["a", "b"]);
    expect(input).not.toHaveProperty("slug");
  });

  it("reads a nested rule from the same flat form, and keeps a box the schema wants as text", () => {
    const rule = formInput(
      bulkRejectSchema,
      form([
        ["target", "petition:p"],
        ["ip", "10.0.0.0/8"],
        ["expectedCount", "3"],
        ["reason", "flood"],
      ]),
    );
    expect(rule).toEqual({
      rule: { target: "petition:p", ip: "10.0.0.0/8", domain: "", from: "", to: "" },
      expectedCount: "3",
      reason: "flood",
    });
    expect(formInput(erasureSchema, form([["isConfirmed", "on"]])).isConfirmed).toBe("on");
  });
});
