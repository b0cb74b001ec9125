"use client";

import { decideHeldGroupAction } from "@/lib/actions/staff-holds";
import { REASON_MAX } from "@/lib/validation/moderation";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { PreviewDecisionForm } from "../../_components/preview-decision-form";

export interface HoldDecisionFormProps {
  /** The group as previewed (from the page's address), sent back with the count it gave. */
  group: Record<"target" | "by" | "value", string>;
  expectedCount: number;
}

/** Releases or rejects what the preview counted, or nothing: the count is checked again as the rows are locked. */
export function HoldDecisionForm({ group, expectedCount }: HoldDecisionFormProps) {
  return (
    <PreviewDecisionForm
      action={decideHeldGroupAction}
      preview={group}
      expectedCount={expectedCount}
      id="hold"
      headingId="decide-heading"
      heading={`Release or reject these ${formatNumber(expectedCount, STAFF_LOCALE)}`}
      tone="plain"
      statusTestId="hold-status"
      reasonHint={`Kept in the audit log (and with each row, if rejected); never shown publicly: the integrity page says only "held as an unusual burst, then rejected". Up to ${REASON_MAX} characters.`}
      done={({ changed, counted }) => (
        <>
          Done for {formatNumber(changed, STAFF_LOCALE)}. {formatNumber(counted, STAFF_LOCALE)} joined the
          public total; the rest count once their owners confirm, or not at all if rejected.
        </>
      )}
      empty="This group holds nothing now."
      note="If the group holds a different number by the time you press a button, nothing changes and you are asked to look again."
      buttons={(isPending) => (
        <div className="flex flex-wrap gap-3">
          <button
            type="submit"
            name="decision"
            value="release"
            className="button-primary"
            disabled={isPending}
          >
            Release {formatNumber(expectedCount, STAFF_LOCALE)}
          </button>
          <button
            type="submit"
            name="decision"
            value="reject"
            className="button-secondary"
            disabled={isPending}
          >
            Reject {formatNumber(expectedCount, STAFF_LOCALE)}
          </button>
        </div>
      )}
    />
  );
}
