import { z } from "zod";

export const HISTORY_INTERVAL_MESSAGE = 'interval must be "hour" or "day".';

/** GET /api/{petitions,pledges}/{slug}/history: which buckets, `?interval=hour|day`, once. */
export const historyQuerySchema = z.object({
  interval: z.enum(["hour", "day"], { error: HISTORY_INTERVAL_MESSAGE }),
});

export type HistoryQuery = z.infer<typeof historyQuerySchema>;

/** GET /api/{petitions,pledges}/{slug}/breakdown takes no query; any given is ignored. */
export const breakdownQuerySchema = z.object({});
