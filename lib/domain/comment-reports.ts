// What a reader is told after "Report this comment", by the answer of POST
// /api/comments/{id}/reports: in one place for the button (with JavaScript) and the page a plain
// form post lands on (without).

export const REPORT_OUTCOMES = ["counted", "hidden", "kept", "not-shown", "failed"] as const;
export type ReportAnswer = (typeof REPORT_OUTCOMES)[number];

/** Each answer's message, under commentReported.outcomes in the messages files. */
export const REPORT_MESSAGE_KEYS: Record<ReportAnswer, string> = {
  counted: "counted",
  hidden: "hidden",
  kept: "kept",
  "not-shown": "notShown",
  failed: "failed",
};

export function isReportAnswer(value: unknown): value is ReportAnswer {
  return (REPORT_OUTCOMES as readonly unknown[]).includes(value);
}
