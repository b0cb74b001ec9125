/** Supporters the e2e server adds before it starts, so totals on screen can be checked. */
export const E2E_SUPPORTERS = {
  petition: { verified: 3, pending: 2 },
  pledge: { verified: 2, pending: 1 },
} as const;

/**
 * Petitions of their own for tests that count, so that tests running side by side never move
 * each other's totals. Each is a copy of the demo petition under another slug.
 */
export const E2E_PETITIONS = [
  "e2e-journey-desktop",
  "e2e-next-start",
  "e2e-first-request",
  "e2e-journey-phone",
  "e2e-nojs-desktop",
  "e2e-nojs-phone",
  "e2e-limits",
  "e2e-ratelimit",
  "e2e-malformed",
  "e2e-honeypot",
  "e2e-privacy",
  "e2e-withdraw",
  "e2e-resilience",
  "e2e-live",
  "e2e-live-fallback",
  "e2e-live-second-process",
  "e2e-live-restart",
  "e2e-pledge-prefill-desktop",
  "e2e-pledge-prefill-phone",
  "e2e-export",
  "e2e-report",
  "e2e-moderation",
  "e2e-moderation-bulk",
  "e2e-moderation-erase",
  "e2e-audit",
  "e2e-held",
  "e2e-content",
  "e2e-content-stale",
  "e2e-content-instances",
  "e2e-content-spanish",
  "e2e-spanish-links",
  "e2e-headers",
  "e2e-log-privacy",
  "e2e-emails",
  "e2e-comment-limit",
  "e2e-comments",
  "e2e-comments-premoderated",
  "e2e-first-signer",
  "e2e-jump-button",
  "e2e-dashboard",
  "e2e-journey-spanish",
  "e2e-one-signer",
  "e2e-delivery",
  "e2e-updates",
  "e2e-embed",
  "e2e-integrity",
] as const;

/**
 * A copy of the demo petition that closes on a known date and has a goal of its own, so that a
 * page's dates and large numbers can be checked in each language.
 */
export const E2E_DATED_PETITION = {
  slug: "e2e-dated",
  closesAt: new Date("2099-05-01T16:00:00Z"),
  goal: 12_345,
} as const;

/** Pledges of their own, likewise: copies of the demo pledge and its commitments. */
export const E2E_PLEDGES = [
  "e2e-pledge-journey-desktop",
  "e2e-pledge-journey-phone",
  "e2e-pledge-nojs-desktop",
  "e2e-pledge-nojs-phone",
  "e2e-pledge-api",
  "e2e-pledge-content",
  "e2e-pledge-next-start",
  "e2e-pledge-spanish",
  "e2e-pledge-embed",
] as const;

/** Staff the e2e server adds, each test's own where a test changes them. */
export const E2E_STAFF_PASSWORD = "correct horse battery staple";
export const E2E_STAFF = {
  admin: { email: "admin@staff.example", role: "admin" },
  travellingAdmin: { email: "travelling.admin@staff.example", role: "admin" },
  editor: { email: "editor@staff.example", role: "editor" },
  viewer: { email: "viewer@staff.example", role: "viewer" },
  linkViewer: { email: "link.viewer@staff.example", role: "viewer" },
  toDisable: { email: "to.disable@staff.example", role: "viewer" },
  throttled: { email: "throttled@staff.example", role: "viewer" },
} as const;
