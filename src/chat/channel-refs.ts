/**
 * A team's channel named in outbound text. Flows know only its id; each renderer names it its platform's way
 * (Slack: a `<#C…>` mention the client shows as the channel's name; Teams and the terminal: words, never the id).
 * Like command tokens, the id sits between two private-use characters, so it survives every string operation the
 * flows do and escaping, and nothing people type can forge one.
 */
const OPEN = "\uE002";
const CLOSE = "\uE003";
const TOKEN = /\uE002([^\uE002\uE003]*)\uE003/g;

export function channelRef(id: string): string {
  return `${OPEN}${id.replace(TOKEN_CHARS, "")}${CLOSE}`;
}
const TOKEN_CHARS = /[\uE002\uE003]/g;

/** How a platform names a channel, given its id. */
export type ChannelNaming = (id: string) => string;

export function nameChannelsIn(text: string, name: ChannelNaming): string {
  return text.includes(OPEN) ? text.replace(TOKEN, (_, id: string) => name(id)) : text;
}

/** The ids of every channel named anywhere in a value (once each), for a renderer that looks names up first. */
export function channelIdsIn(value: unknown): string[] {
  const text = JSON.stringify(value) ?? "";
  return text.includes(OPEN) ? [...new Set([...text.matchAll(TOKEN)].map((m) => m[1] ?? ""))] : [];
}

/** Every channel token in every string of a value (a copy), named by `name(id, key path)`. */
export function nameChannels<T>(value: T, name: (id: string, parent: Record<string, unknown>) => string): T {
  return walk(value, undefined, name) as T;
}

function walk(
  value: unknown,
  parent: Record<string, unknown> | undefined,
  name: (id: string, parent: Record<string, unknown>) => string,
): unknown {
  if (typeof value === "string") return nameChannelsIn(value, (id) => name(id, parent ?? {}));
  if (Array.isArray(value)) return value.map((item) => walk(item, parent, name));
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, walk(item, record, name)]));
}
