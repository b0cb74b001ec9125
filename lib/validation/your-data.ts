import * as z from "zod/mini";
import { supporterFields } from "./signature";

// The "Your data" forms: plain forms (they work without JavaScript), checked again on the server.

/** The request for a link: an email address, with the same rules as the signing form's. */
export const yourDataRequestSchema = z.object({ email: supporterFields("sign").email });

/** One of the session's own signatures or pledges: which kind, and its id. */
export const yourSupportSchema = z.object({
  kind: z.enum(["petition", "pledge"]),
  id: z.guid(),
});

export const yourUpdatesSchema = z.object({
  kind: z.enum(["petition", "pledge"]),
  id: z.guid(),
  updates: z.enum(["on", "off"]),
});

export type YourDataRequestInput = z.infer<typeof yourDataRequestSchema>;
