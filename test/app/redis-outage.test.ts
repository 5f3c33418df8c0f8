import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/app/config.js";
import { createApp, type RunningApp } from "../../src/app/create-app.js";
import { createRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { commandFields, TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { FORM, formBody, postSigned } from "../fakes/slack-signing.js";
import { quietLogger } from "../flows/harness.js";

/** Redis is down: the ack still comes at once and the person is told to try again in a moment. */
let api: FakeSlackApi;
let app: RunningApp;
let url: string;

beforeEach(async () => {
  api = await startFakeSlackApi();
  const client = createRedisClient({ url: "redis://127.0.0.1:1", failFast: true });
  client.on("error", () => {});
  const config = readConfig({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: api.apiUrl,
    SLACK_BOT_ID: "B00FAKEBOT03",
    SLACK_BOT_USER_ID: "U00FAKEBOT03",
  });
  app = await createApp({ config, logger: quietLogger, store: createRedisStore(client), cron: false });
  url = `${await app.listen(0, "127.0.0.1")}/slack/events`;
});
afterEach(async () => {
  await app.close().catch(() => undefined);
  await api.close();
});

describe("a Redis outage", () => {
  it("keeps the ack fast and asks the person to try again", async () => {
    const started = Date.now();
    const response = await postSigned(url, {
      secret: TEST_SIGNING_SECRET,
      body: formBody(commandFields(api)),
      contentType: FORM,
    });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect
      .poll(() => JSON.stringify(api.calls().map((c) => c.body)), { timeout: 5000 })
      .toMatch(/try again in a moment/i);
  });
});
