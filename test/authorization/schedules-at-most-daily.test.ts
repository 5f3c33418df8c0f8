import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNudgeRunner } from "../../flows/nudge/nudge-runner.js";
import { teamScheduleSchema } from "../../flows/nudge/nudge-state.js";
import { createPacer } from "../../flows/nudge/pacer.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { DAY_MS } from "../../src/time-units.js";
import { personalChat } from "../adapters/teams/app-harness.js";
import { quietLogger } from "../flows/harness.js";
import { REDIS_URL } from "../store/redis-helpers.js";
import { type AuthWorld, SLACK_CHANNEL, startAuthWorld, TEAM } from "./auth-world.js";

/**
 * Issue 18, rule 4: a channel gets at most one reminder a day, whatever the cadence or cron expression (more
 * frequent ones are refused with an example); anyone may set reminders where there are none, then only whoever set
 * them or an admin may change them; never in a direct conversation. Sent-markers expire with the cadence.
 */
const TOO_OFTEN =
  /fires more than once a day: a channel gets at most one reminder a day\.(\\n| )Try [`“](\/mlops-assess )?schedule cron \\?"0 9 (\\\\)*\* (\\\\)*\* 1\\?" Europe\/Berlin[`”]/;
const NOT_YOURS = "Only the person who set this channel's reminders or an admin can";

let world: AuthWorld;
beforeAll(async () => {
  world = await startAuthWorld({ name: "schedules" });
  world.slack.api.users.set("U0BOSS", { isAdmin: true });
});
afterAll(() => world?.close());

describe("Slack: reminders at most daily, owned by whoever set them", () => {
  it("refuses every-minute and twice-a-day crons before any round exists, with an example, changing nothing", async () => {
    for (const cron of ['"* * * * *" UTC', '"0 9,17 * * *" UTC', '"*/30 * * * 1" Europe/Berlin']) {
      const before = await world.snapshot();
      const mark = world.mark();
      await world.slackCommand("U0MALLORY", `schedule cron ${cron}`);
      expect(world.heardSince(mark), cron).toMatch(TOO_OFTEN);
      expect(await world.snapshot(), cron).toEqual(before);
    }
  });

  it("lets anyone set the first schedule, then refuses changes by others, and lets an admin change it", async () => {
    const team = { platform: "slack" as const, workspace: TEAM, channel: SLACK_CHANNEL };
    const key = createKeys(world.prefix).schedule(team);
    let mark = world.mark();
    await world.slackCommand("U0SETTER", 'schedule cron "0 9 * * 1" UTC');
    expect(world.heardSince(mark)).toContain("I'll remind this channel to reassess");
    expect(teamScheduleSchema.parse(JSON.parse((await world.redis.get(key)) ?? "{}")).setBy).toBe("U0SETTER");

    for (const change of ["schedule off", "schedule weekly tue 10:00 UTC", "pause", "resume nudges"]) {
      const before = await world.snapshot();
      mark = world.mark();
      await world.slackCommand("U0MALLORY", change);
      expect(world.heardSince(mark), change).toContain(NOT_YOURS);
      expect(await world.snapshot(), change).toEqual(before);
    }
    mark = world.mark();
    await world.slackCommand("U0BOSS", "schedule monthly 1 09:00 UTC");
    expect(world.heardSince(mark)).toContain("I'll remind this channel to reassess monthly");
  });

  it("keeps a sent-marker only until the next reminder is due, not for months", async () => {
    const keys = createKeys(world.prefix);
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const store = createRedisStore(client);
    const team = { platform: "slack" as const, workspace: TEAM, channel: SLACK_CHANNEL };
    const schedule = teamScheduleSchema.parse(JSON.parse((await world.redis.get(keys.schedule(team))) ?? "{}"));
    const due = new Date(schedule.nextDueAt);
    const runner = createNudgeRunner({
      store,
      keys,
      model: defaultModel,
      clock: () => new Date(due.getTime() + 1000),
      logger: quietLogger,
      pacer: createPacer({ sleep: async () => {} }),
      notifier: { deliver: async () => {} },
    });
    await runner.tick();
    const markers = await world.redis.keys(`${world.prefix}:*nudge-sent*`);
    expect(markers).toHaveLength(1);
    const ttl = await world.redis.pttl(markers[0] as string);
    // Monthly: the marker lives until the next first of the month (28-31 days), not the old 120 days.
    expect(ttl).toBeGreaterThan(27 * DAY_MS);
    expect(ttl).toBeLessThanOrEqual(31 * DAY_MS);
    await client.quit();
  });
});

describe("Teams: the same rules", () => {
  it("refuses an every-minute cron in the channel and any schedule in a personal chat, changing nothing", async () => {
    let before = await world.snapshot();
    let mark = world.mark();
    expect((await world.teamsSay("erin", 'schedule cron "* * * * *" UTC')).status).toBe(200);
    await world.settle(mark);
    expect(world.heardSince(mark)).toMatch(TOO_OFTEN);
    expect(await world.snapshot()).toEqual(before);

    before = await world.snapshot();
    mark = world.mark();
    expect((await world.teamsSay("erin", "schedule weekly", personalChat("erin"))).status).toBe(200);
    await world.settle(mark);
    expect(world.heardSince(mark)).toContain("This is a direct conversation, not a team's channel");
    expect(await world.snapshot()).toEqual(before);
  });
});
