import { z } from "zod";
import type { ReportOutcome } from "@/db/queries/comments";
import type { PetitionTotals } from "@/db/queries/petitions";
import type { PledgeTotals } from "@/db/queries/pledges";
import type { listenerState } from "@/lib/live/totals-hub";

// The answers of the public API, as zod schemas for the OpenAPI document. Each is tied to the
// type the handler actually sends: the `Same` checks at the bottom fail to compile when a query's
// DTO gains, loses or changes a field that its schema here does not.

export const publicSignerSchema = z.object({
  firstName: z.string(),
  lastInitial: z.string(),
  locality: z.string().nullable().meta({ description: "Written in English when they signed." }),
  country: z.string().nullable().meta({ description: "ISO 3166 code of the locality's country." }),
  comment: z.string().nullable(),
  commentId: z.string().nullable().meta({ description: "What POST /api/comments/{id}/reports names." }),
});

export const petitionTotalsSchema = z.object({
  verified: z.int(),
  pending: z.int().meta({ description: "Waiting for their email confirmation." }),
  goal: z.int(),
  signedToday: z.int().meta({ description: "Confirmed since midnight Eastern Time, still counting." }),
  recentSigners: z
    .array(publicSignerSchema)
    .meta({ description: "The latest ten verified who chose to be shown." }),
});

export const commitmentTotalsSchema = z.object({
  slug: z.string(),
  verified: z.int(),
  fulfilled: z.int(),
  threshold: z.int().nullable(),
  isActive: z.boolean(),
});

export const pledgeTotalsSchema = z.object({
  verified: z.int(),
  pending: z.int(),
  goal: z.int(),
  takenToday: z.int(),
  commitments: z.array(commitmentTotalsSchema),
});

export const reportOutcomeSchema = z.enum(["counted", "hidden", "kept", "not-shown"]);

export const healthSchema = z.object({
  ok: z.boolean(),
  database: z.enum(["up", "down"]),
  listener: z.enum(["idle", "starting", "listening", "polling"]),
  version: z.string(),
});

/** `{ "error": "..." }`: a refusal from a read (404, 429, 503). */
export const errorSchema = z.object({ error: z.string() });

/** A refusal in the forms' result shape, its messages in the caller's language. */
export const refusalSchema = z.object({
  ok: z.literal(false),
  formError: z.string().optional(),
  fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
});

export const acceptedSupportSchema = z.object({
  ok: z.literal(true),
  message: z.string(),
  referralCode: z.string(),
});

export const reportAcceptedSchema = z.object({
  ok: z.literal(true),
  data: z.object({ outcome: reportOutcomeSchema.exclude(["not-shown"]) }),
});

export const reportRefusedSchema = z.object({
  ok: z.literal(false),
  formError: z.string(),
  outcome: z.enum(["not-shown", "failed"]).optional(),
});

export const plainTextSchema = z.string();

/** Server-Sent Events: `event: totals` lines whose data is the totals JSON. */
export const eventStreamSchema = z.string().meta({
  description: "text/event-stream; each `totals` event's data is the totals endpoint's JSON.",
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same = <T extends true>(check: T) => check;
same<Same<z.infer<typeof petitionTotalsSchema>, PetitionTotals>>(true);
same<Same<z.infer<typeof pledgeTotalsSchema>, PledgeTotals>>(true);
same<Same<z.infer<typeof reportOutcomeSchema>, ReportOutcome>>(true);
same<Same<z.infer<typeof healthSchema>["listener"], ReturnType<typeof listenerState>>>(true);
