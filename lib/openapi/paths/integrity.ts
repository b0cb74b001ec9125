import { z } from "zod";
import type { IntegrityProof, IntegrityRootView } from "@/db/queries/integrity-reads";
import { proofQuerySchema } from "@/lib/validation/integrity";
import { json, slugPath, tooMany, unavailable } from "../common";
import { operation, type PathFamily } from "../operation";
import { errorSchema } from "../schemas";

// The integrity roots and proofs (docs/INTEGRITY.md): anyone may check that a signature is
// counted, and that the number of leaves is the published total; lib/api/integrity-request.ts answers them.

const hex = z.string().regex(/^[0-9a-f]{64}$/);

export const integrityRootSchema = z.object({
  root: hex.meta({ description: "The Merkle root (SHA-256, hex)." }),
  count: z
    .number()
    .int()
    .meta({ description: "How many leaves, that is counted signatures, it commits to." }),
  publishedAt: z.iso.datetime({ offset: true }),
  reason: z.enum(["daily", "staff"]),
});

export const integrityProofSchema = z.object({
  leaf: hex,
  root: integrityRootSchema.nullable().meta({ description: "The latest root; null before the first." }),
  included: z.boolean(),
  index: z.number().int().nullable().meta({ description: "The leaf's place among the leaves, from 0." }),
  siblings: z
    .array(hex)
    .nullable()
    .meta({ description: "The sibling hashes from the leaf up; an unpaired node moving up adds none." }),
});

const sameShape = <A, B>(check: [A] extends [B] ? ([B] extends [A] ? true : false) : false) => check;
sameShape<z.infer<typeof integrityRootSchema>, IntegrityRootView>(true);
sameShape<z.infer<typeof integrityProofSchema>, IntegrityProof>(true);

const cacheable = "CORS open (Access-Control-Allow-Origin: *); Cache-Control: public, s-maxage=30.";
const preflight = operation({
  summary: "CORS preflight for a petition's integrity reads",
  tags: ["integrity"],
  path: slugPath,
  responses: { 204: { description: "Any origin may GET (Access-Control-Allow-Origin: *)." } },
});

export const integrityPaths: PathFamily = {
  "/api/petitions/{slug}/integrity/roots": {
    get: operation({
      summary: "A petition's published Merkle roots, newest first",
      description: `The latest hundred roots, each with the count of counted signatures it commits to. ${cacheable}`,
      tags: ["integrity"],
      path: slugPath,
      responses: {
        200: { description: "The roots.", content: json(z.object({ roots: z.array(integrityRootSchema) })) },
        404: { description: "No petition has this slug.", content: json(errorSchema) },
        429: tooMany("FLOOD_LIMIT_TOTALS"),
        503: unavailable(json(errorSchema)),
      },
    }),
    options: preflight,
  },
  "/api/petitions/{slug}/integrity/proof": {
    get: operation({
      summary: "The inclusion proof of a signature's leaf against the latest root",
      description: `Give the leaf (the SHA-256 of the receipt), never the receipt itself. included is false when the leaf is not in the latest root (not yet published, withdrawn or erased). ${cacheable}`,
      tags: ["integrity"],
      path: slugPath,
      query: proofQuerySchema,
      responses: {
        200: {
          description: "The proof, or that the leaf is not in the latest root.",
          content: json(integrityProofSchema),
        },
        400: { description: "leaf is not 64 hexadecimal digits.", content: json(errorSchema) },
        404: { description: "No petition has this slug.", content: json(errorSchema) },
        429: tooMany("FLOOD_LIMIT_TOTALS"),
        503: unavailable(json(errorSchema)),
      },
    }),
    options: preflight,
  },
};
