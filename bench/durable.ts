import type { Redis } from "ioredis";
import { roundSchema } from "../flows/rounds/round-state.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import { questionsFor } from "../src/engine/questions.js";
import { createKeys } from "../src/store/keys.js";
import { click } from "./answers.js";
import { BENCH_METRICS_TOKEN, commandBody, postSigned } from "./signed.js";

const WORKSPACE = "TBENCH0001";
const FIRST = questionsFor(defaultModel, "quick")[0];

/**
 * People in a round who each re-answer question 1, alternating between two options, so that every click changes
 * what Redis holds: the durable path, written before its ack. Set up through the app itself: with durable intake
 * a 200 on a join or an answer means it is stored, so nothing has to watch Slack for it.
 */
export async function durableClicks(
  url: string,
  redis: Redis,
  keyPrefix: string,
  people: number,
  channel: string,
): Promise<{ stream(): (i: number) => string }> {
  if (!FIRST) throw new Error("the model has no quick questions");
  const ok = async (body: string, what: string) => {
    const { status } = await postSigned(url, body);
    if (status !== 200) throw new Error(`${what} got HTTP ${status}`);
  };
  await ok(commandBody(`UD${channel}OPENER`, "", channel), "opening the round");
  const keys = createKeys(keyPrefix);
  const raw = await redis.get(keys.openRound({ platform: "slack", workspace: WORKSPACE, channel }));
  const round = roundSchema.parse(JSON.parse(raw ?? "null")).id;
  const users = Array.from({ length: people }, (_, i) => `UD${channel}${i}`);
  const answer = (user: string, v: string) =>
    click(user, { a: "answer", c: channel, r: round, q: FIRST.id, v }, `D${user}`);
  await Promise.all(
    users.map(async (user) => {
      await ok(click(user, { a: "join", c: channel, r: round }, channel), "a join");
      await ok(answer(user, "1"), "the first answer");
    }),
  );
  // A refused click is answered 200 too (with its refusal): make sure these people's answers are really stored,
  // or every click below would measure a refusal instead of the durable path.
  const team = { platform: "slack" as const, workspace: WORKSPACE, channel };
  const stored = await Promise.all(users.map((user) => redis.exists(keys.response(team, round, user))));
  const missing = stored.filter((n) => n === 0).length;
  if (missing > 0) throw new Error(`${missing} of ${people} people's first answers were not stored`);
  return {
    /** Click bodies in order: everybody once with option "2", then everybody with "1", and so on. */
    stream() {
      let n = 0;
      return () => {
        const i = n++;
        const user = users[i % people] ?? "";
        return answer(user, Math.floor(i / people) % 2 === 0 ? "2" : "1");
      };
    },
  };
}

/** One counter from the replica's /metrics (prom-client's text format), by its name and labels as printed. */
async function counter(origin: string, series: string): Promise<number> {
  const headers = { authorization: `Bearer ${BENCH_METRICS_TOKEN}` };
  const text = await (await fetch(`${origin}/metrics`, { headers })).text();
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return Number(line?.slice(series.length + 1) ?? Number.NaN);
}

/** What the replica counted as "storage unavailable" so far. */
export const storeErrors = (origin: string) => counter(origin, "store_errors_total");

/** The replica's full (mark-compact) garbage collections so far: each one is a pause every request waits out. */
export const majorCollections = (origin: string) => counter(origin, 'nodejs_gc_duration_seconds_count{kind="major"}');
