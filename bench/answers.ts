import type { Redis } from "ioredis";
import { encodeAction } from "../src/chat/actions.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import type { FakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { redisCommands, redisCpuSeconds, replicaCpuSeconds, settledCpuSeconds } from "./replica-cpu.js";
import { commandBody, loadBalancerConnections, post, postSigned, sign } from "./signed.js";

const QUESTIONS = defaultModel.quick.map((q) => q.id);

/**
 * The signed-ready form body of `user` clicking a button that carries `action` on a message in conversation `where`:
 * their DM for a question, the team's channel for the invitation's join (a join from anywhere else needs Slack to
 * confirm the person is in the channel).
 */
export function click(user: string, action: unknown, where: string): string {
  const payload = {
    type: "block_actions",
    user: { id: user, username: user, name: user, team_id: "TBENCH0001" },
    api_app_id: "ABENCH",
    token: "x",
    container: { type: "message", message_ts: "1700000000.000100", channel_id: where, is_ephemeral: false },
    trigger_id: "1.2.3",
    team: { id: "TBENCH0001", domain: "bench" },
    channel: { id: where, name: where.startsWith("D") ? "directmessage" : "bench" },
    response_url: "http://127.0.0.1:1/never",
    actions: [
      {
        type: "button",
        block_id: "b",
        action_id: "ma:answer:1",
        text: { type: "plain_text", text: "2" },
        value: encodeAction(action as never),
        action_ts: "1",
      },
    ],
  };
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench timed out waiting for the fake Slack API: ${what()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Answers per second through the whole path: signed Slack HTTP -> flow -> Redis -> fake Web API. `people` join
 * a round, then all answer their eight questions at once (each person's clicks in order). Counted when Slack
 * (the fake) receives the updated message, not at the ack. Also the replicas' CPU per answer over the same span.
 * Clicks arrive over reused connections, as from a load balancer in front of the replicas.
 */
export interface AnswerRun {
  perSecond: number;
  cpuMsPerAnswer: number;
  /** Commands Redis processed per answer over the whole path (HTTP in, state, replies out, invitation edits). */
  redisCommandsPerAnswer: number;
  /** Cores in use while the answers came in: what the machine gave the replicas, and what everything else took. */
  cores: { replicas: number; redis: number; loadGenerator: number };
}

export async function answersPerSecond(
  api: FakeSlackApi,
  redis: Redis,
  urls: string[],
  people: number,
  channel: string,
): Promise<AnswerRun> {
  api.reset();
  const at = (i: number) => `${urls[i % urls.length]}/slack/events`;
  await postSigned(at(0), commandBody("UOPENER", "", channel));
  await until(
    () => api.calls("chat.postMessage").some((c) => c.body.channel === channel),
    10_000,
    () => `no invitation in ${channel}`,
  );
  const invitation = api.calls("chat.postMessage").find((c) => c.body.channel === channel);
  const round = JSON.stringify(invitation?.body.blocks).match(/\\"r\\":\\"([^\\]+)\\"/)?.[1];
  if (!round) throw new Error("no round id in the invitation");
  const users = Array.from({ length: people }, (_, i) => `UB${i}`);
  await Promise.all(users.map((u, i) => postSigned(at(i), click(u, { a: "join", c: channel, r: round }, channel))));
  await until(
    () => api.calls("chat.postMessage").filter((c) => String(c.body.channel).startsWith("DB")).length >= people,
    30_000,
    () => `${api.calls("chat.postMessage").length} messages posted, for ${people} people who joined`,
  );

  // Only the people's question messages count: the channel's invitation is edited too, whenever a tick comes.
  const questionUpdates = () => api.calls("chat.update").filter((c) => String(c.body.channel).startsWith("DUB"));
  const before = questionUpdates().length;
  const expected = people * QUESTIONS.length;
  // Built and signed ahead, so the load generator's own work stays out of the measured span.
  const clicks = users.map((u) =>
    QUESTIONS.map((q) => sign(click(u, { a: "answer", c: channel, r: round, q, v: "2" }, `D${u}`))),
  );
  const cpuBefore = await replicaCpuSeconds(urls);
  const redisBefore = await redisCpuSeconds(redis);
  const commandsBefore = await redisCommands(redis);
  const ownBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(
    clicks.map(async (mine, i) => {
      for (const signed of mine) await post(at(i), signed, loadBalancerConnections);
    }),
  );
  await until(
    () => questionUpdates().length - before >= expected,
    60_000,
    () => {
      const updates = questionUpdates().slice(before);
      const short = users.filter((u) => updates.filter((c) => c.body.channel === `D${u}`).length < QUESTIONS.length);
      const calls = new Map<string, number>();
      for (const c of api.calls()) calls.set(c.method, (calls.get(c.method) ?? 0) + 1);
      return `${updates.length} of ${expected} question updates; short: ${short.slice(0, 5).join(", ")} (${short.length}); calls ${JSON.stringify(Object.fromEntries(calls))}`;
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Read before the replicas' idle work (the scheduler's tick) can add to it.
  const commands = (await redisCommands(redis)) - commandsBefore;
  const own = process.cpuUsage(ownBefore);
  const cores = {
    replicas: ((await replicaCpuSeconds(urls)) - cpuBefore) / seconds,
    redis: ((await redisCpuSeconds(redis)) - redisBefore) / seconds,
    loadGenerator: (own.user + own.system) / 1e6 / seconds,
  };
  const cpuMs = ((await settledCpuSeconds(urls)) - cpuBefore) * 1000;
  return {
    perSecond: expected / seconds,
    cpuMsPerAnswer: cpuMs / expected,
    redisCommandsPerAnswer: commands / expected,
    cores,
  };
}
