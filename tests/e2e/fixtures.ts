/** Supporters the e2e server adds before it starts, so totals on screen can be checked. */
export const E2E_SUPPORTERS = {
  petition: { verified: 3, pending: 2 },
  pledge: { verified: 2, pending: 1 },
} as const;
