import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningApp } from "../../app/create-app.js";
import { decodeAction } from "../../src/chat/actions.js";
import { buttonClick, buttonsIn, CHANNEL } from "../adapters/slack/harness.js";
import type { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { interactionBody } from "../fakes/slack-signing.js";
import { summaryIn } from "../reliability/round-audit.js";
import { type SlackAppRun, startSlackApp } from "./slack-app-harness.js";

/** Two people complete a round by clicking what the bot posted; scheduled nudges go out when their time comes. */
let run: SlackAppRun;
let api: FakeSlackApi;
let app: RunningApp;
let origin: string;
let command: SlackAppRun["command"];
let sign: SlackAppRun["sign"];
let answerEverything: SlackAppRun["answerEverything"];

beforeEach(async () => {
  run = await startSlackApp();
  ({ api, app, origin, command, sign, answerEverything } = run);
});
afterEach(() => run.close());

describe("the app on Slack", () => {
  it("runs a two-person round from /mlops-assess to the team summary in the channel", async () => {
    const started = Date.now();
    expect((await command("U0ALICE", "")).status).toBe(200);
    const ackMs = Date.now() - started;
    const [invitation] = await api.waitFor("chat.postMessage", 2);
    expect(invitation?.body.channel).toBe(CHANNEL);
    const join = buttonsIn(invitation!).find((b) => b.label === "Take the assessment");

    // Bob joins by clicking the invitation in the channel; his questions come in his DM.
    const posts = api.calls("chat.postMessage").length;
    await sign(
      interactionBody(
        buttonClick(decodeAction(join?.value)!, { user: "U0BOB", messageTs: String(invitation?.response?.ts) }),
      ),
    );
    await api.waitFor("chat.postMessage", posts + 1);

    await answerEverything("U0ALICE", 3);
    await answerEverything("U0BOB", 4);
    const before = api.calls().length;
    expect((await command("U0ALICE", "summary")).status).toBe(200);
    await api.waitUntil(() => summaryIn(api.calls(), CHANNEL, before) !== undefined, "the summary and its thread");
    const shown = summaryIn(api.calls(), CHANNEL, before);
    const text = JSON.stringify(shown?.summary.body.blocks);
    expect(text).toContain("Level 2");
    expect(text).toContain("Team &amp; ownership");
    expect(text).not.toMatch(/U0ALICE|U0BOB/);
    expect(ackMs).toBeLessThan(3000);

    // The chart, in the thread under the summary: an image block whose signed link, fetched from the app as Slack
    // would, is the PNG.
    const blocks = shown?.details.body.blocks as { type: string; image_url?: string; alt_text?: string }[];
    const chart = blocks.find((b) => b.type === "image");
    expect(chart?.image_url).toMatch(/^https:\/\/mlops-assess\.example\.com\/charts\/summary\.png\?/);
    // Whose and when, from the recorded command's channel_name: the picture says it when forwarded on its own.
    expect(chart?.alt_text).toMatch(
      /^#support-agent-dev · (as of )?\d{1,2} [A-Z][a-z]{2} \d{4}: Level 2 .*Team & ownership L\d/,
    );
    const link = new URL(String(chart?.image_url));
    const image = await fetch(`${origin}${link.pathname}${link.search}`);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await image.arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1440);
    link.searchParams.set("d", `${link.searchParams.get("d")}x`);
    expect((await fetch(`${origin}${link.pathname}${link.search}`)).status).toBe(403);
  });

  it("nudges the channel when its schedule is due, once, with a Start reassessment button", async () => {
    await command("U0ALICE", "schedule weekly tue 09:30 Europe/Berlin");
    const confirmation = (await api.waitFor("chat.postMessage", 1))[0];
    expect(JSON.stringify(confirmation?.body)).toContain("every Tuesday at 09:30 (Europe/Berlin)");
    expect((await app.tickNudges()).sent).toBe(0);
    run.setNow(new Date("2026-11-24T08:31:00.000Z"));
    const posts = api.calls("chat.postMessage").length;
    expect(await app.tickNudges()).toMatchObject({ sent: 1, failed: 0 });
    expect(await app.tickNudges()).toMatchObject({ sent: 0 });
    const nudge = api.calls("chat.postMessage")[posts];
    expect(nudge?.body.channel).toBe(CHANNEL);
    expect(buttonsIn(nudge!).map((b) => b.label)).toContain("Start reassessment");
  });

  it("stops nudging a channel Slack says is gone", async () => {
    await command("U0ALICE", "schedule weekly tue 09:30 UTC");
    await api.waitFor("chat.postMessage", 1);
    run.setNow(new Date("2026-11-24T09:31:00.000Z"));
    api.fail("chat.postMessage", "channel_not_found");
    expect(await app.tickNudges()).toMatchObject({ failed: 1 });
    run.setNow(new Date("2026-12-01T09:31:00.000Z"));
    expect(await app.tickNudges()).toMatchObject({ claimed: 0 });
    const before = api.calls().length;
    await command("U0ALICE", "schedule");
    // A week on, the person's admin flag is re-checked (users.info) before the reply: wait for the reply itself.
    await expect.poll(() => JSON.stringify(api.calls().slice(before))).toContain("could not post here");
  });
});
