import { Agent, get, type IncomingHttpHeaders } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { quietLogger } from "../flows/harness.js";
import { freePort } from "../reliability/own-redis.js";

let app: RunningApp | undefined;
const METRICS_TOKEN = "metrics-token-0123456789";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("HTTP surface", () => {
  it("serves health, readiness and metrics (behind METRICS_TOKEN)", async () => {
    app = await createApp({ config: readConfig({ METRICS_TOKEN: METRICS_TOKEN }), logger: quietLogger });
    const base = await app.listen(0, "127.0.0.1");
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    await fetch(`${base}/nowhere`);
    const metrics = await (await fetch(`${base}/metrics`, { headers: bearer(METRICS_TOKEN) })).text();
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

  it("keeps /metrics from the public: 404 on PORT unless METRICS_TOKEN is set, then 401 without it", async () => {
    app = await createApp({ config: readConfig({}), logger: quietLogger });
    let base = await app.listen(0, "127.0.0.1");
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    await app.close();

    app = await createApp({ config: readConfig({ METRICS_TOKEN }), logger: quietLogger });
    base = await app.listen(0, "127.0.0.1");
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
    expect(await refused.text()).not.toContain("process_cpu");
    expect((await fetch(`${base}/metrics`, { headers: bearer("metrics-token-012345678X") })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: bearer(METRICS_TOKEN) })).status).toBe(200);
  });

  it("serves /metrics on METRICS_PORT only, not on the public port", async () => {
    const metricsPort = await freePort();
    app = await createApp({ config: readConfig({ METRICS_PORT: String(metricsPort) }), logger: quietLogger });
    const base = await app.listen(0, "127.0.0.1");
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const scraped = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain("process_cpu_seconds_total");
    expect((await fetch(`http://127.0.0.1:${metricsPort}/healthz`)).status).toBe(404);
  });

  it("says not ready (503) while Redis is unreachable, and stays healthy", async () => {
    const client = createRedisClient({ url: "redis://127.0.0.1:1", failFast: true });
    client.on("error", () => {});
    app = await createApp({ config: readConfig({}), logger: quietLogger, store: createRedisStore(client) });
    const base = await app.listen(0, "127.0.0.1");
    const readyz = await fetch(`${base}/readyz`);
    expect(readyz.status).toBe(503);
    expect(await readyz.json()).toMatchObject({ status: "not ready", reasons: ["store unreachable"] });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
