"use client";

import { bulkRejectAction } from "@/lib/actions/staff-moderation";
import { REASON_MAX } from "@/lib/validation/moderation";
import { formatNumber, STAFF_LOCALE } from "@/lib/domain/format";
import { PreviewDecisionForm } from "../../_components/preview-decision-form";

export interface BulkConfirmFormProps {
  /** The rule as previewed (what was typed), sent back with the count it gave. */
  rule: Record<"target" | "ip" | "domain" | "from" | "to", string>;
  expectedCount: number;
}

/** Rejects what the preview counted, or nothing: the count is checked again as the rows are locked. */
export function BulkConfirmForm({ rule, expectedCount }: BulkConfirmFormProps) {
  return (
    <PreviewDecisionForm
      action={bulkRejectAction}
      preview={rule}
      expectedCount={expectedCount}
      id="bulk"
      headingId="confirm-heading"
      heading={`Reject these ${formatNumber(expectedCount, STAFF_LOCALE)}`}
      tone="warning"
      statusTestId="bulk-status"
      reasonHint={`Kept with each row and in the audit log; never shown publicly: the integrity page says only "rejected in bulk" by network or email domain. Up to ${REASON_MAX} characters.`}
      done={({ rejected }) => (
        <>Rejected {formatNumber(rejected, STAFF_LOCALE)}. Each left the public total if it was in it.</>
      )}
      empty="This rule selects nothing that could be rejected."
      note="Each can be restored one by one later. If the rule selects a different number by the time you press the button, nothing is rejected and you are asked to preview again."
      buttons={(isPending) => (
        <button type="submit" className="button-primary" disabled={isPending}>
          {isPending ? "Rejecting…" : `Reject ${formatNumber(expectedCount, STAFF_LOCALE)}`}
        </button>
      )}
    />
  );
}
