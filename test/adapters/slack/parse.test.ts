import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSlackPayload } from "../../../adapters/slack/parse.js";
import { type ButtonAction, encodeAction } from "../../../src/chat/actions.js";
import { buttonClick, directMessage, fixture, jsonFixture } from "./harness.js";

/** The event half of what the parser reads off a payload (the origin is checked on its own below). */
const eventOf = (body: unknown) => parseSlackPayload(body).event;

/** Every recorded Slack payload in fixtures/ goes through the parser; ours become events, the rest `unsupported`. */
const slash = jsonFixture("vercel-chat_slash-commands_slack.json");
const modals = jsonFixture("vercel-chat_modals_slack.json");
const reactions = jsonFixture("vercel-chat_actions-reactions_slack.json");
const answer: ButtonAction = { a: "answer", c: "C00FAKECHAN2", r: "round-1", q: "monitoring", v: "3" };

const withOurButton = (recorded: unknown, value: string, actionId = "ma:answer:3") => {
  const payload = structuredClone(recorded) as { actions: Array<Record<string, unknown>> };
  payload.actions = [{ ...payload.actions[0], action_id: actionId, value }];
  return payload;
};

describe("parseSlackPayload: slash commands", () => {
  it("reads a recorded slash command: text, channel, user, workspace", () => {
    expect(eventOf(slash.slashCommandWithArgs)).toEqual({
      kind: "command",
      text: "some arguments here",
      address: {
        platform: "slack",
        workspace: "T00FAKE00BB",
        channel: "C00FAKECHAN3",
        isDirect: false,
        name: "#support-agent-dev",
      },
      user: { id: "U00FAKEUSER2", name: "testuser" },
      raw: slash.slashCommandWithArgs,
    });
    expect(eventOf(slash.slashCommand)).toMatchObject({ kind: "command", text: "" });
  });

  it("names the channel as people write it, and no conversation Slack names only by a placeholder", () => {
    const named = (channel_name: string) => eventOf({ ...(slash.slashCommand as object), channel_name });
    expect(named("ml-platform")).toMatchObject({ address: { name: "#ml-platform" } });
    for (const placeholder of ["directmessage", "privategroup", "mpdm-ann--bob--carl-1"]) {
      expect(named(placeholder), placeholder).toMatchObject({
        address: expect.not.objectContaining({ name: expect.anything() }),
      });
    }
    // A name must not smuggle in the private-use characters that mark tokens in outbound text, nor run long.
    expect(named(`a\uE002C1\uE003b${"x".repeat(200)}`)).toMatchObject({
      address: { name: expect.stringMatching(/^#aC1bx+…$/) },
    });
    expect(
      (eventOf({ ...(slash.slashCommand as object), channel_name: "x".repeat(200) }) as { address: { name: string } })
        .address.name,
    ).toHaveLength(100);
  });

  it("reads Slack's signed test vector (a private channel G…, not a DM)", () => {
    const fields = Object.fromEntries(new URLSearchParams(fixture("bolt-js_slash-command_signed-test-vector.form")));
    expect(eventOf(fields)).toMatchObject({
      kind: "command",
      address: { workspace: "T1DC2JH3J", channel: "G8PSS9T3V", isDirect: false },
      user: { id: "U2CERLKJA", name: "roadrunner" },
    });
  });

  it("marks a command in a DM (channel D…) as direct", () => {
    const inDm = { ...(slash.slashCommand as object), channel_id: "D00FAKEDM001" };
    expect(eventOf(inDm)).toMatchObject({ address: { channel: "D00FAKEDM001", isDirect: true } });
  });

  it("keeps team_id as the workspace on an Enterprise Grid install", () => {
    const grid = { ...(slash.slashCommand as object), enterprise_id: "E0GRID", is_enterprise_install: "true" };
    expect(eventOf(grid)).toMatchObject({ address: { workspace: "T00FAKE00BB" } });
  });
});

describe("parseSlackPayload: button clicks", () => {
  it("turns a click on one of our buttons into the action it carries, in the clicked message's thread", () => {
    const payload = withOurButton(modals.action, encodeAction(answer));
    expect(eventOf(payload)).toEqual({
      kind: "action",
      action: answer,
      address: {
        platform: "slack",
        workspace: "T00FAKE00BB",
        channel: "C00FAKECHAN2",
        thread: "1769220155.940449",
        isDirect: false,
        name: "#spam-report-formatting",
      },
      user: { id: "U00FAKEUSER2", name: "jane.smith" },
      raw: payload,
    });
  });

  it("reads a click on an ephemeral message (no `message` in the payload)", () => {
    const payload = withOurButton(modals.ephemeralAction, encodeAction(answer));
    expect(eventOf(payload)).toMatchObject({
      kind: "action",
      address: { channel: "C00FAKECHAN3", name: "#support-agent-dev" },
    });
  });

  it("names a click's channel from the payload's channel, not a DM's placeholder", () => {
    const inDm = withOurButton(reactions.action, encodeAction(answer)) as Record<string, unknown>;
    inDm.channel = { id: "D00FAKEDM001", name: "directmessage" };
    inDm.container = { ...(inDm.container as object), channel_id: "D00FAKEDM001" };
    expect(eventOf(withOurButton(reactions.action, encodeAction(answer)))).toMatchObject({
      address: { name: "#chat-sdk" },
    });
    expect(eventOf(inDm)).toMatchObject({ address: { isDirect: true } });
    expect(eventOf(inDm)).toMatchObject({ address: expect.not.objectContaining({ name: expect.anything() }) });
  });

  it("places a click in the Home tab in the person's DM with the app", () => {
    const payload = { ...buttonClick(answer), container: { type: "view", view_id: "V1" } };
    expect(eventOf(payload)).toMatchObject({
      kind: "action",
      address: { channel: "U00FAKEUSER2", isDirect: true },
    });
  });

  it.each([
    ["recorded button with another app's action id", reactions.action],
    ["recorded static_select", reactions.staticSelectAction],
    ["recorded radio_buttons", reactions.radioButtonsAction],
    ["recorded button that opens a modal", modals.action],
    ["recorded button on an ephemeral message", modals.ephemeralAction],
    ["a valid value under another action id", withOurButton(modals.action, encodeAction(answer), "info")],
  ])("ignores %s", (_, payload) => {
    expect(eventOf(payload).kind).toBe("unsupported");
  });

  it.each([
    ["an undecodable value", withOurButton(modals.action, "not json")],
    ["a value that is not an action", withOurButton(modals.action, '{"a":"drop-tables"}')],
    ["no value", withOurButton(modals.action, "")],
  ])("turns a click on our action id with %s into an expired click by that person, there", (_, payload) => {
    expect(eventOf(payload)).toMatchObject({
      kind: "expired",
      address: { workspace: "T00FAKE00BB", channel: "C00FAKECHAN2" },
      user: { id: "U00FAKEUSER2" },
    });
  });
});

describe("parseSlackPayload: events", () => {
  it("turns the recorded app_home_opened into a home event in the person's DM", () => {
    const body = jsonFixture("vercel-chat_event_callback_app_home_opened.json");
    expect(eventOf(body)).toEqual({
      kind: "home",
      address: { platform: "slack", workspace: "T00FAKE00AA", channel: "D00FAKEDM001", isDirect: true },
      user: { id: "U00FAKEUSER1" },
      raw: body,
    });
  });

  it("turns the app's own bot user joining a channel into joined, there, by whoever added it; ignores anyone else", () => {
    // Shape per Slack's "member_joined_channel" event docs; `authorizations` names the bot user it is delivered to.
    const joined = (user: string) => ({
      type: "event_callback",
      team_id: "T00FAKE00AA",
      event_id: "Ev00JOIN",
      authorizations: [{ user_id: "U00FAKEBOT1", is_bot: true }],
      event: { type: "member_joined_channel", user, channel: "C00FAKECHAN1", inviter: "U00FAKEUSER1" },
    });
    expect(eventOf(joined("U00FAKEBOT1"))).toMatchObject({
      kind: "joined",
      address: { platform: "slack", workspace: "T00FAKE00AA", channel: "C00FAKECHAN1", isDirect: false },
      user: { id: "U00FAKEUSER1" },
    });
    expect(eventOf(joined("U00FAKEUSER2"))).toMatchObject({ kind: "unsupported" });
  });

  it("turns a person's DM to the app into text", () => {
    expect(eventOf(directMessage("https://example.com/runbook"))).toMatchObject({
      kind: "text",
      text: "https://example.com/runbook",
      address: { channel: "D00FAKEDM001", isDirect: true },
      user: { id: "U00FAKEUSER2" },
    });
  });

  it("ignores bot messages and message subtypes in the DM", () => {
    expect(eventOf(directMessage("hi", { bot_id: "B00FAKEBOT03" })).kind).toBe("unsupported");
    expect(eventOf(directMessage("hi", { subtype: "message_changed" })).kind).toBe("unsupported");
  });

  it.each([
    ["recorded app_mention", reactions.mention],
    ["recorded app_mention with blocks", modals.mention],
    ["recorded reaction_added", reactions.reaction],
    ["recorded view_submission", modals.viewSubmission],
    ["recorded view_submission from a slash command", slash.viewSubmission],
    ["recorded view_submission from an ephemeral message", modals.ephemeralViewSubmission],
    ["url_verification", jsonFixture("python-slack-events-api_url_challenge.json")],
  ])("ignores %s", (_, payload) => {
    expect(eventOf(payload).kind).toBe("unsupported");
  });
});

describe("parseSlackPayload: where the replies go, read off the same parse", () => {
  it("keeps a command's response_url, a clicked message and where in the Home tab the person was", () => {
    const command = parseSlackPayload({ ...(slash.slashCommand as object), response_url: "https://hooks.slack/x" });
    expect(command.origin).toEqual({
      address: command.event.kind === "command" ? command.event.address : undefined,
      userId: "U00FAKEUSER2",
      responseUrl: "https://hooks.slack/x",
      // The trigger lets a reply open a modal (settings).
      triggerId: (slash.slashCommand as { trigger_id: string }).trigger_id,
    });
    const click = parseSlackPayload(withOurButton(modals.action, encodeAction(answer)));
    expect(click.origin?.clicked).toMatchObject({ channel: "C00FAKECHAN2", ephemeral: false });
    const inHome = parseSlackPayload({ ...buttonClick(answer), container: { type: "view", view_id: "V1" } });
    expect(inHome.origin).toMatchObject({ home: "clicked" });
    expect(inHome.origin?.clicked).toBeUndefined();
    expect(parseSlackPayload(jsonFixture("vercel-chat_event_callback_app_home_opened.json")).origin).toMatchObject({
      home: "opened",
    });
    expect(parseSlackPayload({ type: "view_submission" })).toEqual({
      event: expect.objectContaining({ kind: "unsupported" }),
    });
  });
});

describe("parseSlackPayload never throws", () => {
  it.each([
    null,
    undefined,
    42,
    "payload",
    [],
    {},
    { type: "block_actions" },
    { type: "event_callback", event: null },
    { command: "/mlops-assess" },
  ])("%j is unsupported", (payload) => {
    expect(eventOf(payload).kind).toBe("unsupported");
  });

  it("says which kind of payload was malformed, for the log", () => {
    expect(eventOf({ command: "/mlops-assess", text: "status" })).toMatchObject({
      reason: expect.stringMatching(/^invalid command payload/),
    });
    expect(eventOf({ type: "block_actions", actions: "none" })).toMatchObject({
      reason: expect.stringMatching(/^invalid block_actions payload/),
    });
  });

  it("holds for any JSON value, and for recorded payloads with any field replaced", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => eventOf(value)).not.toThrow();
      }),
    );
    const recorded = [
      slash.slashCommand,
      modals.action,
      jsonFixture("vercel-chat_event_callback_app_home_opened.json"),
    ];
    fc.assert(
      fc.property(fc.constantFrom(...recorded), fc.string(), fc.jsonValue(), (payload, key, value) => {
        const mutated = { ...(payload as object), [key]: value };
        expect(() => eventOf(mutated)).not.toThrow();
      }),
    );
  });
});
