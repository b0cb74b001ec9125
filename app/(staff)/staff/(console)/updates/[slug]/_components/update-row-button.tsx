"use client";

import { RowActionButton } from "@/components/forms/row-action-button";
import type { FormAction } from "@/lib/action-result";
import { deletePetitionUpdateAction, emailPetitionUpdateAction } from "@/lib/actions/staff-updates";

const ACTIONS = {
  email: { action: emailPetitionUpdateAction, busy: "Emailing…", done: "Emailed." },
  delete: { action: deletePetitionUpdateAction, busy: "Deleting…", done: "Deleted." },
};

/** One button acting on one update (email it, delete it), with what became of it said beside it. */
export function UpdateRowButton({
  kind,
  ...row
}: {
  kind: keyof typeof ACTIONS;
  id: string;
  label: string;
  accessibleName: string;
}) {
  const { action, ...words } = ACTIONS[kind];
  return <RowActionButton action={action as FormAction<unknown>} {...words} {...row} />;
}
