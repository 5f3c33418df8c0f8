import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { boltLogger } from "../../../adapters/slack/bolt-logger.js";
import { keepAliveHttp } from "../../../adapters/slack/keep-alive-fetch.js";
import { createSlackApi } from "../../../adapters/slack/slack-api.js";
import { recordingLogger } from "../../fakes/recording-logger.js";

/** A loopback server that counts the connections it was opened on and the requests it got. */
async function serve(
  handler: RequestListener,
): Promise<{ url: string; connections: () => number; requests: () => number }> {
  let connections = 0;
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    handler(req, res);
  });
  server.on("connection", () => connections++);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, connections: () => connections, requests: () => requests };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const slackOk: RequestListener = (req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, channel: "C1", ts: "1700000000.000001" }));
  });
};

const message = { text: "hi", blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "hi" } }] };
const api = (url: string) =>
  createSlackApi({ token: "xoxb-test", apiUrl: `${url}/api/`, retries: 0, logger: boltLogger(recordingLogger()) });

describe("the Web API client's fetch", () => {
  it("sends a run of Web API calls over one kept-alive connection", async () => {
    const slack = await serve(slackOk);
    const client = api(slack.url);
    for (let i = 0; i < 20; i++) await client.postMessage("C1", message);
    expect(slack.requests()).toBe(20);
    expect(slack.connections()).toBe(1);
  });

  it("refuses a redirect instead of following it", async () => {
    const elsewhere = await serve(slackOk);
    const slack = await serve((req, res) => {
      req.resume();
      res.writeHead(302, { location: `${elsewhere.url}/api/chat.postMessage` }).end();
    });
    await expect(api(slack.url).postMessage("C1", message)).rejects.toThrow(/redirect/);
    expect(elsewhere.requests()).toBe(0);
  });

  it("gives up on a call Slack never answers, after its time limit", async () => {
    const slack = await serve((req) => req.resume());
    const started = Date.now();
    const call = keepAliveHttp({ timeoutMs: 300 }).fetch(`${slack.url}/api/chat.postMessage`, {
      method: "POST",
      body: "channel=C1",
    });
    await expect(call).rejects.toThrow(/timed out after 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("gives up sooner when the caller's signal aborts", async () => {
    const slack = await serve((req) => req.resume());
    const started = Date.now();
    const call = keepAliveHttp({ timeoutMs: 60_000 }).fetch(`${slack.url}/api/chat.postMessage`, {
      method: "POST",
      body: "channel=C1",
      signal: AbortSignal.timeout(200),
    });
    await expect(call).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("passes Slack's status and headers through, so rate limits are seen", async () => {
    const slack = await serve((req, res) => {
      req.resume();
      res.writeHead(429, { "retry-after": "7", "content-type": "application/json" }).end('{"ok":false}');
    });
    const response = await keepAliveHttp({ timeoutMs: 5000 }).fetch(`${slack.url}/api/chat.postMessage`, {
      method: "POST",
      body: "x=1",
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.json()).toEqual({ ok: false });
  });
});
