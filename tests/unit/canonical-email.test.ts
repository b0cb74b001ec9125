import { describe, expect, it } from "vitest";
import { canonicalEmail } from "@/lib/domain/canonical-email";

describe("canonicalEmail", () => {
  it("trims and lower-cases", () => {
    expect(canonicalEmail("  Ada.Lovelace@Example.ORG ")).toBe("ada.lovelace@example.org");
  });
  it("drops a +tag on any domain", () => {
    expect(canonicalEmail("ada+petitions@example.org")).toBe("ada@example.org");
  });
  it("ignores dots for Gmail and folds googlemail.com into gmail.com", () => {
    expect(canonicalEmail("A.D.A.Lovelace+x@googlemail.com")).toBe("adalovelace@gmail.com");
    expect(canonicalEmail("ada.lovelace@gmail.com")).toBe("adalovelace@gmail.com");
  });
  it("keeps dots elsewhere, where they can matter", () => {
    expect(canonicalEmail("ada.lovelace@example.org")).not.toBe(canonicalEmail("adalovelace@example.org"));
  });
});
