import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { createChatWrites } from "../../../adapters/slack/chat-writes.js";
import { keepAliveHttp } from "../../../adapters/slack/keep-alive-fetch.js";
import { slackErrorCode } from "../../../adapters/slack/slack-api.js";
import { type FakeSlackApi, startFakeSlackApi } from "../../fakes/fake-slack-api.js";

const message = {
  text: "Question 1 of 8",
  blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "*Question 1 of 8*" } }],
};

const opened: Array<FakeSlackApi | Server> = [];
afterEach(async () => {
  for (const thing of opened.splice(0)) {
    if ("apiUrl" in thing) await thing.close();
    else {
      thing.closeAllConnections();
      await new Promise((resolve) => thing.close(resolve));
    }
  }
});

async function fake(): Promise<FakeSlackApi> {
  const api = await startFakeSlackApi();
  opened.push(api);
  return api;
}

/** A Web API stand-in that answers each call with the next status of `statuses` (then 200 ok). */
async function flaky(statuses: number[]): Promise<{ apiUrl: string; calls: () => number }> {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    const status = statuses[calls++] ?? 200;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(status === 200 ? JSON.stringify({ ok: true, channel: "C1", ts: "1.2" }) : "upstream trouble");
  });
  opened.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`, calls: () => calls };
}

const waits: number[] = [];
const writes = (apiUrl: string, retries = 0) =>
  createChatWrites({
    token: "xoxb-chat",
    apiUrl,
    retries,
    request: keepAliveHttp({ timeoutMs: 5000 }).request,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });

describe("chat writes posted as JSON", () => {
  it("send the message as Slack's JSON body with the bot token, and return Slack's answer", async () => {
    const api = await fake();
    const result = await writes(api.apiUrl).call("chat.postMessage", { channel: "D1" }, message);
    expect(result).toMatchObject({ ok: true, channel: "D1" });
    const [call] = api.calls("chat.postMessage");
    expect(call?.auth).toBe("Bearer xoxb-chat");
    // The blocks arrive as Block Kit JSON, not as form-encoded text.
    expect(call?.body).toMatchObject({ channel: "D1", text: message.text, blocks: message.blocks });
  });

  it("send text beyond Latin-1 (ticks, ellipses, emoji) byte for byte, as one UTF-8 body", async () => {
    const api = await fake();
    const text = "✓ Choose L2 · Separate groups… 🚀";
    const blocks = [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }];
    await writes(api.apiUrl).call("chat.update", { channel: "D1", ts: "1.2" }, { text, blocks });
    const [call] = api.calls("chat.update");
    expect(call?.body).toMatchObject({ ts: "1.2", text, blocks });
  });

  it("send one message to several places, each body with its own target and the whole message", async () => {
    const api = await fake();
    const chat = writes(api.apiUrl);
    const shared = Object.freeze({ ...message });
    await chat.call("chat.update", { channel: "D1", ts: "1.1" }, shared);
    await chat.call("chat.update", { channel: "D2", ts: "2.2" }, shared);
    await chat.call("chat.postMessage", { channel: "C3", thread_ts: "3.3" }, shared);
    expect(api.calls().map((c) => c.body)).toEqual([
      { channel: "D1", ts: "1.1", ...message },
      { channel: "D2", ts: "2.2", ...message },
      { channel: "C3", thread_ts: "3.3", ...message },
    ]);
  });

  it("turn Slack's refusal into the client's platform error, with Slack's code, and do not retry it", async () => {
    const api = await fake();
    api.fail("chat.update", "message_not_found");
    const failed = writes(api.apiUrl, 3).call("chat.update", { channel: "D1", ts: "1.2" }, message);
    await expect(failed).rejects.toBeInstanceOf(webApi.WebAPIPlatformError);
    expect(slackErrorCode(await failed.catch((e: unknown) => e))).toBe("message_not_found");
    expect(api.calls("chat.update")).toHaveLength(1);
  });

  it("reject a 429 at once with its Retry-After, for the caller to pace", async () => {
    const api = await fake();
    api.rateLimit("chat.postEphemeral", 1, 7);
    const failed = writes(api.apiUrl, 3).call("chat.postEphemeral", { channel: "C1", user: "U1" }, message);
    const error = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(error).toMatchObject({ code: "slack_webapi_rate_limited_error", retryAfter: 7 });
    expect(api.calls("chat.postEphemeral")).toHaveLength(1);
  });

  it("retry HTTP errors with a growing wait, up to the retries allowed", async () => {
    waits.length = 0;
    const slack = await flaky([503, 502]);
    const result = await writes(slack.apiUrl, 2).call("chat.postMessage", { channel: "C1" }, message);
    expect(result).toMatchObject({ ok: true });
    expect(slack.calls()).toBe(3);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(1000);

    const giveUp = await flaky([500, 500, 500]);
    const error = await writes(giveUp.apiUrl, 1)
      .call("chat.postMessage", { channel: "C1" }, message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIHTTPError);
    expect(error).toMatchObject({ statusCode: 500 });
    expect(giveUp.calls()).toBe(2);
  });

  it("report a Web API that cannot be reached as a request error, after its retries", async () => {
    waits.length = 0;
    const gone = await flaky([]);
    const url = gone.apiUrl;
    const server = opened.pop() as Server;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    const error = await writes(url, 1)
      .call("chat.update", { channel: "C1", ts: "1.2" }, message)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
    expect(waits).toHaveLength(1);
  });
});
