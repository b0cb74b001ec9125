import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/openapi/document";

// Every public and keyed route handler is in the OpenAPI document, and the document describes no
// route that does not exist.
//
// Left out, on purpose:
// - /api/auth/[...nextauth]: Auth.js's internals for staff sign-in (callbacks, CSRF, session), not
//   an API for anyone to call; its shape is the library's, and it changes with it.
// - Route handlers outside app/api: app/(staff)/staff/**/export (CSV exports) need a staff
//   session and are the console's downloads, not an API callable with a key; the opengraph
//   images and pages are pages. A keyed export, when there is one, belongs under app/api.
const NOT_PUBLIC_API = new Set(["GET /api/auth/{nextauth}", "POST /api/auth/{nextauth}"]);

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** `[slug]` → `{slug}`, `[...all]` and `[[...all]]` → `{all}`, and route groups `(x)` dropped. */
function openApiPath(directory: string): string {
  const segments = directory
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[{1,2}(?:\.\.\.)?(\w+)\]{1,2}$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** The methods a route.ts exports, as `export async function GET` or `export const { GET, POST }`. */
function exportedMethods(source: string): string[] {
  const names = [
    ...[...source.matchAll(/export (?:async )?function (\w+)\b/g)].map((match) => match[1]!),
    ...[...source.matchAll(/export const \{([^}]+)\}/g)].flatMap((match) =>
      match[1]!.split(",").map((name) => name.trim()),
    ),
    ...[...source.matchAll(/export const (\w+)\s*=/g)].map((match) => match[1]!),
  ];
  return names.filter((name) => (METHODS as readonly string[]).includes(name));
}

function routeHandlers(dir = "app/api"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlers(file);
    if (!/^route\.(ts|tsx|js)$/.test(entry.name)) return [];
    const route = openApiPath(path.relative("app", dir));
    return exportedMethods(fs.readFileSync(file, "utf8")).map((method) => `${method} ${route}`);
  });
}

function documented(paths: Record<string, object>): string[] {
  return Object.entries(paths).flatMap(([route, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
  );
}

/** What app/api has and the document lacks, and the reverse. */
function disagreements(handlers: string[], described: string[]) {
  const served = handlers.filter((route) => !NOT_PUBLIC_API.has(route));
  return {
    undocumented: served.filter((route) => !described.includes(route)).sort(),
    unserved: described.filter((route) => !served.includes(route)).sort(),
  };
}

describe("the OpenAPI document's paths", () => {
  it("describe every public and keyed route handler under app/api, and nothing else", () => {
    expect(disagreements(routeHandlers(), documented(openApiDocument().paths))).toEqual({
      undocumented: [],
      unserved: [],
    });
  });

  it("find each kind of disagreement", () => {
    const described = documented(openApiDocument().paths);
    const handlers = routeHandlers();
    expect(disagreements([...handlers, "DELETE /api/petitions/{slug}"], described).undocumented).toEqual([
      "DELETE /api/petitions/{slug}",
    ]);
    expect(
      disagreements(
        handlers.filter((route) => route !== "GET /api/health"),
        described,
      ).unserved,
    ).toEqual(["GET /api/health"]);
    expect(
      disagreements(
        handlers,
        described.filter((route) => route !== "POST /api/links/{action}"),
      ),
    ).toEqual({
      undocumented: ["POST /api/links/{action}"],
      unserved: [],
    });
  });

  it("map Next.js's folders and exports as Next.js serves them", () => {
    expect(openApiPath("api/petitions/[slug]/totals")).toBe("/api/petitions/{slug}/totals");
    expect(openApiPath("api/auth/[...nextauth]")).toBe("/api/auth/{nextauth}");
    expect(openApiPath("api/(group)/openapi.json")).toBe("/api/openapi.json");
    expect(exportedMethods("export const { GET, POST } = handlers;")).toEqual(["GET", "POST"]);
    expect(
      exportedMethods("export async function GET() {}\nexport const dynamic = 'force-dynamic';"),
    ).toEqual(["GET"]);
    expect(exportedMethods("export const PATCH = wrap(handler);")).toEqual(["PATCH"]);
  });

  it("keep out only Auth.js's sign-in machinery, which exists", () => {
    expect(
      routeHandlers()
        .filter((route) => NOT_PUBLIC_API.has(route))
        .sort(),
    ).toEqual([...NOT_PUBLIC_API].sort());
  });
});
