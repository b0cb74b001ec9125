import { z } from "zod";
import { osdiPagingSchema } from "@/lib/osdi/paging";
import { json, unavailable } from "../common";
import { operation, type PathFamily, type ResponseSpec } from "../operation";
import {
  osdiCollectionSchema,
  osdiEntryPointSchema,
  osdiPersonSchema,
  osdiPetitionSchema,
  osdiPledgeSchema,
  osdiSignatureSchema,
  osdiTakerSchema,
} from "../osdi-schemas";
import { errorSchema } from "../schemas";
import { keyRefusals } from "./osdi";

// The OSDI read API (docs/API.md, "OSDI API"): every answer application/hal+json, never cached.

const hal = (schema: z.core.$ZodType) => ({ "application/hal+json": schema });

const collectionQuery = osdiPagingSchema.extend({
  filter: z
    .string()
    .optional()
    .meta({
      description:
        "modified_date or created_date with gt, ge, lt or le and a quoted ISO 8601 time, joined by ' and ' " +
        "(at most 4): modified_date gt '2026-01-01T00:00:00Z'.",
    }),
});

const id = (what: string) => z.uuid().meta({ description: `The ${what}'s id.` });

const refused: ResponseSpec = {
  description: "A parameter or filter this API does not read, or a key in the address.",
  content: json(errorSchema),
};
const missing: ResponseSpec = {
  description: "No such resource, or it is no longer served (withdrawn, rejected, erased).",
  content: hal(errorSchema),
};

function read(options: {
  summary: string;
  scope: string;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body: z.core.$ZodType;
}) {
  const responses: Record<number, ResponseSpec> = {
    200: { description: "The answer.", content: hal(options.body) },
    400: refused,
    ...keyRefusals(options.scope),
    503: unavailable(json(errorSchema)),
  };
  if (options.path) responses[404] = missing;
  return {
    get: operation({
      summary: options.summary,
      tags: ["osdi"],
      security: "OSDI-API-Token",
      ...(options.path ? { path: options.path } : {}),
      ...(options.query ? { query: options.query } : {}),
      responses,
    }),
  };
}

const list = (summary: string, scope: string, rel: string, item: z.core.$ZodType, path?: z.ZodObject) =>
  read({ summary, scope, path, query: collectionQuery, body: osdiCollectionSchema(rel, item as z.ZodType) });

const petition = z.object({ id: id("petition") });
const pledge = z.object({ id: id("pledge") });
const person = z.object({ id: id("person") });

export const osdiReadPaths: PathFamily = {
  "/api/osdi/v1": read({
    summary: "The entry point (AEP)",
    scope: "read:petitions or read:people",
    body: osdiEntryPointSchema,
  }),
  "/api/osdi/v1/petitions": list("List petitions", "read:petitions", "osdi:petitions", osdiPetitionSchema),
  "/api/osdi/v1/petitions/{id}": read({
    summary: "A petition",
    scope: "read:petitions",
    path: petition,
    body: osdiPetitionSchema,
  }),
  "/api/osdi/v1/petitions/{id}/signatures": list(
    "A petition's verified signatures",
    "read:people",
    "osdi:signatures",
    osdiSignatureSchema,
    petition,
  ),
  "/api/osdi/v1/petitions/{id}/signatures/{signatureId}": read({
    summary: "A verified signature",
    scope: "read:people",
    path: petition.extend({ signatureId: id("signature") }),
    body: osdiSignatureSchema,
  }),
  "/api/osdi/v1/people": list("List people", "read:people", "osdi:people", osdiPersonSchema),
  "/api/osdi/v1/people/{id}": read({
    summary: "A person",
    scope: "read:people",
    path: person,
    body: osdiPersonSchema,
  }),
  "/api/osdi/v1/people/{id}/signatures": list(
    "A person's verified signatures",
    "read:people",
    "osdi:signatures",
    osdiSignatureSchema,
    person,
  ),
  "/api/osdi/v1/people/{id}/takers": list(
    "A person's verified pledge takings (upstand:)",
    "read:people",
    "upstand:takers",
    osdiTakerSchema,
    person,
  ),
  "/api/osdi/v1/pledges": list(
    "List pledges (upstand:)",
    "read:petitions",
    "upstand:pledges",
    osdiPledgeSchema,
  ),
  "/api/osdi/v1/pledges/{id}": read({
    summary: "A pledge (upstand:)",
    scope: "read:petitions",
    path: pledge,
    body: osdiPledgeSchema,
  }),
  "/api/osdi/v1/pledges/{id}/takers": list(
    "A pledge's verified takers (upstand:)",
    "read:people",
    "upstand:takers",
    osdiTakerSchema,
    pledge,
  ),
  "/api/osdi/v1/pledges/{id}/takers/{takerId}": read({
    summary: "A verified pledge taking (upstand:)",
    scope: "read:people",
    path: pledge.extend({ takerId: id("pledge taking") }),
    body: osdiTakerSchema,
  }),
};
