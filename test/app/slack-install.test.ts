import { readFileSync } from "node:fs";
import { join } from "node:path";
import oauth from "@slack/oauth";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { CHANNEL } from "../adapters/slack/harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { type InstalledAppRun, PUBLIC_URL, startInstalledApp } from "./slack-install-harness.js";

const manifestScopes = z
  .object({ oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }) }) })
  .parse(JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "manifest.json"), "utf8"))).oauth_config
  .scopes.bot;

const ONE = {
  teamId: "T0000ONE01",
  teamName: "Acme Research",
  botToken: "xoxb-one-111",
  botId: "B0ONE",
  botUserId: "U0BOTONE",
  installerId: "U0ADMIN1",
};
const TWO = {
  teamId: "T0000TWO02",
  teamName: "Globex ML",
  botToken: "xoxb-two-222",
  botId: "B0TWO",
  botUserId: "U0BOTTWO",
  installerId: "U0ADMIN2",
};
const ALICE = "U0ALICE01"; // in ONE
const BOB = "U0BOB0002"; // in TWO
const TUESDAY_0931 = new Date("2026-11-24T09:31:00.000Z");
const DAY = 24 * 60 * 60_000;

let run: InstalledAppRun | undefined;
afterEach(async () => {
  await run?.close();
  run = undefined;
});

/** Every Web API call made from here on, once the app has gone quiet (after-ack work included). */
async function callsDuring(r: InstalledAppRun, act: () => Promise<unknown>): Promise<RecordedCall[]> {
  const before = r.api.calls().length;
  await act();
  let seen = -1;
  await expect
    .poll(
      async () => {
        const settled = seen === r.api.calls().length;
        seen = r.api.calls().length;
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 150));
        return settled;
      },
      { timeout: 5000, interval: 50 },
    )
    .toBe(true);
  return r.api.calls().slice(before);
}
const tokensOf = (calls: RecordedCall[]) => [
  ...new Set(calls.filter((c) => c.path.startsWith("/api/")).map((c) => c.auth)),
];
const textOf = (calls: RecordedCall[]) => JSON.stringify(calls.map((c) => c.body));

/** Keys of a workspace's data (its own and its teams'), read straight from Redis through the store. */
async function dataKeysOf(r: InstalledAppRun, team: string): Promise<boolean> {
  const [own, teams] = r.keys.workspaceData({ platform: "slack", workspace: team });
  const probe = await r.store.get(`${teams}${CHANNEL}}:round`, z.unknown());
  return probe !== undefined || (await r.store.setMembers(`${own}teams`)).length > 0;
}

async function installBoth(r: InstalledAppRun) {
  for (const team of [ONE, TWO]) {
    const page = await r.install(team);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`MLOps Assess is now in ${team.teamName}`);
    expect(page.html).toContain("/mlops-assess start");
  }
}

