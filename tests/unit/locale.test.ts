import { compile, match } from "next/dist/compiled/path-to-regexp";
import { describe, expect, it } from "vitest";
import { cachedPaths, defaultLanguageRewrites } from "@/lib/domain/locale";

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
    ]) {
      expect(servedFrom(path), path).toBe(path);
    }
  });

  it("names the cached copies of a page in every language", () => {
    expect(cachedPaths("/")).toEqual(["/en", "/es"]);
    expect(cachedPaths("/petition/x")).toEqual(["/en/petition/x", "/es/petition/x"]);
  });
});
