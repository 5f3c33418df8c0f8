import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { type SlackAppRun, startSlackApp } from "./slack-app-harness.js";

/** Redis is down: the ack still comes at once and the person is told to try again in a moment. */
let run: SlackAppRun;

beforeEach(async () => {
  const client = createRedisClient({ url: "redis://127.0.0.1:1", failFast: true });
  client.on("error", () => {});
  run = await startSlackApp({ store: createRedisStore(client) });
});
afterEach(() => run.close());

describe("a Redis outage", () => {
  it("keeps the ack fast and asks the person to try again", async () => {
    const started = Date.now();
    const response = await run.command("U0ALICE", "");
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect
      .poll(() => JSON.stringify(run.api.calls().map((c) => c.body)), { timeout: 5000 })
      .toMatch(/try again in a moment/i);
  });
});
