import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { quietLogger } from "../flows/harness.js";

/**
 * The app as deployed (config -> createApp -> one HTTP server) with its own Redis connection from REDIS_URL, the
 * production path including fail-fast and reconnect, Slack pointed at a loopback fake, Teams on without auth.
 */
export interface LiveApp {
  app: RunningApp;
  api: FakeSlackApi;
  origin: string;
  slackUrl: string;
  teamsUrl: string;
  close(): Promise<void>;
}

/** The env the app reads, Slack at `apiUrl`; shared by the in-process app and the one run as a child process. */
export const liveEnv = (redisUrl: string, keyPrefix: string, apiUrl: string): Record<string, string> => ({
  REDIS_URL: redisUrl,
  KEY_PREFIX: keyPrefix,
  SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_API_URL: apiUrl,
  SLACK_BOT_ID: "B00FAKEBOT03",
  SLACK_BOT_USER_ID: "U00FAKEBOT03",
  TEAMS_ENABLED: "true",
  LOG_LEVEL: "error",
});

export async function startLiveApp(redisUrl: string, keyPrefix: string, clock?: () => Date): Promise<LiveApp> {
  const api = await startFakeSlackApi();
  const app = await createApp({
    config: readConfig(liveEnv(redisUrl, keyPrefix, api.apiUrl)),
    logger: quietLogger,
    ...(clock ? { clock } : {}),
    cron: false,
  });
  const origin = await app.listen(0, "127.0.0.1");
  return {
    app,
    api,
    origin,
    slackUrl: `${origin}/slack/events`,
    teamsUrl: `${origin}/api/messages`,
    async close() {
      await app.close().catch(() => undefined);
      await api.close();
    },
  };
}
