import type { ConnectorCall } from "../fakes/fake-bot-connector.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import type { Answer, Reach } from "./corpus.js";

/**
 * What the fakes recorded for one person: every Slack call that shows them something (in their DM, as an
 * ephemeral, in the Home tab, as an edit of the message they clicked, through their response_url) and every Bot
 * Connector call into their 1:1 chat, onto the card they clicked, or mentioning them. Indexed once, since ten
 * thousand requests leave tens of thousands of calls.
 */
type Lookup<T> = (reach: Reach) => T[];

function index<T>(calls: readonly T[], keysOf: (call: T) => string[]): (keys: string[]) => T[] {
  const by = new Map<string, T[]>();
  for (const call of calls) {
    for (const key of keysOf(call)) {
      const list = by.get(key);
      if (list) list.push(call);
      else by.set(key, [call]);
    }
  }
  return (keys) => [...new Set(keys.flatMap((key) => by.get(key) ?? []))];
}

const str = (value: unknown) => (typeof value === "string" ? value : "");

export function isSlackMessage(call: RecordedCall): boolean {
  return slackKeys(call).length > 0;
}

function slackKeys(c: RecordedCall): string[] {
  switch (c.method) {
    case "chat.postEphemeral":
      return [`person:${str(c.body.user)}`];
    case "chat.postMessage":
      return [`channel:${str(c.body.channel)}`];
    case "files.completeUploadExternal":
      return [`channel:${str(c.body.channel_id)}`];
    case "chat.update":
      return [`ts:${str(c.body.ts)}`];
    case "views.publish":
      return [`person:${str(c.body.user_id)}`];
    case "response_url":
      return [`hook:${c.path}`];
    default:
      return [];
  }
}

export function slackMessages(calls: readonly RecordedCall[]): Lookup<RecordedCall> {
  const find = index(calls, slackKeys);
  return (r) =>
    find([
      `person:${r.user}`,
      `channel:${r.user}`,
      // The fake opens a person's DM with the app as D + their id without the U.
      `channel:D${r.user.slice(1)}`,
      ...(r.ts ? [`ts:${r.ts}`] : []),
      ...(r.hook ? [`hook:/hooks/${r.hook}`] : []),
    ]);
}

export const isTeamsMessage = (call: ConnectorCall): boolean => call.method === "POST" || call.method === "PUT";

function teamsKeys(c: ConnectorCall): string[] {
  if (c.method === "PUT") return c.activityId ? [`card:${c.activityId}`] : [];
  if (c.method !== "POST") return [];
  const entities = Array.isArray(c.body.entities) ? c.body.entities : [];
  const mentioned = entities.map((e) => str((e as { mentioned?: { id?: unknown } } | null)?.mentioned?.id));
  return [`conversation:${c.conversationId}`, ...mentioned.filter(Boolean).map((id) => `person:${id}`)];
}

export function teamsMessages(calls: readonly ConnectorCall[]): Lookup<ConnectorCall> {
  const find = index(calls, teamsKeys);
  return (r) =>
    find([`conversation:a:personal-${r.user}`, `person:${r.user}`, ...(r.replyToId ? [`card:${r.replyToId}`] : [])]);
}

/** An adaptiveCard/action invoke is answered in its HTTP response: the card or note the person sees. */
export const invokeReply = (answer: Answer): boolean => answer.text.includes('"statusCode"');

export const slackText = (call: RecordedCall): string =>
  JSON.stringify([call.body.text, call.body.blocks, call.body.view, call.body.initial_comment]);
export const teamsText = (call: ConnectorCall): string => JSON.stringify(call.body);
