import { z } from "zod";
import { OPEN_COUNTS_MIN_CELL } from "@/lib/domain/open-counts";
import type { SupportBreakdown, SupportHistory } from "@/db/queries/open-counts";
import { breakdownQuerySchema, historyQuerySchema } from "@/lib/validation/open-counts";
import { json, slugPath, tooMany, unavailable } from "../common";
import { operation, type PathFamily } from "../operation";
import { errorSchema } from "../schemas";

// The open counts (docs/API.md): where a campaign's supporters are and when they signed, for
// anyone to read (CORS open, cacheable); lib/api/open-counts-request.ts answers them.

export const breakdownSchema = z.object({
  verified: z.number().int(),
  countries: z.array(z.object({ country: z.string().nullable(), count: z.number().int() })),
  usStates: z.array(z.object({ state: z.string().nullable(), count: z.number().int() })),
  usStatesNote: z.string(),
});

export const historySchema = z.object({
  interval: z.enum(["hour", "day"]),
  timeZone: z.literal("UTC"),
  buckets: z.array(z.object({ at: z.iso.datetime({ offset: true }), verified: z.number().int() })),
});

// The schemas say what the queries return (a change to one fails typecheck until the other follows).
const sameShape = <A, B>(check: [A] extends [B] ? ([B] extends [A] ? true : false) : false) => check;
sameShape<z.infer<typeof breakdownSchema>, SupportBreakdown>(true);
sameShape<z.infer<typeof historySchema>["buckets"], SupportHistory["buckets"]>(true);

const preflight = (kind: string) =>
  operation({
    summary: `CORS preflight for a ${kind}'s open counts`,
    tags: ["open counts"],
    path: slugPath,
    responses: { 204: { description: "Any origin may GET (Access-Control-Allow-Origin: *)." } },
  });

function family(kind: "petition" | "pledge"): PathFamily {
  const base = `/api/${kind}s/{slug}`;
  const cacheable = "CORS open (Access-Control-Allow-Origin: *); Cache-Control: public, s-maxage=30.";
  return {
    [`${base}/breakdown`]: {
      get: operation({
        summary: `Where a ${kind}'s verified supporters are`,
        description: `By country and by U.S. state (from the ZIP code); each list sums to verified. A place with fewer than ${OPEN_COUNTS_MIN_CELL} is not named: it is counted in the null row with the unknown. ${cacheable}`,
        tags: ["open counts"],
        path: slugPath,
        query: breakdownQuerySchema,
        responses: {
          200: { description: "The breakdown.", content: json(breakdownSchema) },
          404: {
            description: `No ${kind} has this slug, or its staff have not chosen to publish its open counts.`,
            content: json(errorSchema),
          },
          429: tooMany("FLOOD_LIMIT_TOTALS"),
          503: unavailable(json(errorSchema)),
        },
      }),
      options: preflight(kind),
    },
    [`${base}/history`]: {
      get: operation({
        summary: `A ${kind}'s verified supporters per hour or day`,
        description: `The last 48 hours or 30 days, in UTC: who signed then and counts now, as the staff chart shows. ${cacheable}`,
        tags: ["open counts"],
        path: slugPath,
        query: historyQuerySchema,
        responses: {
          200: { description: "The history.", content: json(historySchema) },
          400: { description: 'interval is not "hour" or "day".', content: json(errorSchema) },
          404: {
            description: `No ${kind} has this slug, or its staff have not chosen to publish its open counts.`,
            content: json(errorSchema),
          },
          429: tooMany("FLOOD_LIMIT_TOTALS"),
          503: unavailable(json(errorSchema)),
        },
      }),
      options: preflight(kind),
    },
  };
}

export const openCountPaths: PathFamily = { ...family("petition"), ...family("pledge") };
