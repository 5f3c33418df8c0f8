import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../../src/app/config.js";
import { createApp, type RunningApp } from "../../../src/app/create-app.js";
import { decodeAction } from "../../../src/chat/actions.js";
import { createMemoryStore } from "../../../src/store/memory-store.js";
import { type ConnectorCall, type FakeBotConnector, startFakeBotConnector } from "../../fakes/fake-bot-connector.js";
import { quietLogger } from "../../flows/harness.js";

/**
 * Teams over real HTTP: activities in the recorded shapes POSTed to /api/messages, replies landing on a fake Bot
 * Connector on loopback. Two people complete a round by submitting the actions present in the cards the bot sent.
 */
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
const channelMention = fixture("vercel-chat_channel_teams.json").mention as Record<string, unknown>;
const install = fixture("vercel-chat_installationUpdate_add.json") as unknown as Record<string, unknown>;
const CHANNEL = "19:d441d38c655c47a085215b2726e76927@thread.tacv2";

let connector: FakeBotConnector;
let app: RunningApp;
let url: string;

async function startApp(env: Record<string, string>) {
  app = await createApp({
    config: readConfig(env),
    logger: process.env.DEBUG_TEAMS ? { ...quietLogger, warn: console.log, error: console.log } : quietLogger,
    store: createMemoryStore(),
    cron: false,
  });
  url = `${await app.listen(0, "127.0.0.1")}/api/messages`;
}

beforeEach(async () => {
  connector = await startFakeBotConnector();
});
afterEach(async () => {
  await app.close();
  await connector.close();
});

const post = (activity: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
const person = (id: string) => ({ id: `29:${id}`, name: id });

/** A channel message "@bot <text>" from someone, in the recorded shape. */
const say = (who: string, text: string) =>
  post({
    ...channelMention,
    serviceUrl: connector.serviceUrl,
    from: person(who),
    text: `<at>MLOps Assess</at> ${text}`,
    id: `m-${Date.now()}`,
  });

type CardAction = { type: string; title: string; data?: { ma?: string }; fallback?: { type: string } };
function cardActions(call: ConnectorCall | Record<string, unknown> | undefined): CardAction[] {
  const body = (call && "body" in call ? call.body : call) as { attachments?: { content: unknown }[] } | undefined;
  const found: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (typeof o.type === "string" && o.type.startsWith("Action.") && o.data) found.push(o as unknown as CardAction);
      else Object.values(o).forEach(walk);
    }
  };
  walk(body?.attachments?.map((a) => a.content) ?? body);
  return found;
}

/** Answer every question in the person's 1:1 chat through adaptiveCard/action invokes (the card updates in place). */
async function answerAll(who: string, optionIndex: number) {
  const conversationId = `a:personal-29:${who}`;
  let card: unknown = connector.calls(conversationId).at(-1);
  for (let i = 0; i < 12; i++) {
    const actions = cardActions(card as ConnectorCall);
    const answer = actions.filter((a) => decodeAction(a.data?.ma)?.a === "answer")[optionIndex];
    if (!answer) return card;
    const response = await post({
      type: "invoke",
      name: "adaptiveCard/action",
      id: `inv-${who}-${i}`,
      channelId: "msteams",
      serviceUrl: connector.serviceUrl,
      from: person(who),
      recipient: channelMention.recipient,
      conversation: {
        id: conversationId,
        conversationType: "personal",
        tenantId: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
      },
      channelData: { tenant: { id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890" } },
      value: { action: { type: "Action.Execute", verb: "ma", data: answer.data }, trigger: "manual" },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { type: string; value: unknown };
    expect(body.type).toBe("application/vnd.microsoft.card.adaptive");
    card = { attachments: [{ content: body.value }] };
  }
  return card;
}

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
    const join = cardActions(invitation).find((a) => decodeAction(a.data?.ma)?.a === "join");
    expect(join?.type).toBe("Action.Execute");
    expect(join?.fallback?.type).toBe("Action.Submit");

    // Bob clicks the invitation with an older client: Action.Submit arrives as a message with `value`.
    const submit = fixture("vercel-chat_channel_teams.json").channel_post_action as Record<string, unknown>;
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
      .filter((c) => JSON.stringify(c.body).includes("Team MLOps maturity"))
      .at(-1);
    expect(JSON.stringify(summary?.body)).toContain("Level 2");
    expect(JSON.stringify(summary?.body)).toContain("Team & ownership");
    expect(JSON.stringify(summary?.body.attachments)).not.toMatch(/alice|bob/);
    // The chart as an Image, its signed link served by the app itself.
    const attachments = summary?.body.attachments as { content: { body: { type: string; url?: string }[] } }[];
    const chart = attachments[0]?.content.body.find((e) => e.type === "Image");
    const link = new URL(String(chart?.url));
    expect(link.origin).toBe("https://mlops-assess.example.com");
    const image = await fetch(`${new URL(url).origin}${link.pathname}${link.search}`);
    expect(image.headers.get("content-type")).toBe("image/png");
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
