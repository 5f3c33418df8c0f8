import { Redis } from "ioredis";
import type { FakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { type AnswerRun, answersPerSecond } from "./answers.js";
import { startReplicas } from "./replicas.js";

const PEOPLE = 300;
const WARM_UP_ROUNDS = 4;
const MEASURED_ROUNDS = 3;

function median(runs: AnswerRun[]): AnswerRun {
  const middle = [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)];
  if (!middle) throw new Error("no answer runs");
  return middle;
}

/**
 * Answers per second with one replica and with two, measured on the same two processes: "one" sends everything to
 * the first, "two" spreads the people over both, and the two alternate three times (medians reported), so both
 * see the same warm code and whatever else the machine does meanwhile. A replica that has just started runs cold
 * (V8 has not optimised it yet) and needs about 60% more CPU per answer for its first thousands of requests: the
 * warm-up rounds come first, spread over both. With `cpuLimit`, each replica is held to that many cores.
 */
export async function oneAndTwoReplicas(
  api: FakeSlackApi,
  env: { redisUrl: string; keyPrefix: string; firstPort: number; cpuLimit?: number },
): Promise<{ one: AnswerRun; two: AnswerRun }> {
  const replicas = await startReplicas(2, { ...env, slackApiUrl: api.apiUrl });
  const redis = new Redis(env.redisUrl);
  const round = (urls: string[], name: string) =>
    answersPerSecond(api, redis, urls, PEOPLE, `C${env.firstPort}${name}`);
  try {
    for (let i = 0; i < WARM_UP_ROUNDS; i++) await round(replicas.urls, `W${i}`);
    const one: AnswerRun[] = [];
    const two: AnswerRun[] = [];
    for (let i = 0; i < MEASURED_ROUNDS; i++) {
      one.push(await round(replicas.urls.slice(0, 1), `O${i}`));
      two.push(await round(replicas.urls, `T${i}`));
    }
    return { one: median(one), two: median(two) };
  } finally {
    await replicas.stop();
    await redis.quit();
  }
}
