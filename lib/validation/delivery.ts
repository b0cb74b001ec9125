import { z } from "zod";
import { DELIVERY_FILES, DELIVERY_SPLITS } from "@/lib/domain/delivery";

/** "2026-11-30T12:00" or "2026-11-30T12:00:05", as a datetime-local input gives it, read as UTC. */
const AS_OF_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** The moment an "as of" field names; null when it is empty (meaning now). */
export function asOfDate(value: string | undefined): Date | null {
  const trimmed = value?.trim() ?? "";
  if (!trimmed || !AS_OF_PATTERN.test(trimmed)) return null;
  const date = new Date(`${trimmed.length === 16 ? `${trimmed}:00` : trimmed}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A minute's grace, for a clock a little ahead of the server's. */
const FUTURE_GRACE_MS = 60_000;

export const deliveryPackSchema = z.object({
  petitionId: z.uuid({ error: "Choose a petition" }),
  split: z.enum(DELIVERY_SPLITS, { error: "Choose how to group the signers" }),
  includesComments: z.boolean().optional(),
  /** Empty for now; otherwise a time in UTC, not in the future (a pack lists what has happened). */
  asOf: z
    .string()
    .optional()
    .refine(
      (value) => !value?.trim() || asOfDate(value) !== null,
      "Give a date and time, or leave it empty for now",
    )
    .refine((value) => {
      const date = asOfDate(value);
      return !date || date.getTime() <= Date.now() + FUTURE_GRACE_MS;
    }, "Choose a time that has passed: a pack lists signatures already confirmed"),
});

export type DeliveryPackInput = z.infer<typeof deliveryPackSchema>;

export const deliveryDownloadSchema = z.object({
  id: z.uuid(),
  file: z.enum(DELIVERY_FILES),
});
