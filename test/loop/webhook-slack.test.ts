import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historySchema } from "../../flows/rounds/round-state.js";
import { createKeys } from "../../src/store/keys.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { deleteKeys, uniquePrefix } from "../store/redis-helpers.js";
import { type SlackLoop, screenOf, slackUser, startSlackLoop } from "./slack-loop.js";

/**
 * Re-checks triggered by events, over HTTP: the webhook command, POSTs to /hooks/reassess/<token> (valid, forged,
 * malformed, oversized, flooding, GitHub-signed), the channel post, and a partial re-check that moves one level.
 */
const prefix = uniquePrefix("webhook-slack");
let loop: SlackLoop;
const keys = createKeys(prefix);
const team = { platform: "slack" as const, workspace: TEAM, channel: CHANNEL };

beforeAll(async () => {
  loop = await startSlackLoop(prefix);
});
afterAll(async () => {
  await deleteKeys(loop.redis, prefix);
  await loop.close();
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const localUrl = (shown: string) => shown.replace("https://mlops-assess.example.com", loop.run.origin);
const channelPosts = () => loop.run.api.calls("chat.postMessage").filter((c) => c.body.channel === CHANNEL);

async function issueWebhook(words = "webhook"): Promise<{ url: string; secret: string }> {
  await loop.say("ann", words);
  const shown = screenOf(loop.run.api.calls("chat.postEphemeral").at(-1));
  const url = /https:\/\/mlops-assess\.example\.com\/hooks\/reassess\/[\w-]+/.exec(shown)?.[0];
  const secret = /with the secret ([0-9a-f]+)/.exec(shown)?.[1];
  if (!url || !secret) throw new Error(`no webhook in: ${shown}`);
  expect(shown).toContain(`curl -X POST ${url}`);
  return { url: localUrl(url), secret };
}

describe("the re-check webhook", () => {
  it("posts a re-check with its button, and refuses forged, malformed, oversized and flooding requests", async () => {
    const { url } = await issueWebhook();
    const token = url.split("/").at(-1) ?? "";
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    // Only a hash is stored: the token itself appears in no key and no value.
    const stored = await loop.redis.keys(`${prefix}:*`);
    const values = await Promise.all(stored.map((k) => loop.redis.get(k).catch(() => "")));
    expect([...stored, ...values].join("\n")).not.toContain(token);

    const ok = await post(
      url,
      JSON.stringify({
        dimension: "Deployment & release",
        reason: "Rolled out v2.3",
        url: "https://ci.example.com/runs/42",
      }),
    );
    expect(ok.status).toBe(202);
    await loop.settle();
    const recheck = channelPosts().at(-1);
    expect(screenOf(recheck)).toContain("Re-check Deployment & release after: Rolled out v2.3");
    expect(screenOf(recheck)).toContain("https://ci.example.com/runs/42");
    expect(screenOf(recheck)).toContain("Re-check Deployment & release");

    expect((await post(url.replace(/[\w-]{6}$/, "forged"), JSON.stringify({ reason: "x" }))).status).toBe(404);
    const notJson = await post(url, "{reason:");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: "the body is not JSON" });
    const badFields = await post(
      url,
      JSON.stringify({ dimension: "Astrology", reason: "", url: "javascript:alert(1)" }),
    );
    expect(badFields.status).toBe(400);
    const problems = ((await badFields.json()) as { problems: { field: string }[] }).problems.map((p) => p.field);
    expect(problems.sort()).toEqual(["reason", "url"]);
    const unknown = await post(url, JSON.stringify({ dimension: "Astrology", reason: "stars" }));
    expect(await unknown.json()).toMatchObject({ problems: [{ field: "dimension" }] });
    expect((await post(url, JSON.stringify({ reason: "x".repeat(9000) }))).status).toBe(413);

    // Ten an hour: one went through above; nine more do, the next is refused with Retry-After.
    for (let i = 0; i < 9; i++) expect((await post(url, JSON.stringify({ reason: `deploy ${i}` }))).status).toBe(202);
    const flooded = await post(url, JSON.stringify({ reason: "one too many" }));
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get("retry-after"))).toBeGreaterThan(0);
    // An hour later the window has moved on.
    loop.run.setNow(new Date("2026-11-23T10:00:01Z"));
    expect((await post(url, JSON.stringify({ reason: "next hour" }))).status).toBe(202);
  });

  it("maps GitHub's signed release and deployment_status events onto Deployment & release", async () => {
    const { url, secret } = await issueWebhook("webhook rotate");
    const sign = (body: string, key = secret) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;
    const release = JSON.stringify({
      action: "published",
      release: { tag_name: "v2.4.0", name: "v2.4.0", html_url: "https://github.com/acme/model/releases/v2.4.0" },
    });
    const forged = await post(url, release, {
      "x-github-event": "release",
      "x-hub-signature-256": sign(release, "wrong"),
    });
    expect(forged.status).toBe(401);
    const signed = await post(url, release, { "x-github-event": "release", "x-hub-signature-256": sign(release) });
    expect(signed.status).toBe(202);
    await loop.settle();
    expect(screenOf(channelPosts().at(-1))).toContain(
      "Re-check Deployment & release after: GitHub release v2.4.0 published",
    );
    const deployment = JSON.stringify({
      deployment_status: { state: "failure", environment: "production", target_url: "https://ci.example.com/d/7" },
      deployment: {},
    });
    const deployed = await post(url, deployment, {
      "x-github-event": "deployment_status",
      "x-hub-signature-256": sign(deployment),
    });
    expect(deployed.status).toBe(202);
    await loop.settle();
    expect(screenOf(channelPosts().at(-1))).toContain("GitHub deployment to production: failure");
    const ping = JSON.stringify({ zen: "Keep it logically awesome." });
    expect((await post(url, ping, { "x-github-event": "ping", "x-hub-signature-256": sign(ping) })).status).toBe(202);
  });

  it("rotate retires the old address; off removes it; both are for the opener or an admin", async () => {
    const first = await issueWebhook("webhook rotate");
    const second = await issueWebhook("webhook rotate");
    expect((await post(first.url, JSON.stringify({ reason: "old" }))).status).toBe(404);
    await loop.say("ann", "start");
    await loop.say("ben", "webhook off");
    expect(screenOf(loop.run.api.calls("chat.postEphemeral").at(-1))).toContain(
      "Only the person who opened the latest round",
    );
    await loop.say("ann", "webhook off");
    expect((await post(second.url, JSON.stringify({ reason: "gone" }))).status).toBe(404);
    await loop.say("ann", "close");
  });

  it("a partial re-check asks one dimension's statements and moves only that dimension's level in history", async () => {
    const { run } = loop;
    const store = createRedisStore(loop.redis);
    await loop.say("ann", "start");
    await run.answerEverything(slackUser("ann"), 2);
    await loop.say("ann", "close");
    const before = (await store.get(keys.history(team), historySchema))?.at(-1);
    const { url } = await issueWebhook();
    run.setNow(new Date("2026-11-24T09:00:00Z"));
    expect(
      (await post(url, JSON.stringify({ dimension: "deployment-release", reason: "Canary rollout" }))).status,
    ).toBe(202);
    await loop.settle();
    await loop.click("ann", channelPosts().at(-1), "Re-check Deployment & release");
    const dm = await run.dmOf(slackUser("ann"));
    const from = run.api.calls().length;
    await run.answerEverything(slackUser("ann"), 1);
    await loop.settle();
    // Every question shown during the re-check, by its section ("3/6 · Deployment & release").
    const shown = run.api
      .calls()
      .slice(from - 1)
      .filter((c) => c.body.channel === dm)
      .map((c) => /\d+\/\d+ · ([^\n*]+)/.exec(screenOf(c))?.[1]?.trim())
      .filter((s) => s !== undefined);
    expect(shown.length).toBeGreaterThan(2);
    expect(new Set(shown.filter((s) => s !== "About your models"))).toEqual(new Set(["Deployment & release"]));
    expect(screenOf(run.latestIn(dm))).toContain("Your MLOps maturity");
    await loop.say("ann", "close");
    const after = (await store.get(keys.history(team), historySchema))?.at(-1);
    expect(after?.partial).toBe("deployment-release");
    const levelsOf = (r: typeof after) =>
      Object.fromEntries((r?.snapshot?.dimensions ?? []).map((d) => [d.dimension, d.level]));
    const [was, now] = [levelsOf(before), levelsOf(after)];
    expect(now["deployment-release"]).toBeGreaterThan(was["deployment-release"] ?? 0);
    expect({ ...now, "deployment-release": undefined }).toEqual({ ...was, "deployment-release": undefined });
    await loop.say("ann", "history");
    expect(
      screenOf(channelPosts().findLast((c) => screenOf(c).includes("What changed since the round before"))),
    ).toContain("partial re-check of Deployment & release");
  });
});
