import { describe, expect, it } from "vitest";
import { cachedPaths, localisedPath } from "@/lib/locale";

describe("public pages in the default language at the root", () => {
  it("serves each public page from its language's route", () => {
    expect(localisedPath("/")).toBe("/en");
    expect(localisedPath("/story")).toBe("/en/story");
    expect(localisedPath("/petition/protect-children-online")).toBe("/en/petition/protect-children-online");
    expect(localisedPath("/confirm/abc")).toBe("/en/confirm/abc");
    expect(localisedPath("/petition/x/opengraph-image-1ab2c3")).toBe("/en/petition/x/opengraph-image-1ab2c3");
  });

  it("leaves the API, the staff console, Next.js's files, files by name and language paths alone", () => {
    for (const path of ["/api/health", "/staff", "/staff/sign-in", "/dev/mailbox", "/_next/static/x.js", "/robots.txt", "/sitemap.xml", "/favicon.ico", "/manifest.webmanifest", "/en", "/en/story"]) {
      expect(localisedPath(path), path).toBeNull();
    }
  });

  it("names the cached copies of a page in every language", () => {
    expect(cachedPaths("/")).toEqual(["/en"]);
    expect(cachedPaths("/petition/x")).toEqual(["/en/petition/x"]);
  });
});
