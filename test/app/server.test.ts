import { Agent, get, type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/app/config.js";
import { createApp, type RunningApp } from "../../src/app/create-app.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { quietLogger } from "../flows/harness.js";

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("HTTP surface", () => {
  it("serves health, readiness and metrics", async () => {
    app = await createApp({ config: readConfig({}), logger: quietLogger });
    const base = await app.listen(0, "127.0.0.1");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await fetch(`${base}/nowhere`);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('http_request_duration_seconds_count{route="/healthz",method="GET",status="200"} 1');
    expect(metrics).toContain("assessments_total");
    expect((await fetch(`${base}/slack/events`, { method: "POST" })).status).toBe(404);
  });

  it("keeps idle connections open longer than a load balancer does (65 s), and says so", async () => {
    app = await createApp({ config: readConfig({}), logger: quietLogger });
    const base = await app.listen(0, "127.0.0.1");
    const reply = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true });
      get(`${base}/healthz`, { agent }, (res) => {
        res.resume();
        resolve(res.headers);
        agent.destroy();
      }).on("error", reject);
    });
    expect(reply.connection).toBe("keep-alive");
    expect(reply["keep-alive"]).toBe("timeout=65");
  });

  it("says not ready (503) while Redis is unreachable, and stays healthy", async () => {
    const client = createRedisClient({ url: "redis://127.0.0.1:1", failFast: true });
    client.on("error", () => {});
    app = await createApp({ config: readConfig({}), logger: quietLogger, store: createRedisStore(client) });
    const base = await app.listen(0, "127.0.0.1");
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
