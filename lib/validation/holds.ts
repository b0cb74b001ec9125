import { z } from "zod";
import { reasonSchema } from "./moderation";

// The staff console's held signatures: which group a review is about (from the page's address),
// and the decision on it. Values are checked as typed and trimmed on the server after.

const isAddress = (value: string) =>
  z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]).safeParse(value).success;
const DOMAIN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** One held group: a petition or pledge, and an address or an email domain. */
export const heldGroupSchema = z
  .object({
    target: z
      .string({ error: "Choose a petition or a pledge" })
      .regex(/^(petition|pledge):[\w-]{1,100}$/, "Choose a petition or a pledge"),
    by: z.enum(["address", "domain"], { error: "Choose an address or a domain" }),
    value: z.string({ error: "Choose an address or a domain" }).max(255, "Choose an address or a domain"),
  })
  .refine((group) => (group.by === "address" ? isAddress(group.value) : DOMAIN.test(group.value)), {
    path: ["value"],
    message: "That is not an address or an email domain",
  });

export type HeldGroupInput = z.infer<typeof heldGroupSchema>;

/** Release or reject a previewed group: as many as the preview counted, with a reason for the audit log. */
export const holdDecisionSchema = z.object({
  group: heldGroupSchema,
  decision: z.enum(["release", "reject"], { error: "Choose to release or to reject" }),
  expectedCount: z.string().regex(/^\d{1,9}$/, "Preview the group again"),
  reason: reasonSchema,
});
