/**
 * Checks both stores apply before a write, so misuse fails the same way in the demo (memory) as in production
 * (Redis), and the shared contract suite can hold them to it.
 */
export function encode(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError("Only JSON values can be stored (got undefined, a function or a symbol)");
  return json;
}

/** Redis rejects PX values that are not positive integers; checking first gives one clear error in both stores. */
export function checkTtl(ttlMs: number | undefined): void {
  if (ttlMs !== undefined && (!Number.isSafeInteger(ttlMs) || ttlMs <= 0)) {
    throw new RangeError(`A TTL must be a positive whole number of ms, got ${ttlMs}`);
  }
}
