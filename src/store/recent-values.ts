/**
 * What this process last read or wrote at a few thousand keys (the raw JSON, or null for "absent"), so that an
 * update can start from it instead of reading first: one round trip instead of two for a person answering
 * question after question. It is only ever a guess. The compare-and-set that follows checks it against what Redis
 * holds, and whatever would be decided without a write (a refusal, nothing to change) is decided again on a fresh
 * read, so a stale entry costs a round trip, never a wrong answer.
 */
export interface RecentValues<V = string | null> {
  /** The raw value last seen at `key`: null when it was absent, undefined when this process does not know. */
  get(key: string): V | undefined;
  remember(key: string, raw: V): void;
  forget(key: string): void;
  forgetAll(): void;
}

/**
 * Keeps the `limit` most recently used keys (a Map iterates in insertion order: the first key is the least recent).
 * Values are raw JSON for the store; other callers keep what they would otherwise compute again (rendered questions).
 */
export function createRecentValues<V = string | null>(limit: number): RecentValues<V> {
  const values = new Map<string, V>();
  return {
    get(key) {
      const raw = values.get(key);
      // A key in use stays: a round every answer checks must not be pushed out by the people answering it.
      if (raw !== undefined) {
        values.delete(key);
        values.set(key, raw);
      }
      return raw;
    },
    remember(key, raw) {
      values.delete(key);
      values.set(key, raw);
      if (values.size > limit) {
        const oldest = values.keys().next();
        if (!oldest.done) values.delete(oldest.value);
      }
    },
    forget: (key) => void values.delete(key),
    forgetAll: () => values.clear(),
  };
}
