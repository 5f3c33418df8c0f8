import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CHANNEL } from "../adapters/slack/harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { roundsFromCsv } from "../flows/csv-export-reader.js";
import { summaryIn } from "../reliability/round-audit.js";
import { type SlackAppRun, startSlackApp } from "./slack-app-harness.js";

/**
 * history, export and org end to end on Slack: signed slash commands into the running app, and what reached the
 * fake Web API (messages, the three steps of files.uploadV2, ephemerals), read back as Slack would show them.
 */
let run: SlackAppRun;

beforeEach(async () => {
  run = await startSlackApp({ env: { MIN_RESPONDENTS_FOR_SPREAD: "1" } });
  run.api.users.set("U0ROOT", { name: "Root", isAdmin: true });
});
afterEach(() => run.close());

/** One closed round: alice answers everything at L2 and closes it. */
async function closedRound() {
  expect((await run.command("U0ALICE", "")).status).toBe(200);
  await run.api.waitFor("chat.postMessage", 2);
  await run.answerEverything("U0ALICE", 3);
  const before = run.api.calls().length;
  await run.command("U0ALICE", "close");
  await run.api.waitUntil(
    () => summaryIn(run.api.calls(), CHANNEL, before) !== undefined,
    "the summary and its thread",
  );
}

const firstCallAfter = async (method: string, action: () => Promise<unknown>): Promise<RecordedCall> => {
  const before = run.api.calls(method).length;
  await action();
  const calls = await run.api.waitFor(method, before + 1);
  return calls[before] as RecordedCall;
};

describe("reports on Slack", () => {
  it("posts the history in the channel with a chart Slack can fetch", async () => {
    await closedRound();
    const posted = await firstCallAfter("chat.postMessage", () => run.command("U0ALICE", "history"));
    expect(posted.body.channel).toBe(CHANNEL);
    const blocks = posted.body.blocks as { type: string; image_url?: string; alt_text?: string }[];
    // Titled with the channel's name and the day of its one round, in the text and in the chart's words.
    expect(JSON.stringify(blocks)).toMatch(/"#support-agent-dev · \d{1,2} [A-Z][a-z]{2} \d{4}\\n/);
    const chart = blocks.find((b) => b.type === "image");
    expect(chart?.image_url).toMatch(/^https:\/\/mlops-assess\.example\.com\/charts\/history\.png\?/);
    expect(chart?.alt_text).toMatch(/^#support-agent-dev · .*Level 2/);
    const link = new URL(String(chart?.image_url));
    const image = await fetch(`${run.origin}${link.pathname}${link.search}`);
    expect(image.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await image.arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1440); // narrow, like the summary chart: readable on a phone
  });

  it("uploads the export as a file to the person's DM, and the file reads back into the team's rounds", async () => {
    await closedRound();
    const completed = await firstCallAfter("files.completeUploadExternal", () => run.command("U0BOB", "export csv"));
    const [requested] = run.api.calls("files.getUploadURLExternal");
    const [uploaded] = run.api.calls("file_upload");
    expect(requested?.body.filename).toMatch(/^mlops-assess-C00FAKECHAN3-2026-11-23\.csv$/);
    expect(completed.body.channel_id).toBe(await run.dmOf("U0BOB"));
    expect(String(completed.body.initial_comment)).toContain("1 round(s) of this channel");
    expect(JSON.parse(String(completed.body.files))).toEqual([
      { id: requested?.response?.file_id, title: requested?.body.filename },
    ]);
    const rounds = roundsFromCsv(String(uploaded?.body.content));
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ privacy: "confidential", respondents: 1, snapshot: { overall: 2 } });
    expect(String(uploaded?.body.content)).not.toContain("U0ALICE");
  });

  it("shows the org roll-up to a workspace admin only, privately", async () => {
    await closedRound();
    const refused = await firstCallAfter("chat.postEphemeral", () => run.command("U0BOB", "org"));
    expect(JSON.stringify(refused.body)).toContain("Only a workspace admin");
    const org = await firstCallAfter("chat.postEphemeral", () => run.command("U0ROOT", "org"));
    expect(org.body.user).toBe("U0ROOT");
    const text = JSON.stringify(org.body.blocks);
    expect(text).toContain("MLOps maturity across 1 team(s)");
    // A mention, which Slack shows as the channel's name, never the bare id.
    expect(text).toContain(`<#${CHANNEL}>: L2`);
  });
});
