import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consentTextRecord, consentTextsFor } from "@/lib/consents/texts";

describe("consent texts", () => {
  it("names a text by its kind, the first 12 hex digits of its SHA-256 and its language", () => {
    const words = "Keep me updated about this campaign by email";
    const hash = createHash("sha256").update(words).digest("hex");
    expect(consentTextRecord("updates", "en", words)).toEqual({
      id: `updates/${hash.slice(0, 12)}/en`,
      kind: "updates",
      locale: "en",
      text: words,
      sha256: hash,
    });
    expect(consentTextRecord("updates", "en", `${words}.`).id).not.toBe(`updates/${hash.slice(0, 12)}/en`);
  });

  it("holds the words each form shows, in the page's language", () => {
    const english = consentTextsFor("petition", "en");
    const spanish = consentTextsFor("petition", "es");
    expect(english.updates.text).toBe("Keep me updated about this campaign by email");
    expect(english.public_display.text).toBe(
      "Show my first name, last initial and state or country on this page",
    );
    expect(consentTextsFor("pledge", "en").public_display.text).toBe(
      "Show my first name, last initial and state or country with the pledge",
    );
    expect(english.privacy_notice.text).toMatch(/^I agree to the <link>privacy notice<\/link>/);
    expect(english.privacy_notice.text).toContain("erased 90 days after signing");
    expect(spanish.privacy_notice.id).toMatch(/^privacy_notice\/[0-9a-f]{12}\/es$/);
    expect(spanish.updates.text).not.toBe(english.updates.text);
  });

  it("records a partner's notice as the privacy notice agreed to through its key", () => {
    const partner = consentTextsFor("petition", "en", "https://partner.example.org/privacy");
    expect(partner.privacy_notice.text).toContain("https://partner.example.org/privacy");
    expect(partner.privacy_notice.id).not.toBe(consentTextsFor("petition", "en").privacy_notice.id);
  });
});
