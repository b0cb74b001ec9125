"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updatePetitionContent, updatePledgeContent } from "@/db/queries/content";
import {
  insertCommitment,
  updateCommitment,
  updateCommitmentRetired,
} from "@/db/queries/content-commitments";
import { insertImpactFigure, updateImpactFigure } from "@/db/queries/content-figures";
import { updateStoryPageContent } from "@/db/queries/content-story";
import type { SaveOutcome } from "@/db/queries/content-save";
import type { ActionResult } from "@/lib/action-result";
import { requireStaffCaller } from "@/lib/auth/staff";
import {
  commitmentContent,
  impactFigureContent,
  petitionContent,
  pledgeContent,
  storyPageContent,
} from "@/lib/content/content-input";
import { formInput, formText } from "@/lib/signing/form-submission";
import { revalidatePublicSite } from "@/lib/content/public-pages";
import { attempt } from "@/lib/actions/staff-action";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import {
  commitmentSchema,
  impactFigureSchema,
  newImpactFigureSchema,
  petitionContentSchema,
  pledgeContentSchema,
  storyPageSchema,
} from "@/lib/validation/content";

const STALE =
  "Someone else saved this after you opened it, so nothing of yours was saved. Copy what you typed, reload the page to see their changes, then make yours again.";

/**
 * Every public page shows some of this content (the home page: the petition, the pledge and the
 * figures; story pages: figures; share images: titles), and edits are rare, so the whole public
 * site is re-rendered on its next visit to this instance. (A render already under way, which
 * read the row before the save, may still put its page back: for one revalidation window, 5 s.)
 * Other instances re-render within seconds by themselves: see `expireTime` in next.config.ts.
 */
function revalidateAfterEdit(): void {
  revalidatePublicSite();
  revalidatePath("/staff/content", "layout");
}

function resultOf(outcome: SaveOutcome, noun: string): ActionResult {
  if (outcome.status === "stale") return { ok: false, formError: STALE };
  if (outcome.status === "missing") return { ok: false, formError: `This ${noun} no longer exists.` };
  revalidateAfterEdit();
  return { ok: true, data: undefined };
}

export async function savePetitionAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the petition", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = petitionContentSchema.safeParse(formInput(petitionContentSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const slug = formText(formData, "slug");
    return resultOf(
      await updatePetitionContent(caller, slug, formText(formData, "version"), petitionContent(parsed.data)),
      "petition",
    );
  });
}

export async function savePledgeAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the pledge", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = pledgeContentSchema.safeParse(formInput(pledgeContentSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const slug = formText(formData, "slug");
    return resultOf(
      await updatePledgeContent(caller, slug, formText(formData, "version"), pledgeContent(parsed.data)),
      "pledge",
    );
  });
}

const commitmentId = (formData: FormData) => z.uuid().safeParse(formText(formData, "id")).data ?? null;

export async function saveCommitmentAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the commitment", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = commitmentSchema.safeParse(formInput(commitmentSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const id = commitmentId(formData);
    if (!id) return { ok: false, formError: "This commitment no longer exists." };
    return resultOf(
      await updateCommitment(caller, id, formText(formData, "version"), commitmentContent(parsed.data)),
      "commitment",
    );
  });
}

export async function addCommitmentAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("add the commitment", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = commitmentSchema.safeParse(formInput(commitmentSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await insertCommitment(
      caller,
      formText(formData, "pledgeSlug"),
      commitmentContent(parsed.data),
    );
    if (outcome.status === "missing") return { ok: false, formError: "This pledge no longer exists." };
    if (outcome.status === "duplicate") {
      return {
        ok: false,
        fieldErrors: {
          title: ["This pledge already has a commitment with this title (perhaps retired): reword it"],
        },
      };
    }
    revalidateAfterEdit();
    return { ok: true, data: undefined };
  });
}

/** Retires a commitment, or offers it again ("change" is "retire" or "restore"). */
export async function retireCommitmentAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("change the commitment", async () => {
    const caller = await requireStaffCaller("editor");
    const change = formText(formData, "change");
    const id = commitmentId(formData);
    if ((change !== "retire" && change !== "restore") || !id)
      return { ok: false, formError: "Unknown change." };
    await updateCommitmentRetired(caller, id, change === "retire");
    revalidateAfterEdit();
    return { ok: true, data: undefined };
  });
}

export async function saveImpactFigureAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the figure", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = impactFigureSchema.safeParse(formInput(impactFigureSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const slug = formText(formData, "slug");
    return resultOf(
      await updateImpactFigure(caller, slug, formText(formData, "version"), impactFigureContent(parsed.data)),
      "figure",
    );
  });
}

export async function addImpactFigureAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("add the figure", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = newImpactFigureSchema.safeParse(formInput(newImpactFigureSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const outcome = await insertImpactFigure(caller, parsed.data.slug, impactFigureContent(parsed.data));
    if (outcome.status === "missing")
      return { ok: false, formError: "There is no campaign to add figures to." };
    if (outcome.status === "duplicate")
      return { ok: false, fieldErrors: { slug: ["Another figure has this short name: choose another"] } };
    revalidateAfterEdit();
    return { ok: true, data: undefined };
  });
}

export async function saveStoryPageAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("save the story page", async () => {
    const caller = await requireStaffCaller("editor");
    const parsed = storyPageSchema.safeParse(formInput(storyPageSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const slug = formText(formData, "slug");
    return resultOf(
      await updateStoryPageContent(
        caller,
        slug,
        formText(formData, "version"),
        storyPageContent(parsed.data),
      ),
      "story page",
    );
  });
}
