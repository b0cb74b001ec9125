/**
 * Where "today" begins for a campaign's public counts ("12 signed today"): midnight in Washington,
 * D.C., the time of the U.S. Congress the petitions are addressed to. One zone for every reader,
 * so two people looking at the same page see the same figure.
 */
export const CAMPAIGN_TIME_ZONE = "America/New_York";

/** How the page names that boundary, beside the figure. */
export const CAMPAIGN_DAY_LABEL = "since midnight Eastern Time";
