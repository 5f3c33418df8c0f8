import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { createKeys, type Keys } from "../../src/store/keys.js";
import { connectRedisClient } from "../../src/store/redis-client.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import type { Store } from "../../src/store/store.js";
import { commandFields, TEST_SIGNING_SECRET } from "../adapters/slack/harness.js";
import { FAKE_OAUTH_CLIENT, type FakeInstall, type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { FORM, formBody, JSON_TYPE, type PostResult, postSigned } from "../fakes/slack-signing.js";
import { quietLogger } from "../flows/harness.js";
import { REDIS_URL } from "../store/redis-helpers.js";

export const PUBLIC_URL = "https://mlops-assess.example.com";

/** A browser's visit to /slack/install: where it was sent, with what state, and the cookie it was given. */
export interface InstallLink {
  authorize: URL;
  state: string;
  cookie: string;
}

/**
 * The whole app in multi-workspace mode (OAuth client configured, no bot token) over real HTTP, on real Redis,
 * with Slack's Web API at the fake, and the moves around it: a browser going through the install flow, Slack's
 * approval, slash commands and events signed as Slack signs them from a given workspace.
 */
export interface InstalledAppRun {
  api: FakeSlackApi;
  app: RunningApp;
  store: Store;
  keys: Keys;
  origin: string;
  setNow(date: Date): void;
  now(): Date;
  openInstallLink(): Promise<InstallLink>;
  redirect(link: Pick<InstallLink, "state" | "cookie">, code: string): Promise<{ status: number; html: string }>;
  /** The full flow: install link, Slack's approval of `install`, the redirect back. */
  install(install: Omit<FakeInstall, "scopes">): Promise<{ status: number; html: string }>;
  /** A slash command from a workspace; with `enterprise`, from a workspace of that Grid org's org-wide install. */
  command(team: string, user: string, text: string, enterprise?: string): Promise<PostResult>;
  /** An Events API delivery from a workspace; `envelope` adds fields (enterprise_id, is_enterprise_install). */
  event(team: string, event: Record<string, unknown>, envelope?: Record<string, unknown>): Promise<PostResult>;
  close(): Promise<void>;
}

export async function startInstalledApp(env: Record<string, string> = {}): Promise<InstalledAppRun> {
  const api = await startFakeSlackApi();
  let now = new Date("2026-11-23T09:00:00.000Z");
  const prefix = `test-install-${randomBytes(4).toString("hex")}`;
  const config = readConfig({
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_CLIENT_ID: FAKE_OAUTH_CLIENT.id,
    SLACK_CLIENT_SECRET: FAKE_OAUTH_CLIENT.secret,
    SLACK_STATE_SECRET: "state-secret-for-tests-only",
    SLACK_INSTALLATION_KEY: randomBytes(32).toString("base64"),
    SLACK_API_URL: api.apiUrl,
    PUBLIC_URL,
    CHART_SECRET: "chart-secret-for-tests-only",
    KEY_PREFIX: prefix,
    ...env,
  });
  const store = createRedisStore(await connectRedisClient({ url: REDIS_URL, failFast: true }, 2000));
  const app = await createApp({ config, logger: quietLogger, store, clock: () => new Date(now), cron: false });
  const origin = await app.listen(0, "127.0.0.1");
  const sign = (body: string, contentType: string) =>
    postSigned(`${origin}/slack/events`, { secret: TEST_SIGNING_SECRET, body, contentType });

  async function openInstallLink(): Promise<InstallLink> {
    const response = await fetch(`${origin}/slack/install`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const authorize = new URL(response.headers.get("location") ?? "");
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    return { authorize, state: authorize.searchParams.get("state") ?? "", cookie };
  }
  async function redirect(link: Pick<InstallLink, "state" | "cookie">, code: string) {
    const query = new URLSearchParams({ code, state: link.state });
    const response = await fetch(`${origin}/slack/oauth_redirect?${query}`, {
      headers: link.cookie ? { cookie: link.cookie } : {},
    });
    return { status: response.status, html: await response.text() };
  }

  return {
    api,
    app,
    store,
    keys: createKeys(prefix),
    origin,
    setNow(date) {
      now = date;
    },
    now: () => new Date(now),
    openInstallLink,
    redirect,
    async install(install) {
      const link = await openInstallLink();
      const scopes = (link.authorize.searchParams.get("scope") ?? "").split(",");
      return redirect(link, api.approveInstall({ ...install, scopes }));
    },
    command: (team, user, text, enterprise) =>
      sign(
        formBody({
          ...commandFields(api),
          team_id: team,
          user_id: user,
          user_name: user,
          text,
          ...(enterprise ? { enterprise_id: enterprise, is_enterprise_install: "true" } : {}),
        }),
        FORM,
      ),
    event: (team, event, envelope) =>
      sign(
        JSON.stringify({
          ...envelope,
          type: "event_callback",
          team_id: team,
          api_app_id: "A0FAKEAPP01",
          event_id: `Ev${randomBytes(6).toString("hex")}`,
          event_time: Math.floor(now.getTime() / 1000),
          event,
        }),
        JSON_TYPE,
      ),
    async close() {
      await store.deleteByPrefix(`${prefix}:`);
      await app.close();
      await api.close();
    },
  };
}
