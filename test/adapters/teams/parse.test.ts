import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTeamsActivity } from "../../../adapters/teams/parse.js";
import { type ButtonAction, encodeAction } from "../../../src/chat/actions.js";
import { inboundEventSchema } from "../../../src/chat/inbound.js";
import { CHANNEL, recorded, TENANT, USER_ID } from "./harness.js";

/** Recorded Teams activities, replayed through the parser: each becomes exactly one neutral event, never a throw. */
const mention = () => recorded("vercel-chat_channel_teams.json", "mention");
/** The event half of what the parser reads off an activity (the origin is checked on its own below). */
const eventOf = (body: unknown) => parseTeamsActivity(body).event;
const withText = (text: string, activity = mention()) => eventOf({ ...activity, text });
const commandText = (text: string, activity = mention()) => {
  const event = withText(text, activity);
  return event.kind === "command" ? event.text : `(${event.kind})`;
};
const join: ButtonAction = { a: "join", c: CHANNEL, r: "round-7", m: "deep" };

describe("recorded activities", () => {
  it("parses the channel mention into a command with address, thread, person and time zone", () => {
    expect(eventOf(mention())).toEqual({
      kind: "command",
      text: "Hey",
      address: { platform: "teams", workspace: TENANT, channel: CHANNEL, thread: "1771290107407", isDirect: false },
      user: { id: USER_ID, name: "Test User", timeZone: "America/Los_Angeles" },
      raw: mention(),
    });
  });

  it("reads the origin off the same parse: the validated activity and its conversation reference", () => {
    const { event, origin } = parseTeamsActivity(mention());
    expect(event.kind).toBe("command");
    expect(origin?.activity.serviceUrl).toBe(mention().serviceUrl);
    expect(origin?.reference).toMatchObject({
      workspace: TENANT,
      reference: { serviceUrl: mention().serviceUrl, conversation: { id: CHANNEL, tenantId: TENANT } },
    });
    expect(parseTeamsActivity({ type: 42 })).toMatchObject({ event: { kind: "unsupported" }, origin: undefined });
  });

  it("parses the mention of the actions-reactions recording (no clientInfo, so no time zone)", () => {
    const event = eventOf(recorded("vercel-chat_actions-reactions_teams.json", "mention"));
    expect(event).toMatchObject({ kind: "command", text: "Test", address: { thread: "1767326091220" } });
    expect(event.kind === "command" && event.user.timeZone).toBe(undefined);
  });

  it("parses a 1:1 chat message as a direct command", () => {
    const event = eventOf(recorded("vercel-chat_dm_teams.json", "dmMessage"));
    expect(event).toMatchObject({ kind: "command", text: "Hey", address: { workspace: TENANT, isDirect: true } });
    expect(event.kind === "command" && event.address.channel.startsWith("a:")).toBe(true);
    expect(event.kind === "command" && event.address.thread).toBe(undefined);
  });

  it("parses the other recorded messages of the DM file (in a channel thread)", () => {
    expect(eventOf(recorded("vercel-chat_dm_teams.json", "mention"))).toMatchObject({
      kind: "command",
      text: "Hey",
    });
    expect(eventOf(recorded("vercel-chat_dm_teams.json", "dmRequest"))).toMatchObject({
      kind: "command",
      text: "dm me",
    });
  });

  it.each([
    ["vercel-chat_channel_teams.json", "channel_post_action", "card data that is not ours"],
    ["vercel-chat_actions-reactions_teams.json", "action", "card data that is not ours"],
    ["vercel-chat_actions-reactions_teams.json", "reaction", "activity messageReaction not handled"],
    ["vercel-chat_installationUpdate_add.json", undefined, "activity installationUpdate not handled"],
  ])("leaves %s %s unsupported (%s)", (file, key, reason) => {
    expect(eventOf(recorded(file, key))).toMatchObject({ kind: "unsupported", reason });
  });
});

describe("installs", () => {
  it("reads the bot joining a team as joined, in the team's channel, from the person who added it", () => {
    expect(eventOf(recorded("vercel-chat_conversationUpdate_botAdded_team.json"))).toMatchObject({
      kind: "joined",
      address: { platform: "teams", isDirect: false },
    });
  });

  it("leaves other members joining unsupported", () => {
    const joined = { ...recorded("vercel-chat_conversationUpdate_botAdded_team.json"), membersAdded: [{ id: "29:x" }] };
    expect(eventOf(joined)).toMatchObject({ kind: "unsupported", reason: "activity conversationUpdate not handled" });
  });
});

