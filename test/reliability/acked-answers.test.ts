import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKeys } from "../../src/store/keys.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { type AppProcess, appWithReplacements, type ReplacedApp, spawnApp } from "./app-process.js";
import { liveEnv } from "./live-app.js";
import { audit, optionValue, QUICK, roundIdOf, storedStates } from "./round-audit.js";
import { isResult, option, progressOf, slackPeople, until } from "./slack-people.js";

/**
 * The promise behind every 200 the app gives Slack for a click: the answer is in Redis. A crowd of 100 answers
 * through signed HTTP and the app process is SIGKILLed in the middle of a burst of clicks, at three moments
 * (as the burst arrives, at its first ack, when half of it is acknowledged). After a restart on the same Redis
 * every person types `resume`: they must see the question after their last acknowledged answer (or one further
 * when the click the kill cut off had been written before its ack could go out), and the round must end with
 * exactly the answers people gave, none lost and none applied twice. Then the same with two replicas, one killed
 * and the other carrying on for everybody.
 */
const PEOPLE = Array.from({ length: 100 }, (_, i) => `U0ACK${String(i).padStart(3, "0")}`);
const pick = (person: number) => (question: number) => ((person * 3 + question) % 5) + 1;
type Moment = "as the burst arrives" | "at the first ack" | "with half acknowledged";
const KILLS = new Map<number, Moment>([
  [2, "as the burst arrives"],
  [4, "at the first ack"],
  [6, "with half acknowledged"],
]);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
const BURST_SPREAD_MS = 5;

interface Crowd {
  /** person -> question id -> the value a 200 acknowledged. */
  acked: Map<string, Map<string, string>>;
  /** Index (1-based) of each person's last acknowledged answer. */
  lastAcked: Map<string, number>;
}

interface KillFigures {
  moment: Moment;
  clicks: number;
  acked: number;
  lost: number;
  /** Clicks the kill cut off before their ack whose answer was nevertheless written. */
  writtenUnacked: number;
  resumedAfterLastAck: number;
}

/** Poll tightly: in a burst, acks come a few milliseconds apart. */
async function when(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 1));
}

/**
 * Everybody answers the question on their screen at once; `kill` (when given) is called at `moment`, and after
 * it each person resumes at `urlOf(person)`. Returns the figures of the kill.
 */
