import { mapStrings } from "./text-tokens.js";

/**
 * A team's channel named in outbound text. Flows know only its id; each renderer names it its platform's way
 * (Slack: a `<#C…>` mention the client shows as the channel's name; Teams and the terminal: words, never the id).
 * Like command tokens, the id sits between two private-use characters, so it survives every string operation the
 * flows do and escaping; Slack mentions only ids shaped like its channel ids.
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

/** Every channel token in every string of a value (a copy), named by `name(id, the object the string sits in)`. */
export function nameChannels<T>(value: T, name: (id: string, parent: Readonly<Record<string, unknown>>) => string): T {
  return mapStrings(value, (text, parent) => nameChannelsIn(text, (id) => name(id, parent)));
}
