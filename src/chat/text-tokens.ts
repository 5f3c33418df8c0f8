/**
 * Every string of a value (a copy; the value itself is left as it is) passed through `map`, which also learns the
 * object the string sits in, so a renderer can tell a Block Kit mrkdwn text from a plain-text label, or a card's
 * TextBlock from a button title. The walk behind command, channel and link tokens.
 */
export function mapStrings<T>(value: T, map: (text: string, parent: Readonly<Record<string, unknown>>) => string): T {
  return walk(value, {}, map) as T;
}

function walk(
  value: unknown,
  parent: Readonly<Record<string, unknown>>,
  map: (text: string, parent: Readonly<Record<string, unknown>>) => string,
): unknown {
  if (typeof value === "string") return map(value, parent);
  if (Array.isArray(value)) return value.map((item) => walk(item, parent, map));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, walk(item, record, map)]));
}
