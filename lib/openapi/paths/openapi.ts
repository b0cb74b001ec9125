import { z } from "zod";
import { json, tooMany } from "../common";
import { operation, type PathFamily } from "../operation";

export const openApiPaths: PathFamily = {
  "/api/openapi.json": {
    get: operation({
      summary: "This document",
      description:
        "OpenAPI 3.1, generated from the schemas the route handlers validate with; the same for a whole build.",
      tags: ["meta"],
      responses: {
        200: {
          description: "The document.",
          content: json(
            z.looseObject({ openapi: z.literal("3.1.0"), paths: z.record(z.string(), z.unknown()) }),
          ),
        },
        429: tooMany("FLOOD_LIMIT_TOTALS"),
      },
    }),
  },
};