describe("Slack multi-workspace installs (OAuth v2 over real HTTP, Web API at the fake Slack, Redis)", () => {
  it("sends a browser to Slack's authorize URL with the client id, the manifest's bot scopes and a signed state", async () => {
    run = await startInstalledApp();
    const link = await run.openInstallLink();
    expect(`${link.authorize.origin}${link.authorize.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(link.authorize.searchParams.get("client_id")).toBe("1111111111.2222222222");
    expect(link.authorize.searchParams.get("scope")?.split(",")).toEqual(manifestScopes);
    expect(link.authorize.searchParams.get("redirect_uri")).toBe(`${PUBLIC_URL}/slack/oauth_redirect`);
    expect(link.state.split(".")).toHaveLength(3); // a signed JWT
    expect(link.cookie).toBe(`slack-app-oauth-state=${link.state}`);
    const ready = z
      .object({ platforms: z.object({ Slack: z.string() }) })
      .parse(await (await fetch(`${run.origin}/readyz`)).json());
    expect(ready.platforms.Slack).toMatch(/^verified: client 1111111111\.2222222222/);
  });

  it("installs two workspaces; each one's commands and reminders go out with its own token; a round in one is invisible to the other", async () => {
    run = await startInstalledApp();
    const r = run;
    await installBoth(r);
    expect(r.api.calls("oauth.v2.access").filter((c) => c.body.code !== "readiness-probe")).toHaveLength(2);
    // Sealed at rest: neither token (nor installer) is readable in Redis.
    const raw = JSON.stringify(await r.store.get(r.keys.slackInstallation(ONE.teamId), z.unknown()));
    expect(raw).not.toContain(ONE.botToken);
    expect(raw).not.toContain(ONE.installerId);

    const inOne = await callsDuring(r, () => r.command(ONE.teamId, ALICE, "start"));
    expect(textOf(inOne)).toContain("started an MLOps maturity round");
    expect(tokensOf(inOne)).toEqual([`Bearer ${ONE.botToken}`]);
    // Same channel id in the other workspace: no round there, so `start` opens a new one rather than joining.
    const inTwo = await callsDuring(r, () => r.command(TWO.teamId, BOB, "start"));
    expect(textOf(inTwo)).toContain("started an MLOps maturity round");
    expect(textOf(inTwo)).not.toContain("already open");
    expect(tokensOf(inTwo)).toEqual([`Bearer ${TWO.botToken}`]);
    const closeTwo = await callsDuring(r, () => r.command(TWO.teamId, BOB, "close"));
    expect(tokensOf(closeTwo)).toEqual([`Bearer ${TWO.botToken}`]);
    const joinOne = await callsDuring(r, () => r.command(ONE.teamId, ALICE, "start"));
    expect(textOf(joinOne)).toContain("A round is already open in this channel"); // ONE's round survived TWO's close
    // A closed round's half-done assessments get no reminders (issue 18): Bob starts TWO's next round, and leaves it.
    await callsDuring(r, () => r.command(TWO.teamId, BOB, "start"));

    for (const [team, user] of [
      [ONE.teamId, ALICE],
      [TWO.teamId, BOB],
    ] as const) {
      await callsDuring(r, () => r.command(team, user, "schedule weekly tue 09:30 UTC"));
    }
    r.setNow(TUESDAY_0931);
    // Each team's reminder in its channel, and each person's reminder of the assessment they left half-done.
    const nudges = await callsDuring(r, async () =>
      expect(await r.app.tickNudges()).toMatchObject({ sent: 4, failed: 0 }),
    );
    const posts = nudges.filter((c) => c.method === "chat.postMessage");
    const tokenIn = (channel: string) =>
      posts
        .filter((c) => c.body.channel === channel)
        .map((c) => c.auth)
        .sort();
    expect(tokenIn(CHANNEL)).toEqual([`Bearer ${ONE.botToken}`, `Bearer ${TWO.botToken}`]);
    expect(tokenIn(`D${ALICE.slice(1)}`)).toEqual([`Bearer ${ONE.botToken}`]);
    expect(tokenIn(`D${BOB.slice(1)}`)).toEqual([`Bearer ${TWO.botToken}`]);
  });

  it("refuses a forged, foreign or replayed state with a clear page, and exchanges no code for it", async () => {
    run = await startInstalledApp();
    const r = run;
    const exchanges = () => r.api.calls("oauth.v2.access").filter((c) => c.body.code !== "readiness-probe").length;
    const code = () => r.api.approveInstall({ ...ONE, scopes: manifestScopes });

    const unsigned = await r.redirect({ state: "forged", cookie: "slack-app-oauth-state=forged" }, code());
    const otherSecret = await new oauth.ClearStateStore("some-other-secret-entirely").generateStateParam(
      { scopes: [] },
      new Date(),
    );
    const wrongKey = await r.redirect({ state: otherSecret, cookie: `slack-app-oauth-state=${otherSecret}` }, code());
    const genuine = await r.openInstallLink();
    const otherBrowser = await r.redirect({ state: genuine.state, cookie: "" }, code());
    for (const page of [unsigned, wrongKey, otherBrowser]) {
      expect(page.status).toBe(400);
      expect(page.html).toContain("This install link cannot be used");
      expect(page.html).toContain('href="/slack/install"');
    }
    expect(exchanges()).toBe(0);

    expect((await r.redirect(genuine, code())).status).toBe(200);
    expect(exchanges()).toBe(1);
    const replayed = await r.redirect(genuine, r.api.approveInstall({ ...TWO, scopes: manifestScopes }));
    expect(replayed.status).toBe(400);
    expect(replayed.html).toContain("already used");
    expect(exchanges()).toBe(1);
    expect(await r.store.get(r.keys.slackInstallation(TWO.teamId), z.unknown())).toBeUndefined();
  });

  it("uninstall of one workspace: installation gone at once, its reminders stop, its data goes after the window; the other is untouched", async () => {
    run = await startInstalledApp();
    const r = run;
    await installBoth(r);
    for (const [team, user] of [
      [ONE.teamId, ALICE],
      [TWO.teamId, BOB],
    ] as const) {
      await callsDuring(r, () => r.command(team, user, "start"));
      await callsDuring(r, () => r.command(team, user, "schedule weekly tue 09:30 UTC"));
    }

    const uninstall = await callsDuring(r, async () =>
      expect((await r.event(ONE.teamId, { type: "app_uninstalled" })).status).toBe(200),
    );
    expect(uninstall).toEqual([]);
    expect(await r.store.get(r.keys.slackInstallation(ONE.teamId), z.unknown())).toBeUndefined();
    expect(await r.store.get(r.keys.slackInstallation(TWO.teamId), z.unknown())).toBeDefined();
    expect(await callsDuring(r, () => r.command(ONE.teamId, ALICE, "status"))).toEqual([]);

    r.setNow(TUESDAY_0931);
    const nudges = await callsDuring(r, async () =>
      expect(await r.app.tickNudges()).toMatchObject({ sent: 2, failed: 0 }),
    );
    expect(tokensOf(nudges)).toEqual([`Bearer ${TWO.botToken}`]);

    const departed = new Date("2026-11-23T09:00:00.000Z").getTime();
    r.setNow(new Date(departed + 30 * DAY - 60_000));
    expect(await r.app.purgeDeparted()).toBe(0);
    expect(await dataKeysOf(r, ONE.teamId)).toBe(true);
    r.setNow(new Date(departed + 30 * DAY + 60_000));
    expect(await r.app.purgeDeparted()).toBe(1);
    expect(await dataKeysOf(r, ONE.teamId)).toBe(false);
    expect(await dataKeysOf(r, TWO.teamId)).toBe(true);
    // TWO's round closed by itself meanwhile (ROUND_DAYS); TWO is still served, with its own token.
    const still = await callsDuring(r, () => r.command(TWO.teamId, BOB, "start"));
    expect(textOf(still)).toContain("started an MLOps maturity round");
    expect(tokensOf(still)).toEqual([`Bearer ${TWO.botToken}`]);
  });

  it("a reinstall inside the window finds the team's round again; revoked bot tokens end an installation, user tokens do not", async () => {
    run = await startInstalledApp();
    const r = run;
    await installBoth(r);
    await callsDuring(r, () => r.command(ONE.teamId, ALICE, "start"));
    await callsDuring(r, () => r.event(ONE.teamId, { type: "tokens_revoked", tokens: { oauth: ["U0SOMEONE"] } }));
    expect(await r.store.get(r.keys.slackInstallation(ONE.teamId), z.unknown())).toBeDefined();
    await callsDuring(r, () => r.event(ONE.teamId, { type: "tokens_revoked", tokens: { bot: [ONE.botUserId] } }));
    expect(await r.store.get(r.keys.slackInstallation(ONE.teamId), z.unknown())).toBeUndefined();

    r.setNow(new Date(r.now().getTime() + 10 * DAY));
    expect((await r.install({ ...ONE, botToken: "xoxb-one-new" })).status).toBe(200);
    const again = await callsDuring(r, () => r.command(ONE.teamId, ALICE, "start"));
    expect(textOf(again)).toContain("A round is already open in this channel");
    expect(tokensOf(again)).toEqual(["Bearer xoxb-one-new"]);
    r.setNow(new Date(r.now().getTime() + 60 * DAY));
    expect(await r.app.purgeDeparted()).toBe(0);
    expect(await dataKeysOf(r, ONE.teamId)).toBe(true);
  });

  it("serves every workspace of an Enterprise Grid org-wide install with the org's token, commands and reminders", async () => {
    run = await startInstalledApp();
    const r = run;
    const org = { ...ONE, teamId: "T0GRIDWS01", enterpriseId: "E0GRID0001", orgWide: true, botToken: "xoxb-grid-999" };
    const page = await r.install(org);
    expect(page.status).toBe(200);
    expect(page.html).toContain("MLOps Assess is now in the Fake Grid organisation");
    const start = await callsDuring(r, () => r.command(org.teamId, ALICE, "start", org.enterpriseId));
    expect(textOf(start)).toContain("started an MLOps maturity round");
    expect(tokensOf(start)).toEqual([`Bearer ${org.botToken}`]);
    await callsDuring(r, () => r.command(org.teamId, ALICE, "schedule weekly tue 09:30 UTC", org.enterpriseId));
    r.setNow(TUESDAY_0931);
    const nudges = await callsDuring(r, () => r.app.tickNudges());
    expect(nudges.filter((c) => c.method === "chat.postMessage").length).toBeGreaterThan(0);
    expect(tokensOf(nudges)).toEqual([`Bearer ${org.botToken}`]);

    await callsDuring(r, () =>
      r.event(
        org.teamId,
        { type: "app_uninstalled" },
        { enterprise_id: org.enterpriseId, is_enterprise_install: true },
      ),
    );
    expect(await r.store.get(r.keys.slackOrgInstallation(org.enterpriseId), z.unknown())).toBeUndefined();
    r.setNow(new Date(TUESDAY_0931.getTime() + 7 * DAY));
    expect(await callsDuring(r, () => r.app.tickNudges())).toEqual([]);
  });

  it("with UNINSTALL_RETENTION_DAYS=0 the data goes with the installation", async () => {
    run = await startInstalledApp({ UNINSTALL_RETENTION_DAYS: "0" });
    const r = run;
    await installBoth(r);
    await callsDuring(r, () => r.command(ONE.teamId, ALICE, "start"));
    expect(await dataKeysOf(r, ONE.teamId)).toBe(true);
    await callsDuring(r, () => r.event(ONE.teamId, { type: "app_uninstalled" }));
    expect(await dataKeysOf(r, ONE.teamId)).toBe(false);
  });
});
