import { compile, match } from "next/dist/compiled/path-to-regexp";
import { describe, expect, it } from "vitest";
import {
  cachedPaths,
  defaultLanguageRewrites,
  directionOf,
  isLocale,
  localeOf,
  localizedPath,
  splitLocale,
  withoutDefaultPrefix,
} from "@/lib/domain/locale";

/** Where Next.js serves a path from, applying the rewrites as it does: the first that matches. */
function servedFrom(pathname: string): string {
  for (const { source, destination } of defaultLanguageRewrites()) {
    const matched = match(source, { decode: decodeURIComponent })(pathname);
    if (matched) return compile(destination)(matched.params as object);
  }
  return pathname;
}

describe("public pages in the default language at the root", () => {
  it("serves each public page from its language's route", () => {
    expect(servedFrom("/")).toBe("/en");
    expect(servedFrom("/story")).toBe("/en/story");
    expect(servedFrom("/story/who-thorn-is")).toBe("/en/story/who-thorn-is");
    expect(servedFrom("/petition/protect-children-online")).toBe("/en/petition/protect-children-online");
    expect(servedFrom("/confirm/abc")).toBe("/en/confirm/abc");
    expect(servedFrom("/petition/x/opengraph-image-1ab2c3")).toBe("/en/petition/x/opengraph-image-1ab2c3");
    expect(servedFrom("/english")).toBe("/en/english");
    expect(servedFrom("/staffing")).toBe("/en/staffing");
  });

  it("leaves the API, the staff console, Next.js's files, files by name and language paths alone", () => {
    for (const path of [
      "/api/health",
      "/api",
      "/staff",
      "/staff/sign-in",
      "/dev/mailbox",
      "/_next/static/x.js",
      "/robots.txt",
      "/sitemap.xml",
      "/favicon.ico",
      "/manifest.webmanifest",
      "/en",
      "/en/story",
      "/es",
      "/es/story",
      // The right-to-left test language: the layout serves it, or answers 404, at run time.
      "/ar-XB",
      "/ar-XB/story",
    ]) {
      expect(servedFrom(path), path).toBe(path);
    }
  });

  it("names the cached copies of a page in every language", () => {
    expect(cachedPaths("/")).toEqual(["/en", "/es"]);
    expect(cachedPaths("/petition/x")).toEqual(["/en/petition/x", "/es/petition/x"]);
  });
});

describe("a page's address in each language", () => {
  it("puts the default language at the root and the others under their code", () => {
    expect(localizedPath("en", "/")).toBe("/");
    expect(localizedPath("en", "/story")).toBe("/story");
    expect(localizedPath("es", "/")).toBe("/es");
    expect(localizedPath("es", "/story/who-thorn-is")).toBe("/es/story/who-thorn-is");
  });

  it("reads the language back from an address, as the reader sees it or as it is served", () => {
    expect(splitLocale("/es/story")).toEqual({ locale: "es", pathname: "/story" });
    expect(splitLocale("/es")).toEqual({ locale: "es", pathname: "/" });
    expect(splitLocale("/es/")).toEqual({ locale: "es", pathname: "/" });
    expect(splitLocale("/story")).toEqual({ locale: "en", pathname: "/story" });
    expect(splitLocale("/en/story")).toEqual({ locale: "en", pathname: "/story" });
    expect(splitLocale("/english")).toEqual({ locale: "en", pathname: "/english" });
    expect(splitLocale("/")).toEqual({ locale: "en", pathname: "/" });
  });

  it("sends the default language's code to the root, and nothing else", () => {
    expect(withoutDefaultPrefix("/en")).toBe("/");
    expect(withoutDefaultPrefix("/en/story")).toBe("/story");
    expect(withoutDefaultPrefix("/english")).toBeNull();
    expect(withoutDefaultPrefix("/es/story")).toBeNull();
    expect(withoutDefaultPrefix("/story")).toBeNull();
  });

  it("knows which languages are written right to left", () => {
    expect(directionOf("es")).toBe("ltr");
    expect(directionOf("ar")).toBe("rtl");
    expect(directionOf("he-IL")).toBe("rtl");
  });
});

describe("the right-to-left test language", () => {
  it("is a page language written right to left, but not one of the languages served", () => {
    expect(directionOf("ar-XB")).toBe("rtl");
    expect(localeOf("ar-XB")).toBe("ar-XB");
    expect(isLocale("ar-XB")).toBe(false);
    expect(cachedPaths("/")).not.toContain("/ar-XB");
  });
});
