import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { recordingLogger } from "../fakes/recording-logger.js";
import { freePort } from "../reliability/own-redis.js";

/**
 * Readiness as an operator meets it: one log line per platform at start-up saying what the platform made of the
 * credentials, and /readyz 503 with the reason while they are known bad.
 */
let app: RunningApp | undefined;
let api: FakeSlackApi | undefined;
afterEach(async () => {
  await app?.close();
  await api?.close();
  app = undefined;
  api = undefined;
});

const slackEnv = (apiUrl: string) => ({
  SLACK_SIGNING_SECRET: "readiness-signing-secret",
  SLACK_BOT_TOKEN: "xoxb-readiness",
  SLACK_API_URL: apiUrl,
});

async function start(env: Record<string, string>) {
  const logger = recordingLogger();
  app = await createApp({ config: readConfig(env), logger, store: createMemoryStore(), cron: false });
  const base = await app.listen(0, "127.0.0.1");
  const readyz = async () => {
    const response = await fetch(`${base}/readyz`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const said = (platform: string) =>
    logger.lines.filter((l) => (l.fields as { platform?: string }).platform === platform);
  return { readyz, said };
}

describe("readiness tells the truth about the platforms' credentials", () => {
  it("Slack accepting the token: auth.test at start-up, one info line naming the bot, ready", async () => {
    api = await startFakeSlackApi();
    const { readyz, said } = await start(slackEnv(api.apiUrl));
    expect(api.calls("auth.test")).toHaveLength(1);
    expect(api.calls("auth.test")[0]?.auth).toBe("Bearer xoxb-readiness");
    expect(said("slack").map((l) => [l.level, l.message])).toEqual([
      ["info", "Slack: credentials verified: bot user U00FAKEBOT01 (B00FAKEBOT01) in workspace T00FAKE00AA"],
    ]);
    expect(await readyz()).toEqual({
      status: 200,
      body: { status: "ready", reasons: [], platforms: { Slack: expect.stringMatching(/^verified/) } },
    });
  });

  it("Slack refusing the token (invalid_auth): one error line, /readyz 503 with the reason", async () => {
    api = await startFakeSlackApi();
    api.fail("auth.test", "invalid_auth", 10);
    const { readyz, said } = await start(slackEnv(api.apiUrl));
    expect(said("slack").map((l) => [l.level, l.message])).toEqual([
      ["error", "Slack: credentials refused (invalid_auth); /readyz answers 503 until they work"],
    ]);
    const { status, body } = await readyz();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "not ready", reasons: ["Slack credentials refused: invalid_auth"] });
  });

  it("Slack unreachable: one warning, still ready (Slack's outage must not take every replica out)", async () => {
    const { readyz, said } = await start(slackEnv(`http://127.0.0.1:${await freePort()}/api/`));
    const lines = said("slack");
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("warn");
    expect(lines[0]?.message).toMatch(/^Slack: credentials not verified \(.+\); asking again every 60 s$/);
    const { status, body } = await readyz();
    expect(status).toBe(200);
    expect(body.platforms).toEqual({ Slack: expect.stringMatching(/^unverified: /) });
  });

  it("Teams with an app id and secret: a token fetch at start-up, one line, never ready on a bad secret", async () => {
    // Microsoft Entra ID is unreachable on a machine without internet access (then the credentials stay
    // unverified); where it is reachable it refuses this made-up app (then /readyz must say 503).
    const { readyz, said } = await start({
      MICROSOFT_APP_ID: "00000000-0000-0000-0000-00000000c0de",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
    });
    const lines = said("teams");
    expect(lines).toHaveLength(1);
    const { status, body } = await readyz();
    if (lines[0]?.level === "error") {
      expect(lines[0].message).toMatch(/^Teams: credentials refused \(.*AADSTS\d+.*\)/);
      expect(status).toBe(503);
      expect(body.reasons).toEqual([expect.stringMatching(/^Teams credentials refused: /)]);
    } else {
      expect(lines[0]?.level).toBe("warn");
      expect(lines[0]?.message).toMatch(/^Teams: credentials not verified \(.+\)/);
      expect(status).toBe(200);
      expect(body.platforms).toEqual({ Teams: expect.stringMatching(/^unverified: /) });
    }
  });

  it("Teams with authentication off (TEAMS_ENABLED, local testing) asks nothing", async () => {
    const { readyz, said } = await start({ TEAMS_ENABLED: "true" });
    expect(said("teams")).toEqual([]);
    expect((await readyz()).body).toEqual({ status: "ready", reasons: [], platforms: {} });
  });
});
