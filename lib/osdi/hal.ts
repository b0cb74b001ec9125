import { type OsdiPage, type OsdiPageRequest } from "@/lib/domain/osdi";
import { encodeCursor } from "./paging";

export const OSDI_CONTENT_TYPE = "application/hal+json";

/** Where the API lives, below the site's address. */
export const OSDI_BASE_PATH = "/api/osdi/v1";

/**
 * Where each relation is described: OSDI's own docs for `osdi:`, and for `upstand:` this
 * instance's OpenAPI document (served at /api/openapi.json whatever the query; its "osdi" tag
 * names the `upstand:` relations), so the link works wherever Upstand is deployed.
 */
export const curies = (origin: string) => [
  { name: "osdi", href: "https://opensupporter.github.io/osdi-docs/{rel}", templated: true },
  { name: "upstand", href: `${origin}/api/openapi.json?rel={rel}`, templated: true },
];

export interface Link {
  href: string;
  title?: string;
}

/** An answer of this API: HAL JSON, never cached (it carries personal data). */
export function halJson(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": `${OSDI_CONTENT_TYPE}; charset=utf-8`, "Cache-Control": "no-store" },
  });
}

/** A refusal of this API: `{ "error": "…" }`, never cached. */
export function osdiError(status: 400 | 404 | 503, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

export const NOT_FOUND = "Not found: there is no such resource, or it is no longer served.";

/**
 * An OSDI collection: the paging numbers, `self`, `next` while the page had rows (a client
 * follows `next` until a page comes back empty), a link to each item under `rel`, and the items
 * themselves embedded under it.
 */
export function halCollection<Row extends { id: string; modified_date: string }>(options: {
  url: URL;
  rel: string;
  page: OsdiPage<Row>;
  request: OsdiPageRequest;
  item: (row: Row) => { _links: { self: Link } };
}): object {
  const { url, rel, page, request } = options;
  const items = page.rows.map(options.item);
  const address = (params: Record<string, string>) => {
    const next = new URL(url.pathname, url.origin);
    for (const [name, value] of Object.entries(params)) next.searchParams.set(name, value);
    const filter = url.searchParams.get("filter");
    if (filter) next.searchParams.set("filter", filter);
    return next.href;
  };
  const last = page.rows.at(-1);
  return {
    total_pages: Math.max(1, Math.ceil(page.total / request.perPage)),
    per_page: request.perPage,
    page: request.page,
    total_records: page.total,
    _links: {
      self: { href: url.href },
      ...(last
        ? {
            next: {
              href: address({
                page: String(request.page + 1),
                per_page: String(request.perPage),
                after: encodeCursor({ modified: last.modified_date, id: last.id, total: page.total }),
              }),
            },
          }
        : {}),
      [rel]: items.map((item) => item._links.self),
      curies: curies(url.origin),
    },
    _embedded: { [rel]: items },
  };
}