describe("card buttons", () => {
  it("parses the recorded Action.Submit carrying our data into an action in the channel thread", () => {
    const submit = {
      ...recorded("vercel-chat_channel_teams.json", "channel_post_action"),
      value: { ma: encodeAction(join) },
    };
    expect(eventOf(submit)).toMatchObject({
      kind: "action",
      action: join,
      address: { channel: CHANNEL, thread: "1771290107407", isDirect: false },
      user: { id: USER_ID, timeZone: "America/Los_Angeles" },
    });
  });

  it("parses an adaptiveCard/action invoke (Action.Execute) into an action", () => {
    const { text: _text, value: _value, ...base } = mention();
    const invoke = {
      ...base,
      type: "invoke",
      name: "adaptiveCard/action",
      value: { action: { type: "Action.Execute", verb: "ma", data: { ma: encodeAction(join) } }, trigger: "manual" },
    };
    expect(eventOf(invoke)).toMatchObject({ kind: "action", action: join });
    expect(eventOf({ ...invoke, name: "composeExtension/query" })).toMatchObject({ kind: "unsupported" });
    const submitInInvoke = {
      ...invoke,
      value: { action: { type: "Action.Submit", data: { ma: encodeAction(join) } } },
    };
    expect(eventOf(submitInInvoke)).toMatchObject({ kind: "unsupported" });
  });

  it.each<[string, unknown]>([
    ["data without our key", { actionId: "info" }],
    ["our key with a non-string", { ma: 42 }],
  ])("leaves %s unsupported", (_, value) => {
    const submit = { ...recorded("vercel-chat_channel_teams.json", "channel_post_action"), value };
    expect(eventOf(submit).kind).toBe("unsupported");
  });

  it.each<[string, unknown]>([
    ["something that is not an action", { ma: '{"a":"drop-tables"}' }],
    ["an action with an oversized id", { ma: encodeAction({ ...join, c: "x".repeat(129) } as ButtonAction) }],
  ])("turns our key with %s into an expired click by that person", (_, value) => {
    const submit = { ...recorded("vercel-chat_channel_teams.json", "channel_post_action"), value };
    expect(eventOf(submit)).toMatchObject({ kind: "expired", user: { id: USER_ID } });
  });
});

describe("command text", () => {
  it.each([
    ["<at>Chat SDK Demo</at> assess deep", "assess deep"],
    ["<at>Chat SDK Demo</at>", ""],
    ["<at>Chat SDK Demo</at> /mlops-assess start quick", "start quick"],
    ["<at>Chat SDK Demo</at> mlops-assess status", "status"],
    ["<at>Chat SDK Demo</at> MLOps-Assess   target\u00a0 3", "target 3"],
    ["<at>Chat SDK Demo</at> mlops-assessment", "mlops-assessment"],
    ["history <at>Chat SDK Demo</at>", "history"],
    ["<at>Someone Else</at> summary", "summary"],
  ])("%j -> %j", (text, expected) => {
    expect(commandText(text)).toBe(expected);
  });

  it("keeps other people's mentions after the command words (only the bot's is removed)", () => {
    expect(commandText("<at>Chat SDK Demo</at> help <at>Jane</at>")).toBe("help <at>Jane</at>");
  });

  it("passes 1:1 chat text through unchanged, trimmed", () => {
    expect(commandText("  resume  ", recorded("vercel-chat_dm_teams.json", "dmMessage"))).toBe("resume");
  });

  it("cuts text to the neutral limit", () => {
    expect(commandText(`help ${"x".repeat(5000)}`)).toHaveLength(4000);
  });
});

describe("robustness", () => {
  it("drops a time zone the runtime does not know instead of the event", () => {
    const event = eventOf({ ...mention(), entities: [], localTimezone: "Mars/Olympus_Mons" });
    expect(event).toMatchObject({ kind: "command" });
    expect(event.kind === "command" && event.user.timeZone).toBe(undefined);
  });

  it("falls back to localTimezone without clientInfo, and to conversation.tenantId without channelData", () => {
    const { channelData: _channelData, ...bare } = mention();
    const event = eventOf({ ...bare, entities: [], localTimezone: "Europe/Berlin" });
    expect(event).toMatchObject({
      kind: "command",
      address: { workspace: TENANT },
      user: { timeZone: "Europe/Berlin" },
    });
  });

  it("leaves an activity without tenant or sender unsupported", () => {
    const { channelData: _c, conversation, ...bare } = mention();
    const noTenant = { ...bare, conversation: { ...(conversation as object), tenantId: undefined } };
    expect(eventOf(noTenant)).toMatchObject({ kind: "unsupported" });
    expect(eventOf({ ...mention(), from: undefined })).toMatchObject({ kind: "unsupported" });
  });

  it("never throws and always returns a valid neutral event, whatever arrives", () => {
    const activityLike = fc.record(
      {
        type: fc.constantFrom("message", "invoke", "typing", "messageReaction"),
        name: fc.constantFrom("adaptiveCard/action", "x"),
        text: fc.string(),
        value: fc.anything(),
        conversation: fc.record({ id: fc.string(), conversationType: fc.string() }, { requiredKeys: [] }),
        from: fc.record({ id: fc.string(), name: fc.string() }, { requiredKeys: [] }),
        channelData: fc.anything(),
        entities: fc.array(fc.anything()),
        localTimezone: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), activityLike), (body) => {
        expect(inboundEventSchema.safeParse(eventOf(body)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
