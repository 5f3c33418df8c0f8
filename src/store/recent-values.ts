/**
 * What this process last read or wrote at a few thousand keys (the raw JSON, or null for "absent"), so that an
 * update can start from it instead of reading first: one round trip instead of two for a person answering
 * question after question. It is only ever a guess. The compare-and-set that follows checks it against what Redis
 * holds, and whatever would be decided without a write (a refusal, nothing to change) is decided again on a fresh
 * read, so a stale entry costs a round trip, never a wrong answer.
 */
export interface RecentValues {
  /** The raw value last seen at `key`: null when it was absent, undefined when this process does not know. */
  get(key: string): string | null | undefined;
  remember(key: string, raw: string | null): void;
  forget(key: string): void;
  forgetAll(): void;
}

/** Keeps the `limit` most recently used keys (a Map iterates in insertion order: the first key is the least recent). */
export function createRecentValues(limit: number): RecentValues {
  const values = new Map<string, string | null>();
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
