import { z } from "zod";
import {
  PETITION_UPDATE_BODY_MAX,
  PETITION_UPDATE_KINDS,
  PETITION_UPDATE_TITLE_MAX,
} from "@/lib/domain/petition-updates";

// The staff's update form, checked in the browser and again by the server action. The console is
// in English, so the messages are English sentences (as the other staff forms' are).

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a "2026-11-30" (as a date input gives it) names a real day. */
export function isCalendarDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A day ahead of UTC's, for staff west or east of it whose "today" is already tomorrow there. */
const latestHappenedOn = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

const day = (message: string) => z.string().refine(isCalendarDay, message);

const text = (label: string, max: number) =>
  z
    .string()
    .refine((value) => value.trim().length > 0, `Write a ${label}`)
    .refine((value) => value.length <= max, `Keep the ${label} to ${max} characters`);

const translation = (label: string, max: number) =>
  z
    .string()
    .optional()
    .refine((value) => (value ?? "").length <= max, `Keep the Spanish ${label} to ${max} characters`);

const updateFields = {
  kind: z.enum(PETITION_UPDATE_KINDS, { error: "Choose what happened" }),
  happenedOn: day("Give the date it happened").refine(
    (value) => value <= latestHappenedOn(),
    "Choose a date that has passed: an update tells what happened",
  ),
  hearingOn: z.string().optional(),
  title: text("title", PETITION_UPDATE_TITLE_MAX),
  body: text("text", PETITION_UPDATE_BODY_MAX),
  title_es: translation("title", PETITION_UPDATE_TITLE_MAX),
  body_es: translation("text", PETITION_UPDATE_BODY_MAX),
};

/** A hearing has the day of the hearing; nothing else has one. */
function checkHearing(value: { kind: string; hearingOn?: string | undefined }, context: z.RefinementCtx) {
  const hearingOn = value.hearingOn?.trim() ?? "";
  if (value.kind === "hearing-scheduled" && !isCalendarDay(hearingOn))
    context.addIssue({ code: "custom", path: ["hearingOn"], message: "Give the date of the hearing" });
}

export const petitionUpdateSchema = z
  .object({
    petitionId: z.uuid({ error: "Choose a petition" }),
    ...updateFields,
    emailSigners: z.boolean().optional(),
  })
  .superRefine(checkHearing);
export type PetitionUpdateInput = z.infer<typeof petitionUpdateSchema>;

export const petitionUpdateEditSchema = z.object({ id: z.uuid(), ...updateFields }).superRefine(checkHearing);
export type PetitionUpdateEditInput = z.infer<typeof petitionUpdateEditSchema>;

/** The buttons on one update (delete, email): each names it by id. */
export const petitionUpdateIdSchema = z.object({ id: z.uuid() });
