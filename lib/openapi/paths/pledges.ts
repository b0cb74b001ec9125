import { operation, type PathFamily } from "../operation";
import { pledgeTotalsSchema } from "../schemas";
import { streamOperation, supportOperation, totalsOperation } from "./support";

export const pledgePaths: PathFamily = {
  "/api/pledges/{slug}/takers": { post: operation(supportOperation("pledge")) },
  "/api/pledges/{slug}/totals": { get: operation(totalsOperation("pledge", pledgeTotalsSchema)) },
  "/api/pledges/{slug}/stream": { get: operation(streamOperation("pledge")) },
};
