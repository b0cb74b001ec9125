import { json } from "../common";
import { operation, type PathFamily } from "../operation";
import { healthSchema } from "../schemas";

export const healthPaths: PathFamily = {
  "/api/health": {
    get: operation({
      summary: "Health, for a load balancer",
      description: "Never cached and under no flood limit; carries no personal data.",
      tags: ["health"],
      responses: {
        200: { description: "This instance can serve.", content: json(healthSchema) },
        503: { description: "Its database does not answer within 2 seconds.", content: json(healthSchema) },
      },
    }),
  },
};
