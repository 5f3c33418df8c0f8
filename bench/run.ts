/**
 * `npm run bench`: one table, measured side by side in one run on real Redis (REDIS_URL, default local).
 * Machines are noisy: compare the ratios, not the absolute numbers.
 */
import { availableParallelism } from "node:os";
import { type FakeSlackApi, startFakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { atRate, burst, sideBySide, startBareBolt, startFakeSlackProcess } from "./ack.js";
import { deleteKeysUnder } from "./cleanup.js";
import { compareLaunchers } from "./cold-start.js";
import { conversationCosts } from "./memory.js";
import { nudgeFanOut } from "./nudges.js";
import { replicaCpuSeconds, settledCpuSeconds } from "./replica-cpu.js";
import { startReplicas } from "./replicas.js";
import { oneAndTwoReplicas } from "./scaling.js";
import { ms, printTable, type Row } from "./stats.js";
import { tokenLookupCost } from "./token-lookup.js";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `bench-${Date.now()}`;
/** Each ack measurement alternates the bare app and ours this many times. */
const ROUNDS = 3;

const cleanup = () => deleteKeysUnder(redisUrl, prefix);

/** Each replica's CPU limit for the scaling rows: what a container limit of half a CPU gives it. */
const CPU_LIMIT = 0.5;

/** The scaling rows need a CPU limit per replica; on a machine that cannot set one they say so instead. */
async function limitedScaling(api: FakeSlackApi): Promise<Row> {
  const measure = `answers/s, replicas held to ${CPU_LIMIT} core each: two / one`;
  let rates: Awaited<ReturnType<typeof oneAndTwoReplicas>>;
  try {
    rates = await oneAndTwoReplicas(api, {
      redisUrl,
      keyPrefix: `${prefix}-cap`,
      firstPort: 4730,
      cpuLimit: CPU_LIMIT,
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { measure, ours: "not measured", reference: why, ratio: "", goal: ">= 1.7x" };
  }
  const { one, two } = rates;
  return {
    measure,
    ours: two.perSecond.toFixed(0),
    reference: one.perSecond.toFixed(0),
    ratio: (two.perSecond / one.perSecond).toFixed(2),
    goal: ">= 1.7x",
  };
}

async function main() {
  const rows: Row[] = [];
  const api = await startFakeSlackApi();
  // Both servers run in processes of their own, like production; the load generator and fake Slack stay here.
  const bare = await startBareBolt(4700);
  const ackApi = await startFakeSlackProcess();
  const app = await startReplicas(1, {
    redisUrl,
    slackApiUrl: ackApi.apiUrl,
    keyPrefix: `${prefix}-ack`,
    firstPort: 4701,
  });
  const ours = `${app.urls[0]}/slack/events`;

  const urls = { bare: bare.url, ours };
  console.error("warming up both apps ...");
  for (const url of [bare.url, ours]) {
    await atRate(url, 200, 2, "UW");
    await burst(url, 1000, "UC");
  }
  console.error(`ack latency at 200 requests/s, ${ROUNDS} x 5 s each ...`);
  let cpuSeconds = 0;
  let commands = 0;
  const rate = await sideBySide(
    (url) => atRate(url, 200, 5, "UR"),
    urls,
    ROUNDS,
    async (run) => {
      const before = await replicaCpuSeconds(app.urls);
      const samples = await run();
      cpuSeconds += (await settledCpuSeconds(app.urls)) - before;
      commands += samples.length;
      return samples;
    },
  );
  const cpuMsPerCommand = (cpuSeconds * 1000) / commands;
  const { bare: bareRate, ours: ourRate } = rate;
  rows.push(
    {
      measure: "slash command ack p50 @200/s (3 x 1,000)",
      ours: ms(ourRate.p50),
      reference: ms(bareRate.p50),
      ratio: (ourRate.p50 / bareRate.p50).toFixed(2),
      goal: "",
    },
    {
      measure: "slash command ack p99 @200/s (3 x 1,000)",
      ours: ms(ourRate.p99),
      reference: ms(bareRate.p99),
      ratio: (ourRate.p99 / bareRate.p99).toFixed(2),
      goal: "<= 1.2x bare",
    },
    {
      measure: "replica CPU per slash command @200/s (ack + reply)",
      ours: ms(cpuMsPerCommand),
      reference: "",
      ratio: "",
      goal: "",
    },
    {
      measure: "slash command ack max @200/s (3 x 1,000)",
      ours: ms(ourRate.max),
      reference: ms(bareRate.max),
      ratio: "",
      goal: "< 3000 ms",
    },
  );
  console.error(`ack latency with 1,000 concurrent, ${ROUNDS} times ...`);
  const { bare: bareBurst, ours: ourBurst } = await sideBySide((url) => burst(url, 1000, "UC"), urls, ROUNDS);
  rows.push(
    {
      measure: "slash command ack p50, 1,000 concurrent (x 3)",
      ours: ms(ourBurst.p50),
      reference: ms(bareBurst.p50),
      ratio: (ourBurst.p50 / bareBurst.p50).toFixed(2),
      goal: "",
    },
    {
      measure: "slash command ack p99, 1,000 concurrent (x 3)",
      ours: ms(ourBurst.p99),
      reference: ms(bareBurst.p99),
      ratio: (ourBurst.p99 / bareBurst.p99).toFixed(2),
      goal: "<= 1.2x bare",
    },
    {
      measure: "slash command ack max, 1,000 concurrent (x 3)",
      ours: ms(ourBurst.max),
      reference: ms(bareBurst.max),
      ratio: "",
      goal: "< 3000 ms",
    },
    {
      measure: "non-200 answers (ours / bare)",
      ours: String(ourRate.non200 + ourBurst.non200),
      reference: String(bareRate.non200 + bareBurst.non200),
      ratio: "",
      goal: "0",
    },
  );
  await app.stop();
  await bare.close();
  console.error("start-up and a cold burst, tsx and compiled, 3 times each ...");
  rows.push(
    ...(await compareLaunchers(
      { redisUrl, slackApiUrl: ackApi.apiUrl, keyPrefix: `${prefix}-cold`, port: 4790 },
      ROUNDS,
    )),
  );
  ackApi.close();

  console.error("bot token lookup (multi-workspace mode) ...");
  rows.push(...(await tokenLookupCost(redisUrl, `${prefix}-tokens`, ROUNDS)));

  console.error("answers per second, one and two replicas ...");
  const { one: oneRate, two: twoRate } = await oneAndTwoReplicas(api, {
    redisUrl,
    keyPrefix: `${prefix}-free`,
    firstPort: 4710,
  });
  rows.push(
    {
      measure: "answers/s, one replica (HTTP->flow->Redis->Web API)",
      ours: oneRate.perSecond.toFixed(0),
      reference: "",
      ratio: "",
      goal: ">= 500/s",
    },
    {
      measure: "answers/s, two replicas, no CPU limit: two / one",
      ours: twoRate.perSecond.toFixed(0),
      reference: oneRate.perSecond.toFixed(0),
      ratio: (twoRate.perSecond / oneRate.perSecond).toFixed(2),
      goal: "",
    },
    {
      measure: "replica CPU per answer (one replica / two)",
      ours: ms(oneRate.cpuMsPerAnswer),
      reference: ms(twoRate.cpuMsPerAnswer),
      ratio: "",
      goal: "",
    },
    {
      // Everything shares this machine's cores: what the replicas got caps what two of them can show.
      measure: `cores busy, two replicas (of ${availableParallelism()}): replicas / rest`,
      ours: twoRate.cores.replicas.toFixed(2),
      reference: `Redis ${twoRate.cores.redis.toFixed(2)}, load gen + fake Slack ${twoRate.cores.loadGenerator.toFixed(2)}`,
      ratio: "",
      goal: "",
    },
    await limitedScaling(api),
  );
  await api.close();

  console.error("conversation costs with 10,000 in progress ...");
  const costs = await conversationCosts(redisUrl, `${prefix}-mem`, 10_000);
  rows.push(
    { measure: "Redis round trips per answer", ours: String(costs.roundTrips), reference: "", ratio: "", goal: "<= 3" },
    {
      measure: "bytes per in-progress conversation",
      ours: String(costs.bytes),
      reference: "",
      ratio: "",
      goal: "< 2048",
    },
    {
      measure: "heap retained with 10,000 in progress (after GC)",
      ours: `${costs.heapRetainedMb.toFixed(1)} MB`,
      reference: `RSS ${costs.rssMb.toFixed(0)} MB`,
      ratio: "",
      goal: "~0 (stateless)",
    },
  );

  console.error("nudge fan-out: 10,000 teams due in one minute, three instances ...");
  const fan = await nudgeFanOut(redisUrl, `${prefix}-nudge`, 10_000);
  rows.push({
    measure: "10,000 due nudges claimed+queued by 3 instances",
    ours: `${fan.seconds.toFixed(2)} s`,
    reference: `${fan.sent} sent, ${fan.duplicates} dup`,
    ratio: "",
    goal: "< 5 s, 0 dup",
  });

  await cleanup();
  printTable(rows);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await cleanup().catch(() => undefined);
    process.exit(1);
  },
);
