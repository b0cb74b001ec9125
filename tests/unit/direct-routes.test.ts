import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES, findDirectRoute } from "@/lib/api/direct-routes";

// The route handlers under app/api, as Next.js serves them: each route.ts file's path, and the
// methods it exports.
function routeHandlers(dir = "app/api"): { method: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeHandlers(file);
    if (entry.name !== "route.ts") return [];
    const source = fs.readFileSync(file, "utf8");
    const methods = [
      ...[...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)].map(
        (match) => match[1]!,
      ),
      ...[...source.matchAll(/export const \{([^}]+)\}/g)].flatMap((match) =>
        match[1]!.split(",").map((name) => name.trim()),
      ),
    ];
    return methods.map((method) => ({ method, path: `/${path.relative("app", dir)}` }));
  });
}

const key = ({ method, path }: { method: string; path: string }) => `${method} ${path}`;

describe("the table of API routes", () => {
  it("names every route handler under app/api, and nothing else", () => {
    const table = [...API_ROUTES.direct, ...API_ROUTES.throughNext].map(key).sort();
    expect(table).toEqual(routeHandlers().map(key).sort());
  });

  it("serves no route both directly and through Next.js", () => {
    const direct = new Set(API_ROUTES.direct.map(key));
    expect(API_ROUTES.throughNext.filter((route) => direct.has(key(route)))).toEqual([]);
  });

  it("matches each directly served path to its route, a fixed segment before a dynamic one", () => {
    expect(findDirectRoute("POST", "/api/links/fulfil")).toEqual({
      route: { method: "POST", path: "/api/links/fulfil" },
      params: {},
    });
    expect(findDirectRoute("POST", "/api/links/confirm")?.params).toEqual({ action: "confirm" });
    expect(findDirectRoute("GET", "/api/petitions/caf%C3%A9/totals")).toEqual({
      route: { method: "GET", path: "/api/petitions/[slug]/totals" },
      params: { slug: "café" },
    });
    expect(findDirectRoute("GET", "/api/health")?.route.path).toBe("/api/health");
    expect(findDirectRoute("OPTIONS", "/api/pledges/p/history")).toEqual({
      route: { method: "OPTIONS", path: "/api/pledges/[slug]/history" },
      params: { slug: "p" },
    });
    expect(findDirectRoute("POST", "/api/comments/5b0c7a8e-2f1d-4c3b-9a6e-0d1f2e3c4b5a/reports")).toEqual({
      route: { method: "POST", path: "/api/comments/[id]/reports" },
      params: { id: "5b0c7a8e-2f1d-4c3b-9a6e-0d1f2e3c4b5a" },
    });
  });

  it("leaves other methods, deeper or shorter paths and empty segments to Next.js", () => {
    expect(findDirectRoute("GET", "/api/petitions/x/signatures")).toBeNull();
    expect(findDirectRoute("POST", "/api/petitions/x/totals")).toBeNull();
    expect(findDirectRoute("GET", "/api/petitions/x/totals/more")).toBeNull();
    expect(findDirectRoute("GET", "/api/petitions//totals")).toBeNull();
    expect(findDirectRoute("GET", "/api/auth/session")).toBeNull();
    expect(findDirectRoute("GET", "/")).toBeNull();
  });

  it("reports a badly encoded segment instead of throwing", () => {
    expect(findDirectRoute("GET", "/api/petitions/%E0%A4%A/totals")?.params).toBeNull();
  });
});
