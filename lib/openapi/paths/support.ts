import { z } from "zod";
import {
  osdiSignatureRequestSchema,
  pledgeRequestSchema,
  signatureRequestSchema,
} from "@/lib/validation/support-api";
import { BODY_ERRORS, json, notFound, slugPath, tooMany, unavailable } from "../common";
import type { OperationSpec, ResponseSpec } from "../operation";
import { acceptedSupportSchema, errorSchema, eventStreamSchema, refusalSchema } from "../schemas";

// What the petition and pledge families share: recording a supporter, the totals, their stream.

const sourceQuery = z.object({
  source: z.string().optional().meta({ description: "Where the supporter came from (a campaign code)." }),
  ref: z.string().optional().meta({ description: "The referral code of the supporter who shared the link." }),
});

export function supportOperation(kind: "petition" | "pledge"): OperationSpec {
  const body =
    kind === "petition" ? z.union([signatureRequestSchema, osdiSignatureRequestSchema]) : pledgeRequestSchema;
  return {
    summary: kind === "petition" ? "Sign a petition" : "Take a pledge",
    description:
      "Answered 202 whether or not the address had already signed: a repeat gets an email instead. " +
      "Messages are in the Accept-Language's language (Content-Language names it). " +
      "A POST whose Origin names another site is refused with 403.",
    tags: [kind === "petition" ? "petitions" : "pledges"],
    path: slugPath,
    query: sourceQuery,
    body: { "application/json": body, "application/hal+json": body },
    responses: {
      202: {
        description: "Accepted; it counts once its owner confirms it from the email.",
        content: json(acceptedSupportSchema),
      },
      400: {
        description: "A field is invalid, or the body is not one JSON object; nothing was stored.",
        content: json(refusalSchema),
      },
      403: { description: "Sent from another site's page (Origin)." },
      404: { description: `No ${kind} has this slug.`, content: json(refusalSchema) },
      410: { description: `The ${kind} is closed.`, content: json(refusalSchema) },
      ...BODY_ERRORS,
      429: tooMany("FLOOD_LIMIT_SIGNING"),
      503: unavailable(json(refusalSchema)),
    },
  };
}

export function totalsOperation(kind: "petition" | "pledge", schema: z.core.$ZodType): OperationSpec {
  return {
    summary: `Read a ${kind}'s totals`,
    description: "Cacheable by a CDN for 2 s (Cache-Control: public, s-maxage=2, stale-while-revalidate=10).",
    tags: [kind === "petition" ? "petitions" : "pledges"],
    path: slugPath,
    responses: {
      200: { description: "The totals.", content: json(schema) },
      404: notFound(`${kind} has this slug`),
      429: tooMany("FLOOD_LIMIT_TOTALS"),
      503: unavailable(json(errorSchema)),
    },
  };
}

const streamBusy: ResponseSpec = {
  description:
    "The database cannot be reached, or past the open streams one address or instance may hold " +
    "(FLOOD_STREAMS_PER_ADDRESS, FLOOD_STREAMS_PER_INSTANCE): poll the totals meanwhile.",
  headers: { "Retry-After": "Seconds to wait before trying again." },
  content: json(errorSchema),
};

export function streamOperation(kind: "petition" | "pledge"): OperationSpec {
  return {
    summary: `Follow a ${kind}'s totals live`,
    description:
      "Server-Sent Events: a `totals` event at once, then after each change (at most four a second); " +
      "a comment line every 15 s; `retry: 2000`.",
    tags: [kind === "petition" ? "petitions" : "pledges"],
    path: slugPath,
    responses: {
      200: { description: "The stream.", content: { "text/event-stream": eventStreamSchema } },
      404: notFound(`${kind} has this slug`),
      429: tooMany("FLOOD_LIMIT_STREAMS"),
      503: streamBusy,
    },
  };
}
