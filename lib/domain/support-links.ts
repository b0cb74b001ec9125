/** How long an emailed confirm link works: the confirm page says so when one has run out. */
export const CONFIRM_TOKEN_TTL_DAYS = 7;
