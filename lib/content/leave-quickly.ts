/** Where "Leave quickly" sends a reader: an everyday site that draws no attention on screen. */
export const NEUTRAL_SITE_URL = "https://weather.com/";

/** Two presses of Escape within this many milliseconds also leave. */
export const ESCAPE_TWICE_WITHIN_MS = 1_500;
