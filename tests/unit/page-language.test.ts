import { describe, expect, it } from "vitest";
import { postedFromLanguage, seeOtherIn } from "@/lib/http/page-language";

// The button on an emailed link's page answers with a 303 back to that page, in its language.

const referer = (url: string) => new Headers({ referer: url });

describe("the language a link's button was pressed in", () => {
  it("is the page's, read from the Referer browsers send to the same site", () => {
    expect(postedFromLanguage(null, referer("https://campaign.example/es/confirm/abc"))).toBe("es");
    expect(postedFromLanguage(null, referer("https://campaign.example/confirm/abc"))).toBe("en");
    expect(postedFromLanguage(null, referer("https://campaign.example/es"))).toBe("es");
  });

  it("a `locale` field wins, when it is one of the site's languages", () => {
    const form = new URLSearchParams({ locale: "es" });
    expect(postedFromLanguage(form, new Headers())).toBe("es");
    expect(postedFromLanguage(new URLSearchParams({ locale: "fr" }), referer("https://x.example/es/a"))).toBe(
      "es",
    );
  });

  it("is English without either, or with an unreadable Referer", () => {
    expect(postedFromLanguage(null, new Headers())).toBe("en");
    expect(postedFromLanguage(null, referer("not a url"))).toBe("en");
    expect(postedFromLanguage(null, referer("https://campaign.example/fr/confirm/abc"))).toBe("en");
  });

  it("the redirect stays on this site, under the language's prefix", () => {
    expect(seeOtherIn("es", "/withdraw/abc").headers.get("location")).toBe("/es/withdraw/abc");
    expect(seeOtherIn("en", "/withdraw/abc").headers.get("location")).toBe("/withdraw/abc");
    expect(seeOtherIn("es", "/confirm/abc").status).toBe(303);
  });
});
