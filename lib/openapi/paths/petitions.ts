import { operation, type PathFamily } from "../operation";
import { petitionTotalsSchema } from "../schemas";
import { streamOperation, supportOperation, totalsOperation } from "./support";

export const petitionPaths: PathFamily = {
  "/api/petitions/{slug}/signatures": { post: operation(supportOperation("petition")) },
  "/api/petitions/{slug}/totals": { get: operation(totalsOperation("petition", petitionTotalsSchema)) },
  "/api/petitions/{slug}/stream": { get: operation(streamOperation("petition")) },
};