async function burst(
  redis: Redis,
  api: FakeSlackApi,
  urlOf: (person: string) => string,
  crowd: Crowd,
  prefix: string,
  roundId: string,
  kill?: { moment: Moment; run: () => Promise<void>; people: readonly string[] },
): Promise<KillFigures | undefined> {
  const keys = createKeys(prefix);
  const slackOf = new Map(PEOPLE.map((p) => [p, slackPeople(api, () => urlOf(p))]));
  const slack = (p: string) => slackOf.get(p) ?? slackPeople(api, () => urlOf(p));
  const clicking = PEOPLE.filter((p) => !isResult(slack(p).screen(p)));
  const shown = new Map(clicking.map((p) => [p, slack(p).screen(p)]));
  const at = (p: string) => progressOf(shown.get(p))?.index ?? 0;
  // Each click goes where the person's requests went when the burst began: one sent after the kill finds nobody
  // there, as Slack would (the person sees an error), instead of landing on the replacement.
  const sentTo = new Map(
    clicking.map((p) => [
      p,
      slackPeople(
        api,
        (() => {
          const url = urlOf(p);
          return () => url;
        })(),
      ),
    ]),
  );
  let acks = 0;
  // The clicks of a burst come over about half a second (as a crowd's do), so that acks arrive one after another and
  // a kill "with half acknowledged" lands with half of them still on their way, even when this machine is so busy
  // that the kill takes a hundred milliseconds to land (over 200 ms, all 100 were sometimes acknowledged by then).
  const clicks = clicking.map((p, n) => {
    const i = PEOPLE.indexOf(p);
    const q = at(p);
    return new Promise((r) => setTimeout(r, n * BURST_SPREAD_MS))
      .then(() => (sentTo.get(p) ?? slack(p)).click(p, shown.get(p)!, option(pick(i)(q))))
      .then(
        (ack) => {
          if (ack.status !== 200) return;
          if (!kill || kill.people.includes(p)) acks++;
          crowd.acked.get(p)?.set(QUICK[q - 1]?.id ?? "", optionValue(q, pick(i)(q)));
          crowd.lastAcked.set(p, q);
        },
        () => undefined,
      ); // the connection died with the process: Slack would show the person an error
  });
  if (!kill) {
    await Promise.all(clicks);
    await until(() => clicking.every((p) => slack(p).screen(p) !== shown.get(p)), "everybody's next question", 30_000);
    return undefined;
  }
  const inBurst = clicking.filter((p) => kill.people.includes(p));
  if (kill.moment === "at the first ack") await when(() => acks > 0);
  if (kill.moment === "with half acknowledged") await when(() => acks >= inBurst.length / 2);
  await kill.run();
  await Promise.all(clicks);

  const states = await storedStates(redis, keys, team, roundId);
  const figures: KillFigures = {
    moment: kill.moment,
    clicks: inBurst.length,
    acked: 0,
    lost: 0,
    writtenUnacked: 0,
    resumedAfterLastAck: 0,
  };
  await Promise.all(
    clicking.map(async (p) => {
      const i = PEOPLE.indexOf(p);
      const q = at(p);
      const stored = states.get(p)?.answers ?? {};
      const ackedNow = crowd.lastAcked.get(p) === q;
      const written = stored[QUICK[q - 1]?.id ?? ""] === optionValue(q, pick(i)(q));
      if (inBurst.includes(p)) {
        if (ackedNow) figures.acked++;
        if (ackedNow && !written) figures.lost++;
        if (!ackedNow && written) figures.writtenUnacked++;
      }
      // What the person sees when they come back: the question after their last acknowledged answer, or one
      // further when the click cut off by the kill was written anyway.
      const before = slack(p).screen(p);
      const ack = await slack(p).command(p, "resume");
      expect(ack.status).toBe(200);
      await until(() => slack(p).screen(p) !== before, `${p}'s resumed question`, 20_000);
      const resumedAt = progressOf(slack(p).screen(p))?.index;
      const expected = (crowd.lastAcked.get(p) ?? 0) + 1 + (!ackedNow && written ? 1 : 0);
      expect({ person: p, resumedAt }).toEqual({ person: p, resumedAt: expected });
      if (inBurst.includes(p) && resumedAt === (crowd.lastAcked.get(p) ?? 0) + 1) figures.resumedAfterLastAck++;
      // A written but unacknowledged answer is the person's answer all the same: count it as theirs.
      if (!ackedNow && written) {
        crowd.acked.get(p)?.set(QUICK[q - 1]?.id ?? "", optionValue(q, pick(i)(q)));
        crowd.lastAcked.set(p, q);
      }
    }),
  );
  return figures;
}

/** Answer until everybody has their result, killing as `kills` says; returns the kills' figures. */
async function answerAll(
  redis: Redis,
  api: FakeSlackApi,
  urlOf: (person: string) => string,
  prefix: string,
  roundId: string,
  killAt: (question: number) => { moment: Moment; run: () => Promise<void>; people: readonly string[] } | undefined,
): Promise<{ crowd: Crowd; figures: KillFigures[] }> {
  const crowd: Crowd = {
    acked: new Map(PEOPLE.map((p) => [p, new Map<string, string>()])),
    lastAcked: new Map(),
  };
  const figures: KillFigures[] = [];
  for (let round = 1; round <= QUICK.length + KILLS.size + 1; round++) {
    const done = PEOPLE.every((p) => isResult(slackPeople(api, () => urlOf(p)).screen(p)));
    if (done) break;
    const result = await burst(redis, api, urlOf, crowd, prefix, roundId, killAt(round));
    if (result) figures.push(result);
  }
  return { crowd, figures };
}

function report(what: string, figures: readonly KillFigures[], answers: number, lost: number, twice: number) {
  const lines = figures.map(
    (f) =>
      `${f.moment}: ${f.clicks} clicks in flight, ${f.acked} acked, ${f.lost} of them lost, ${f.writtenUnacked} written ` +
      `before an ack the kill cut off, ${f.resumedAfterLastAck} resumed right after their last acked answer`,
  );
  console.log(
    `[reliability] ${what}: ${lines.join("; ")}; answers acknowledged ${answers}; lost ${lost}; applied twice ${twice}`,
  );
}

