import { describe, expect, it } from "vitest";
import {
  cleanReferrerUrl,
  normaliseOrigin,
  REFERRER_URL_MAX_LENGTH,
  referrerDataOf,
  referrerWebsite,
  utmOf,
} from "@/lib/domain/referrer";
import { embedTargetOf } from "@/lib/http/security-headers";
import { embedOriginsSchema } from "@/lib/validation/embeds";

describe("cleanReferrerUrl", () => {
  it("keeps the origin and path, drops personal query parameters and the fragment", () => {
    expect(
      cleanReferrerUrl("https://partner.org/news/story?email=ada%40example.org&q=abuse&session=abc#comments"),
    ).toBe("https://partner.org/news/story");
  });

  it("keeps campaign tags, source and ref", () => {
    expect(
      cleanReferrerUrl(
        "https://partner.org/act?utm_source=newsletter&name=Ada&utm_campaign=spring&source=partner&ref=abc123",
      ),
    ).toBe("https://partner.org/act?utm_source=newsletter&utm_campaign=spring&source=partner&ref=abc123");
  });

  it("drops a user name and password in the address", () => {
    expect(cleanReferrerUrl("https://ada:secret@partner.org/page")).toBe("https://partner.org/page");
  });

  it("refuses what is not a web address", () => {
    for (const value of [
      "",
      null,
      undefined,
      "not a url",
      "javascript:alert(1)",
      "data:text/html,hi",
      "ftp://x.org/",
    ])
      expect(cleanReferrerUrl(value)).toBeNull();
  });

  it("caps the length, never cutting a kept parameter in half", () => {
    const long = `https://partner.org/${"a".repeat(480)}?utm_source=${"b".repeat(90)}`;
    const cleaned = cleanReferrerUrl(long)!;
    expect(cleaned.length).toBeLessThanOrEqual(REFERRER_URL_MAX_LENGTH);
    expect(cleaned).toBe(`https://partner.org/${"a".repeat(480)}`);
  });
});

describe("referrerWebsite and utmOf", () => {
  it("names the referring site by its origin", () => {
    expect(referrerWebsite("https://Partner.org:8443/a/b?x=1")).toBe("https://partner.org:8443");
    expect(referrerWebsite("mailto:ada@example.org")).toBeNull();
  });

  it("reads the five campaign tags, trimmed, leaving out empty ones", () => {
    expect(utmOf(new URLSearchParams("utm_source=+news+&utm_medium=&utm_term=kids&other=1"))).toEqual({
      utm_source: "news",
      utm_term: "kids",
    });
  });

  it("drops a tag with a control character, which no column could store, and keeps the rest", () => {
    expect(utmOf(new URLSearchParams("utm_source=%00news&utm_medium=a%0Db&utm_campaign=spring"))).toEqual({
      utm_campaign: "spring",
    });
  });
});

describe("referrerDataOf", () => {
  const siteOrigin = "https://upstand.example";

  it("does not count Upstand's own pages as a partner", () => {
    const data = referrerDataOf({ utm: {}, referrerUrl: `${siteOrigin}/story`, viaEmbed: false, siteOrigin });
    expect({ website: data.website, url: data.url }).toEqual({ website: null, url: null });
  });

  it("names the embedding site, with its page when the page is on that site", () => {
    const data = referrerDataOf({
      utm: { utm_source: "partner-news" },
      referrerUrl: "https://partner.org/campaign?email=ada%40example.org",
      embedHost: "https://partner.org",
      viaEmbed: true,
      siteOrigin,
    });
    expect(data).toMatchObject({
      website: "https://partner.org",
      url: "https://partner.org/campaign",
      utmSource: "partner-news",
      viaEmbed: true,
    });
  });
});

describe("allowed origins", () => {
  it("accepts scheme, host and port only, as browsers compare them", () => {
    expect(normaliseOrigin("https://Partner.org/")).toBe("https://partner.org");
    expect(normaliseOrigin("http://127.0.0.1:4173")).toBe("http://127.0.0.1:4173");
    expect(normaliseOrigin("https://partner.org:443")).toBe("https://partner.org");
    for (const wrong of [
      "partner.org",
      "https://partner.org/page",
      "*",
      "'self'",
      "https://*.partner.org",
      "https://a b.org",
    ])
      expect(normaliseOrigin(wrong), wrong).toBeNull();
  });

  it("says which lines of the console's list are wrong", () => {
    const campaignId = "00000000-0000-4000-8000-000000000000";
    expect(
      embedOriginsSchema.safeParse({ campaignId, origins: "https://a.org\nhttps://b.org:8080" }).success,
    ).toBe(true);
    const refused = embedOriginsSchema.safeParse({ campaignId, origins: "https://a.org\nb.org/page" });
    expect(refused.error?.issues[0]?.message).toBe(
      "Write each site as https://host or https://host:port, with no path: b.org/page",
    );
  });

  it("finds the embed a path asks for, in any language, and no other page", () => {
    expect(embedTargetOf("/embed/petition/protect-children-online")).toEqual({
      kind: "petition",
      slug: "protect-children-online",
    });
    expect(embedTargetOf("/es/embed/pledge/do-my-part")).toEqual({ kind: "pledge", slug: "do-my-part" });
    expect(embedTargetOf("/embed/counter/pledge/do-my-part")).toEqual({ kind: "pledge", slug: "do-my-part" });
    for (const other of [
      "/petition/x",
      "/embed.js",
      "/embed/petition",
      "/staff/embeds",
      "/embed/counter/story/x",
    ])
      expect(embedTargetOf(other), other).toBeNull();
  });
});
