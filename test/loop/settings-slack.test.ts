import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamScheduleSchema } from "../../flows/nudge/nudge-state.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { deleteKeys, uniquePrefix } from "../store/redis-helpers.js";
import { type SlackLoop, screenOf, startSlackLoop } from "./slack-loop.js";

/** The settings form on Slack: a modal pre-filled from what is stored, checked field by field, saved as typed. */
const prefix = uniquePrefix("settings-slack");
let loop: SlackLoop;
const keys = createKeys(prefix);

beforeAll(async () => {
  loop = await startSlackLoop(prefix);
});
afterAll(async () => {
  await deleteKeys(loop.redis, prefix);
  await loop.close();
});

type Element = { type: string; initial_option?: { value: string }; initial_time?: string; initial_value?: string };
const fieldsOf = (view: unknown) =>
  Object.fromEntries(
    (view as { blocks: { block_id?: string; element?: Element }[] }).blocks
      .filter((b) => b.element)
      .map((b) => [b.block_id, b.element as Element]),
  );

describe("settings in a Slack modal", () => {
  it("opens pre-filled, puts a bad time zone's error next to the field, and saves what the typed commands save", async () => {
    const { run } = loop;
    await loop.say("ann", "schedule monthly 15 08:30 Europe/Berlin");
    await loop.say("ann", "target 3");
    await loop.say("ann", "settings");
    const opened = run.api.calls("views.open").at(-1);
    expect(opened?.body.trigger_id).toBeTruthy();
    const fields = fieldsOf(opened?.body.view);
    expect(fields.cadence).toMatchObject({ type: "static_select", initial_option: { value: "monthly" } });
    expect(fields.day).toMatchObject({ type: "static_select", initial_option: { value: "15" } });
    expect(fields.time).toMatchObject({ type: "timepicker", initial_time: "08:30" });
    expect(fields.zone).toMatchObject({ type: "plain_text_input", initial_value: "Europe/Berlin" });
    expect(fields.target).toMatchObject({ initial_option: { value: "3" } });
    expect(fields.privacy).toMatchObject({ initial_option: { value: "confidential" } });

    const values = {
      cadence: "weekly",
      day: "tue",
      time: "09:30",
      zone: "Mars/Olympus",
      target: "3",
      privacy: "confidential",
    };
    const refused = await loop.submit("ann", opened, values);
    const body = JSON.parse(refused.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["zone"]);
    expect(body.errors.zone).toMatch(/time zone/);
    const store = createRedisStore(loop.redis);
    const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
    expect((await store.get(keys.schedule(team), teamScheduleSchema))?.cadence.kind).toBe("monthly");

    // A day that does not fit the cadence is refused next to the day.
    const wrongDay = await loop.submit("ann", opened, { ...values, zone: "Europe/Berlin", day: "15" });
    expect(JSON.parse(wrongDay.text).errors).toEqual({ day: "Weekly reminders need a weekday" });

    // A valid submission saves exactly what `schedule weekly tue 09:30 Europe/Berlin` saves, said in the channel.
    const saved = await loop.submit("ann", opened, { ...values, zone: "Europe/Berlin", target: "2" });
    expect(saved.text).toBe("");
    const fromForm = await store.get(keys.schedule(team), teamScheduleSchema);
    const posted = run.api
      .calls("chat.postMessage")
      .filter((c) => c.body.channel === CHANNEL)
      .map(screenOf);
    expect(posted.join("\n")).toContain("I'll remind this channel to reassess every Tuesday at 09:30 (Europe/Berlin).");
    expect(posted.join("\n")).toContain("Target set to Level 2");
    await loop.say("ann", "schedule weekly tue 09:30 Europe/Berlin");
    const typed = await store.get(keys.schedule(team), teamScheduleSchema);
    // The typed command also knows the channel's name, which a modal's submission does not carry.
    expect(fromForm).toEqual(typed && { ...typed, address: { ...typed.address, name: undefined } });
  });

  // The refusal is issue 18's rule for schedules (whoever set them), reached through the registry, not the form.
  it("runs the typed commands' permission checks: someone who may not change the schedule changes nothing", async () => {
    const { run } = loop;
    await loop.say("ann", "start");
    await loop.say("ben", "settings");
    const opened = run.api.calls("views.open").at(-1);
    const ephemerals = run.api.calls("chat.postEphemeral").length;
    const result = await loop.submit("ben", opened, {
      cadence: "quarterly",
      day: "1",
      time: "10:00",
      zone: "UTC",
      target: "2",
      privacy: "confidential",
    });
    expect(result.text).toBe("");
    const refusals = run.api.calls("chat.postEphemeral").slice(ephemerals).map(screenOf);
    expect(refusals.join("\n")).toContain(
      "Only the person who set this channel's reminders or an admin can change the schedule",
    );
    const store = createRedisStore(loop.redis);
    const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };
    expect((await store.get(keys.schedule(team), teamScheduleSchema))?.cadence.kind).toBe("weekly");
  });
});
