import type { Redis } from "ioredis";
import { z } from "zod";
import { trackedMessage as slackTrackedMessage } from "../../adapters/slack/deliver.js";
import { cachedProfile } from "../../adapters/slack/profiles.js";
import { trackedMessageSchema as teamsTrackedMessage } from "../../adapters/teams/deliver.js";
import { personalChatSchema, storedConversationSchema } from "../../adapters/teams/references.js";
import { rememberedMembership } from "../../app/membership.js";
import { assessStateSchema } from "../../flows/assess/assess-state.js";
import { sentMarker } from "../../flows/nudge/nudge-runner.js";
import { decodeDueItem, preferencesSchema, teamScheduleSchema } from "../../flows/nudge/nudge-state.js";
import { activePointerSchema, historySchema, roundSchema, teamSettingsSchema } from "../../flows/rounds/round-state.js";
import type { Cadence } from "../../src/schedule/cadence.js";

/**
 * Every value under a key prefix, read back the way the app reads it: each string key through the zod schema of
 * its kind (keys.ts names the kinds), set members as ids, and the due index's members as due items. Whatever a
 * request did, the app must be able to read all of it again.
 */
const member = z.string().min(1).max(2048);

function schemaFor(kind: string, platform: string): z.ZodType | undefined {
  switch (kind) {
    case "round":
      return roundSchema;
    case "response":
      return assessStateSchema;
    case "history":
      return historySchema;
    case "settings":
      return teamSettingsSchema;
    case "message":
      return platform === "teams" ? teamsTrackedMessage : slackTrackedMessage;
    case "schedule":
      return teamScheduleSchema;
    case "nudge-sent":
      return sentMarker;
    case "active":
      return activePointerSchema;
    case "event":
      return z.literal(1);
    case "member":
      return rememberedMembership;
    case "conversation":
      return storedConversationSchema;
    case "user":
      return platform === "teams" ? personalChatSchema : cachedProfile;
    case "prefs":
      return preferencesSchema;
    case "lock":
      return z.string();
    default:
      return undefined;
  }
}

/** `<prefix>:{<platform>:<workspace>[:<channel>]}:<kind>:…`, or `<prefix>:<kind>…` for the global keys. */
function kindOf(key: string, prefix: string): { kind: string; platform: string } {
  const rest = key.slice(prefix.length + 1);
  if (!rest.startsWith("{")) return { kind: rest.split(":")[0] ?? "", platform: "" };
  const close = rest.indexOf("}");
  const platform = decodeURIComponent(rest.slice(1, close).split(":")[0] ?? "");
  return { kind: rest.slice(close + 2).split(":")[0] ?? "", platform };
}

export interface StoredReport {
  keys: number;
  problems: string[];
}

export async function checkStoredValues(redis: Redis, prefix: string): Promise<StoredReport> {
  const problems: string[] = [];
  let keys = 0;
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 1000);
    cursor = next;
    keys += batch.length;
    // Two round trips per batch (types, then contents), not two per key.
    const types = (await redis.pipeline(batch.map((key) => ["type", key])).exec()) ?? [];
    const reads = batch.map((key, i) => {
      const type = String(types[i]?.[1]);
      return type === "set" ? ["smembers", key] : type === "zset" ? ["zrange", key, "0", "-1"] : ["get", key];
    });
    const contents = (await redis.pipeline(reads).exec()) ?? [];
    batch.forEach((key, i) => {
      const problem = checkValue(key, prefix, String(types[i]?.[1]), contents[i]?.[1]);
      if (problem) problems.push(`${key}: ${problem}`);
    });
  } while (cursor !== "0");
  return { keys, problems };
}

function checkValue(key: string, prefix: string, type: string, content: unknown): string | undefined {
  const { kind, platform } = kindOf(key, prefix);
  if (type === "none") return undefined; // expired between the scan and the read
  if (type === "set") {
    if (kind !== "respondents" && kind !== "teams") return `a set where a ${kind} was expected`;
    const bad = (content as string[]).filter((m) => !member.safeParse(m).success);
    return bad.length > 0 ? `set members that are not ids: ${JSON.stringify(bad.slice(0, 3))}` : undefined;
  }
  if (type === "zset") {
    if (kind !== "nudges-due") return `a sorted set where a ${kind} was expected`;
    const bad = (content as string[]).filter((m) => decodeDueItem(m) === undefined);
    return bad.length > 0 ? `due items that do not decode: ${JSON.stringify(bad.slice(0, 3))}` : undefined;
  }
  if (type !== "string") return `unexpected type ${type}`;
  const schema = schemaFor(kind, platform);
  if (!schema) return `unknown kind "${kind}"`;
  const raw = typeof content === "string" ? content : "";
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return `not JSON: ${raw.slice(0, 80)}`;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : z.prettifyError(parsed.error).slice(0, 300);
}

/** Every key of one kind under the prefix (one SCAN over the keyspace). */
async function keysOfKind(redis: Redis, prefix: string, kind: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", `${prefix}:*:${kind}*`, "COUNT", 1000);
    cursor = next;
    found.push(...batch.filter((key) => kindOf(key, prefix).kind === kind));
  } while (cursor !== "0");
  return found;
}

/** Everyone who is a respondent of any round under the prefix. */
export async function respondentsUnder(redis: Redis, prefix: string): Promise<string[]> {
  const keys = await keysOfKind(redis, prefix, "respondents");
  const members = await Promise.all(keys.map((key) => redis.smembers(key)));
  return [...new Set(members.flat())];
}

/** The cadence of every stored reminder schedule under the prefix. */
export async function schedulesUnder(redis: Redis, prefix: string): Promise<Cadence[]> {
  const keys = await keysOfKind(redis, prefix, "schedule");
  const values = keys.length > 0 ? await redis.mget(...keys) : [];
  return values.flatMap((raw) => {
    const parsed = teamScheduleSchema.safeParse(JSON.parse(raw ?? "null"));
    return parsed.success ? [parsed.data.cadence] : [];
  });
}
