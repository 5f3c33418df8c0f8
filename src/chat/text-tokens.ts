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
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const next = walk(item, parent, map);
      if (next === item) return;
      copy ??= [...value];
      copy[i] = next;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = walk(item, record, map);
    if (next === item) continue;
    copy ??= { ...record };
    copy[key] = next;
  }
  return copy ?? record;
}
