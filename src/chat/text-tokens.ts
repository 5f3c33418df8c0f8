/**
 * Every string of a value passed through `map`, which also learns the object the string sits in, so a renderer can
 * tell a Block Kit mrkdwn text from a plain-text label, or a card's TextBlock from a button title. The walk behind
 * command, channel and link tokens. The value itself is never changed: arrays and objects holding a changed string
 * are copied, the rest is shared with the result (every reply is walked two or three times, and most of a message
 * holds no token: copying all of it was garbage on every click).
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
  // Plain loops: a callback or a key array per object and array walked was most of what the walk itself allocated.
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = walk(item, parent, map);
      if (next === item) continue;
      copy ??= [...value];
      copy[i] = next;
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  // Messages are plain data (JSON-shaped objects): for-in sees exactly their own keys, without an array of them.
  for (const key in record) {
    const item = record[key];
    const next = walk(item, record, map);
    if (next === item) continue;
    copy ??= { ...record };
    copy[key] = next;
  }
  return copy ?? record;
}