describe("acknowledged answers survive a SIGKILL of the app in the middle of a burst", () => {
  const prefix = uniquePrefix("rel-acked");
  const scope = redisTestScope(prefix);
  let api: FakeSlackApi;
  let app: ReplacedApp;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    app = await appWithReplacements(liveEnv(REDIS_URL, prefix, api.apiUrl), KILLS.size);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });

  it("one replica, killed three times and restarted: 0 acknowledged answers lost, none applied twice", async () => {
    const url = () => `${app.current().origin}/slack/events`;
    const invitation = await slackPeople(api, url).openRound(PEOPLE[0] ?? "", PEOPLE.slice(1));
    const roundId = roundIdOf(invitation);
    const { crowd, figures } = await answerAll(scope.admin, api, url, prefix, roundId, (round) => {
      const moment = KILLS.get(round);
      return moment ? { moment, run: () => app.killAndReplace(), people: PEOPLE } : undefined;
    });
    const result = await audit(scope.admin, createKeys(prefix), team, roundId, crowd.acked);
    const answers = [...crowd.acked.values()].reduce((n, a) => n + a.size, 0);
    report("one replica SIGKILLed 3 times", figures, answers, result.lost, result.duplicates);
    expect(figures).toHaveLength(3);
    expect(figures.map((f) => f.lost)).toEqual([0, 0, 0]);
    expect(figures.every((f) => f.clicks === PEOPLE.length)).toBe(true);
    // The kills really landed in the middle: some clicks acknowledged, some cut off, in the later two moments.
    expect(figures.slice(1).every((f) => f.acked > 0 && f.acked < f.clicks)).toBe(true);
    expect(result).toEqual({ lost: 0, duplicates: 0 });
    expect(answers).toBe(PEOPLE.length * QUICK.length);
    const states = await storedStates(scope.admin, createKeys(prefix), team, roundId);
    expect([...states.values()].filter((s) => s.status === "completed")).toHaveLength(PEOPLE.length);
  }, 240_000);
});

describe("two replicas, one SIGKILLed in the middle of a burst, the other carrying on", () => {
  const prefix = uniquePrefix("rel-acked2");
  const scope = redisTestScope(prefix);
  let api: FakeSlackApi;
  let replicas: AppProcess[] = [];

  beforeAll(async () => {
    api = await startFakeSlackApi();
    const env = liveEnv(REDIS_URL, prefix, api.apiUrl);
    replicas = await Promise.all([spawnApp(env), spawnApp(env)]);
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) await replica.kill();
    await api?.close();
  });

  it("loses no acknowledged answer of the killed replica's people, who go on at the other one", async () => {
    const [first, second] = replicas;
    if (!first || !second) throw new Error("two replicas");
    let firstAlive = true;
    // As a balancer spreads people: half on each replica, all on the survivor once the first fails its checks.
    const urlOf = (person: string) =>
      `${(firstAlive && PEOPLE.indexOf(person) % 2 === 0 ? first : second).origin}/slack/events`;
    const invitation = await slackPeople(api, () => urlOf(PEOPLE[0] ?? "")).openRound(PEOPLE[0] ?? "", []);
    await Promise.all(
      PEOPLE.slice(1).map((p) => {
        const people = slackPeople(api, () => urlOf(p));
        return people.click(p, invitation, (id) => id.endsWith("join"));
      }),
    );
    await until(() => PEOPLE.every((p) => progressOf(slackPeople(api, () => "").screen(p))?.index === 1), "joins");
    const roundId = roundIdOf(invitation);
    const onFirst = PEOPLE.filter((_, i) => i % 2 === 0);
    const { crowd, figures } = await answerAll(scope.admin, api, urlOf, prefix, roundId, (round) =>
      round === 3
        ? {
            moment: "with half acknowledged",
            people: onFirst,
            run: async () => {
              await first.kill();
              firstAlive = false;
            },
          }
        : undefined,
    );
    const result = await audit(scope.admin, createKeys(prefix), team, roundId, crowd.acked);
    const answers = [...crowd.acked.values()].reduce((n, a) => n + a.size, 0);
    report("two replicas, one SIGKILLed", figures, answers, result.lost, result.duplicates);
    expect(figures).toHaveLength(1);
    expect(figures[0]?.lost).toBe(0);
    expect(figures[0]?.acked).toBeGreaterThan(0);
    expect(result).toEqual({ lost: 0, duplicates: 0 });
    expect(answers).toBe(PEOPLE.length * QUICK.length);
  }, 240_000);
});
