import type { Redis } from "ioredis";
import { decodeAction } from "../../src/chat/actions.js";
import type { TeamScope } from "../../src/chat/address.js";
import { aggregate } from "../../src/engine/compare.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { questionsFor } from "../../src/engine/questions.js";
import { score } from "../../src/engine/score.js";
import type { Keys } from "../../src/store/keys.js";
import { buttonsIn } from "../adapters/slack/harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";

/**
 * What Redis holds for a round, read straight from Redis (not through the app), against what people were told:
 * an acknowledged answer is one whose next question (or result) reached Slack.
 */
export const QUICK = questionsFor(defaultModel, "quick");

/** The stored value of option `n` (1-based, as on the buttons) of a quick question. */
export const optionValue = (questionIndex: number, n: number) => QUICK[questionIndex - 1]?.options[n - 1]?.value ?? "?";

/** The round id carried by the invitation's Take the assessment button. */
export function roundIdOf(invitation: RecordedCall | undefined): string {
  const join = invitation ? buttonsIn(invitation).find((b) => b.actionId.endsWith("join")) : undefined;
  const action = decodeAction(join?.value);
  if (action?.a !== "join") throw new Error("no join button in the invitation");
  return action.r;
}

interface StoredState {
  status: string;
  answers: Record<string, string>;
}

export async function storedStates(
  redis: Redis,
  keys: Keys,
  team: TeamScope,
  roundId: string,
): Promise<Map<string, StoredState>> {
  const members = await redis.smembers(keys.respondents(team, roundId));
  const raws = members.length > 0 ? await redis.mget(...members.map((u) => keys.response(team, roundId, u))) : [];
  return new Map(members.map((u, i) => [u, JSON.parse(raws[i] ?? "null") as StoredState]));
}

export interface Audit {
  /** Acknowledged answers that Redis does not hold (or holds with another value). */
  lost: number;
  /** Respondents, response records or answers beyond what people gave. */
  duplicates: number;
}

/** `acknowledged`: person -> question id -> value they were told was recorded. */
export async function audit(
  redis: Redis,
  keys: Keys,
  team: TeamScope,
  roundId: string,
  acknowledged: Map<string, Map<string, string>>,
): Promise<Audit> {
  const states = await storedStates(redis, keys, team, roundId);
  let lost = 0;
  for (const [user, answers] of acknowledged) {
    for (const [question, value] of answers) if (states.get(user)?.answers[question] !== value) lost++;
  }
  const strangers = [...states.keys()].filter((u) => !acknowledged.has(u)).length;
  const extraAnswers = [...states].reduce(
    (n, [user, s]) => n + Object.keys(s?.answers ?? {}).filter((q) => !acknowledged.get(user)?.has(q)).length,
    0,
  );
  let cursor = "0";
  let records = 0;
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", keys.response(team, roundId, "*"), "COUNT", 500);
    cursor = next;
    records += found.length;
  } while (cursor !== "0");
  return { lost, duplicates: strangers + extraAnswers + Math.max(0, records - acknowledged.size) };
}

/** The team result the engine gives for these answers: what a correct summary must show. */
export function expectedTeam(answers: Iterable<Map<string, string>>) {
  const results = [...answers].map((a) => score(defaultModel, "quick", Object.fromEntries(a)));
  const team = aggregate(defaultModel, "quick", results);
  if (!team) throw new Error("no completed answers");
  return { overall: team.result.overall, dimensions: team.result.dimensions.map((d) => d.level) };
}

/** Headline level and per-dimension levels as a Slack summary shows them (fields: `*Name*`, then `L2 …`). */
export function levelsShown(summary: RecordedCall | undefined) {
  const text = JSON.stringify(summary?.body.blocks ?? []);
  return {
    overall: Number(text.match(/"text":"Level (\d) · /)?.[1] ?? -1),
    dimensions: [...text.matchAll(/\*"\},\{"type":"mrkdwn","text":"L(\d)\b/g)].map((m) => Number(m[1])),
  };
}

/**
 * The team summary posted to `channel` after the first `after` calls, and its thread reply with the details
 * (participation, spread, notes), once both are in: the summary is one screen, the rest is in its thread.
 */
export function summaryIn(calls: readonly RecordedCall[], channel: string, after = 0) {
  const posts = calls.slice(after).filter((c) => c.method === "chat.postMessage" && c.body.channel === channel);
  const summary = posts.findLast((c) => c.body.thread_ts === undefined && levelsShown(c).overall >= 0);
  const ts = summary?.response?.ts;
  const details = ts === undefined ? undefined : posts.find((c) => c.body.thread_ts === ts);
  return summary && details ? { summary, details } : undefined;
}
