import { z } from "zod";
import {
  OSDI_MAX_OFFSET,
  OSDI_MAX_PAGE,
  OSDI_MAX_PER_PAGE,
  type OsdiCursor,
  type OsdiPageRequest,
} from "@/lib/domain/osdi";
import { isIsoTime, parseOsdiFilter } from "./filter";

const MAX_CURSOR_LENGTH = 300;

const wholeNumber = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,15}$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((value) => value >= 1 && value <= max, `${name} must be between 1 and ${max}`);

export const osdiPagingSchema = z.object({
  page: wholeNumber("page", OSDI_MAX_PAGE).default(1),
  // Past the maximum is clamped, not refused: OSDI clients ask for what they like and read
  // per_page from the answer, as Action Network's API answers them.
  per_page: wholeNumber("per_page", Number.MAX_SAFE_INTEGER)
    .transform((value) => Math.min(value, OSDI_MAX_PER_PAGE))
    .default(OSDI_MAX_PER_PAGE),
  after: z.string().max(MAX_CURSOR_LENGTH, "after is not a cursor this API gave").optional(),
});

// A cursor as this API writes it: base64url of the JSON [modified date, id, total].
const cursorSchema = z.tuple([
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
    .refine(isIsoTime),
  z.uuid(),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);

export function encodeCursor(cursor: OsdiCursor): string {
  return Buffer.from(JSON.stringify([cursor.modified, cursor.id, cursor.total])).toString("base64url");
}

function decodeCursor(raw: string): OsdiCursor | null {
  if (!/^[\w-]+$/.test(raw)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) return null;
  const [modified, id, total] = parsed.data;
  return { modified, id, total };
}

export type PageRequestParse = { ok: true; request: OsdiPageRequest } | { ok: false; error: string };

/**
 * Reads `page`, `per_page`, `after` (the keyset cursor a `next` link carries) and `filter` from
 * a collection's address. A parameter given twice, or not one of these, is refused, so that a
 * mistyped name is not silently ignored.
 */
export function parsePageRequest(query: URLSearchParams): PageRequestParse {
  const names = [...query.keys()];
  const unknown = names.find((name) => !["page", "per_page", "after", "filter"].includes(name));
  if (unknown !== undefined)
    return {
      ok: false,
      error: "Unknown query parameter: this API reads page, per_page, after and filter.",
    };
  if (new Set(names).size !== names.length)
    return { ok: false, error: "Give each of page, per_page, after and filter at most once." };
  const paging = osdiPagingSchema.safeParse(Object.fromEntries(query));
  if (!paging.success) return { ok: false, error: `${paging.error.issues[0]!.message}.` };
  const filter = parseOsdiFilter(query.get("filter"));
  if (!filter.ok) return filter;
  let after: OsdiCursor | null = null;
  if (paging.data.after !== undefined) {
    after = decodeCursor(paging.data.after);
    if (!after)
      return { ok: false, error: "after is not a cursor this API gave: follow the next link as it is." };
  } else if ((paging.data.page - 1) * paging.data.per_page >= OSDI_MAX_OFFSET) {
    return {
      ok: false,
      error: `A page past the first ${OSDI_MAX_OFFSET} records is reached by following next links, not by page number.`,
    };
  }
  return {
    ok: true,
    request: { page: paging.data.page, perPage: paging.data.per_page, after, filters: filter.filters },
  };
}
