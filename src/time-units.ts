/** One day in milliseconds: round lengths, TTLs, snoozes and reminder gaps are counted in whole days. */
export const DAY_MS = 86_400_000;
/** One hour in milliseconds: the webhook's rate-limit window. */
export const HOUR_MS = 3_600_000;
