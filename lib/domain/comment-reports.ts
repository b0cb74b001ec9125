// What a reader is told after "Report this comment", by the answer of POST
// /api/comments/{id}/reports: in one place for the button (with JavaScript) and the page a plain
// form post lands on (without).

export const REPORT_OUTCOMES = ["counted", "hidden", "kept", "not-shown", "failed"] as const;
export type ReportAnswer = (typeof REPORT_OUTCOMES)[number];

export const REPORT_MESSAGES: Record<ReportAnswer, string> = {
  counted: "Thank you. Your report is counted; the campaign's staff will look at this comment.",
  hidden: "Thank you. This comment is now hidden until the campaign's staff have looked at it.",
  kept: "Thank you. The campaign's staff have already looked at this comment and kept it.",
  "not-shown": "This comment is not shown any more, so there is nothing to report.",
  failed: "We could not take your report just now. Please try again in a minute.",
};

export function isReportAnswer(value: unknown): value is ReportAnswer {
  return (REPORT_OUTCOMES as readonly unknown[]).includes(value);
}
