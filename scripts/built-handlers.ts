import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { API_ROUTES, type DirectMatch, type DirectRoute } from "@/lib/api/direct-routes";
import { crossOriginRefusal, isCrossOriginWrite } from "@/lib/http/same-origin";

interface BuiltRouteModule {
  ensureUserland(): Promise<void>;
  userland: Record<string, unknown>;
}

type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/**
 * The route handlers Upstand's server answers directly, taken from Next.js's build: the same
 * modules Next.js itself loads for those URLs (Node's module cache holds one of each), so that the
 * handlers and what they hold exist once in the process. Throws when the build lacks one.
 */
export async function loadDirectHandlers(
  distDir = ".next",
): Promise<(request: Request, match: DirectMatch) => Promise<Response>> {
  const serverDir = path.resolve(distDir, "server");
  const manifest = JSON.parse(
    fs.readFileSync(path.join(serverDir, "app-paths-manifest.json"), "utf8"),
  ) as Record<string, string>;
  const requireBuilt = createRequire(path.join(serverDir, "index.js"));
  const handlers = new Map<DirectRoute, RouteHandler>();
  for (const route of API_ROUTES.direct) {
    const file = manifest[`${route.path}/route`];
    const routeModule = file
      ? (requireBuilt(path.join(serverDir, file)) as { routeModule?: BuiltRouteModule }).routeModule
      : undefined;
    // The handlers' own modules load lazily, as when Next.js first serves the route.
    await routeModule?.ensureUserland();
    const handler = routeModule?.userland[route.method];
    if (typeof handler !== "function")
      throw new Error(`The build has no ${route.method} handler for ${route.path}: run \`npm run build\`.`);
    handlers.set(route, handler as RouteHandler);
  }
  return async (request, { route, params }) => {
    if (!params)
      return Response.json(
        { ok: false, formError: "The address has a bad percent-encoding." },
        { status: 400 },
      );
    // The same refusal as proxy.ts gives these URLs when Next.js serves them.
    if (isCrossOriginWrite(request)) return crossOriginRefusal();
    return handlers.get(route)!(request, { params: Promise.resolve(params) });
  };
}
