"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
import { deletePetitionUpdateAction, emailPetitionUpdateAction } from "@/lib/actions/staff-updates";

const WORDS = {
  email: { busy: "Emailing…", done: "Emailed." },
  delete: { busy: "Deleting…", done: "Deleted." },
};

/** One button acting on one update (email it, delete it), with what became of it said beside it. */
export function UpdateRowButton({
  kind,
  ...row
}: {
  kind: keyof typeof WORDS;
  id: string;
  label: string;
  accessibleName: string;
}) {
  // Each action answers in its own shape: one button per action keeps each typed as it is.
  return kind === "email" ? (
    <RowActionButton action={emailPetitionUpdateAction} {...WORDS.email} {...row} />
  ) : (
    <RowActionButton action={deletePetitionUpdateAction} {...WORDS.delete} {...row} />
  );
}
