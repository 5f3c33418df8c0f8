import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningApp } from "../../../app/create-app.js";
import type { FakeBotConnector } from "../../fakes/fake-bot-connector.js";
import { teamsPerson as person, startTeamsApp, type TeamsAppRun } from "./app-harness.js";
import { buttonsOf, CHANNEL, recorded } from "./harness.js";

/**
 * Teams over real HTTP: activities in the recorded shapes POSTed to /api/messages, replies landing on a fake Bot
 * Connector on loopback. Two people complete a round by submitting the actions present in the cards the bot sent.
 */
const install = recorded("vercel-chat_installationUpdate_add.json");

let run: TeamsAppRun | undefined;
let connector: FakeBotConnector;
let app: RunningApp;
let url: string;
let post: TeamsAppRun["post"];
let say: TeamsAppRun["say"];
let answerAll: TeamsAppRun["answerAll"];

async function startApp(env: Record<string, string>) {
  run = await startTeamsApp(env);
  ({ connector, app, post, say, answerAll } = run);
  url = `${run.origin}/api/messages`;
}

beforeEach(() => {
  run = undefined;
});
afterEach(async () => {
  await run?.close();
});

describe("Teams end to end", () => {
  it("runs a two-person round from a channel mention to the summary card in the channel", async () => {
    await startApp({
      TEAMS_ENABLED: "true",
      PUBLIC_URL: "https://mlops-assess.example.com",
      CHART_SECRET: "chart-secret-for-tests-only",
    });
    expect((await post({ ...install, serviceUrl: connector.serviceUrl })).status).toBe(200);

    expect((await say("alice", "assess")).status).toBe(200);
    const invitation = connector.calls(CHANNEL).find((c) => JSON.stringify(c.body).includes("Take the assessment"));
    expect(invitation).toBeDefined();
    expect(connector.calls().some((c) => c.method === "create" && c.conversationId === "a:personal-29:alice")).toBe(
      true,
    );
    const join = buttonsOf(invitation?.body).find((b) => b.action?.a === "join");
    expect(join?.type).toBe("Action.Execute");
    expect(join?.fallbackType).toBe("Action.Submit");

    // Bob clicks the invitation with an older client: Action.Submit arrives as a message with `value`.
    const submit = recorded("vercel-chat_channel_teams.json", "channel_post_action");
    await post({
      ...submit,
      serviceUrl: connector.serviceUrl,
      from: person("bob"),
      value: join?.data,
      replyToId: invitation?.body.id,
    });
    expect(connector.calls("a:personal-29:bob").length).toBeGreaterThan(0);

    const aliceDone = await answerAll("alice", 2);
    expect(JSON.stringify(aliceDone)).toContain("Your MLOps maturity");
    await answerAll("bob", 3);
    // The invitation was updated in place (PUT) with who answered.
    expect(connector.calls(CHANNEL).some((c) => c.method === "PUT" && JSON.stringify(c.body).includes("alice"))).toBe(
      true,
    );

    await say("alice", "summary");
    const summary = connector
      .calls(CHANNEL)
      // Titled "as of" today while the round is open.
      .filter((c) => JSON.stringify(c.body).includes(" · as of "))
      .at(-1);
    expect(JSON.stringify(summary?.body)).toContain("Level 2");
    expect(JSON.stringify(summary?.body)).toContain("Team & ownership");
    expect(JSON.stringify(summary?.body.attachments)).not.toMatch(/alice|bob/);
    // The chart as an Image (in the Details card, below the first screen), its signed link served by the app itself.
    const chart = /"type":"Image","url":"([^"]+)"/.exec(JSON.stringify(summary?.body.attachments))?.[1];
    const link = new URL(String(chart));
    expect(link.origin).toBe("https://mlops-assess.example.com");
    const image = await fetch(`${new URL(url).origin}${link.pathname}${link.search}`);
    expect(image.headers.get("content-type")).toBe("image/png");
  });

  it("shows one Not sure as an unrated dimension and a provisional headline, never as level 0", async () => {
    await startApp({ TEAMS_ENABLED: "true" });
    expect((await post({ ...install, serviceUrl: connector.serviceUrl })).status).toBe(200);
    expect((await say("alice", "assess")).status).toBe(200);
    // "Not sure" (the sixth option) on the first question, the most mature option on the other seven.
    const result = JSON.stringify(await answerAll("alice", (i) => (i === 0 ? 5 : 4)));
    expect(result).toContain("Level 4 · Full MLOps automated operations · provisional: 1 dimension unrated");
    // The summary's row: the name, and "?" in the level column.
    expect(result).toContain(
      '"text":"Team & ownership","wrap":true}]},{"type":"Column","width":"auto","items":[{"type":"TextBlock","text":"? not rated"',
    );
    expect(result).toContain("Find out: Team & ownership");
    expect(result).not.toContain("L0");
  });

  it("sends proactive nudges through the stored reference, and a 403 marks the conversation unreachable", async () => {
    await startApp({ TEAMS_ENABLED: "true" });
    expect((await say("alice", "schedule weekly mon 09:00 UTC")).status).toBe(200);
    const before = connector.calls(CHANNEL).length;
    connector.refuse(CHANNEL, 403);
    const reply = {
      message: { kind: "notice" as const, text: "ping", lines: [], buttons: [] },
      delivery: { to: "channel" as const },
    };
    const address = {
      platform: "teams" as const,
      workspace: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
      channel: CHANNEL,
      isDirect: false,
    };
    const notifier = app.notifier;
    await expect(notifier.deliver(address, reply)).rejects.toMatchObject({ reason: "unreachable" });
    await expect(notifier.deliver(address, reply)).rejects.toMatchObject({ reason: "unreachable" });
    expect(connector.calls(CHANNEL).length).toBe(before);
  });

  it("reaches the connector proactively when it accepts", async () => {
    await startApp({ TEAMS_ENABLED: "true" });
    await post({ ...install, serviceUrl: connector.serviceUrl });
    const installConversation = String((install.conversation as { id: string }).id).split(";")[0] ?? "";
    const reply = {
      message: { kind: "notice" as const, text: "Time to reassess", lines: [], buttons: [] },
      delivery: { to: "channel" as const },
    };
    await app.notifier.deliver(
      {
        platform: "teams",
        workspace: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        channel: installConversation,
        isDirect: false,
      },
      reply,
    );
    expect(JSON.stringify(connector.calls(installConversation).at(-1)?.body)).toContain("Time to reassess");
  });

  it("rejects an unauthenticated POST with 401 when an app id is set", async () => {
    await startApp({
      MICROSOFT_APP_ID: "00000000-0000-0000-0000-000000000001",
      MICROSOFT_APP_PASSWORD: "secret-value",
    });
    expect((await say("alice", "help")).status).toBe(401);
  });
});
