import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamScheduleSchema } from "../../flows/nudge/nudge-state.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { CHANNEL, TENANT } from "../adapters/teams/harness.js";
import { deleteKeys, uniquePrefix } from "../store/redis-helpers.js";
import { cardText, personalChat, startTeamsLoop, type TeamsLoop } from "./teams-loop.js";

/** The settings form on Teams: an Adaptive Card with inputs, saved with Action.Execute, checked field by field. */
const prefix = uniquePrefix("settings-teams");
let loop: TeamsLoop;
const keys = createKeys(prefix);

beforeAll(async () => {
  loop = await startTeamsLoop(prefix);
});
afterAll(async () => {
  await deleteKeys(loop.redis, prefix);
  await loop.close();
});

type Card = { attachments: { content: { body: { type: string; id?: string; value?: string }[] } }[] };

describe("settings in a Teams card", () => {
  it("shows the inputs pre-filled, refuses a bad time zone beside the field, saves what the typed command saves", async () => {
    await loop.say("ann", "schedule biweekly thu 14:00 America/New_York");
    await loop.say("ann", "settings");
    const form = loop.cards(personalChat("ann")).at(-1) as Card;
    const inputs = Object.fromEntries(
      (form.attachments[0]?.content.body ?? []).filter((e) => e.type.startsWith("Input.")).map((e) => [e.id, e]),
    );
    expect(inputs.cadence).toMatchObject({ type: "Input.ChoiceSet", value: "biweekly" });
    expect(inputs.day).toMatchObject({ type: "Input.ChoiceSet", value: "thu" });
    expect(inputs.time).toMatchObject({ type: "Input.Time", value: "14:00" });
    expect(inputs.zone).toMatchObject({ type: "Input.Text", value: "America/New_York" });
    expect(inputs.privacy).toMatchObject({ type: "Input.ChoiceSet", value: "confidential" });

    const values = { cadence: "weekly", day: "tue", time: "09:30", zone: "Not/AZone", privacy: "confidential" };
    const refused = await loop.click("ann", personalChat("ann"), form, "Save", values);
    expect(cardText(refused)).toContain("Nothing was saved");
    // The error stands right under the time zone input, and nowhere else.
    const body = (refused as Card).attachments[0]?.content.body ?? [];
    const zone = body.findIndex((e) => e.id === "zone");
    expect(body[zone + 1]).toMatchObject({ type: "TextBlock", color: "Attention" });
    expect(JSON.stringify(body[zone + 1])).toContain("Not a time zone I know");
    expect(body.filter((e) => (e as { color?: string }).color === "Attention")).toHaveLength(2);

    await loop.click("ann", personalChat("ann"), form, "Save", { ...values, zone: "Europe/Berlin" });
    expect(cardText(loop.cards(CHANNEL).at(-1))).toContain(
      "I'll remind this channel to reassess every Tuesday at 09:30 (Europe/Berlin).",
    );
    const store = createRedisStore(loop.redis);
    const team = { platform: "teams" as const, workspace: TENANT, channel: CHANNEL };
    const fromForm = await store.get(keys.schedule(team), teamScheduleSchema);
    await loop.say("ann", "schedule weekly tue 09:30 Europe/Berlin");
    // The same schedule; the typed command remembers the thread it was typed in and the channel's name (which the
    // form's submission does not carry), the form the channel itself.
    const typed = await store.get(keys.schedule(team), teamScheduleSchema);
    expect(typed && { ...typed, address: { ...typed.address, thread: undefined, name: undefined } }).toEqual(
      fromForm && { ...fromForm, address: { ...fromForm.address, thread: undefined } },
    );
  });
});
