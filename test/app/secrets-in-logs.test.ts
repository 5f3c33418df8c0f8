import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../app/logger.js";
import { commandFields } from "../adapters/slack/harness.js";
import { FORM, formBody, postSigned, slackSignature } from "../fakes/slack-signing.js";
import { startSlackApp } from "./slack-app-harness.js";

/**
 * The logs of a whole run, at the most talkative level, with failures on the way (a refused Web API call, a forged
 * signature): no token, secret or signature may appear in them.
 */
const BOT_TOKEN = "xoxb-1111-2222-LOGSECRETTOKEN";
const SIGNING_SECRET = "signing-secret-that-must-not-leak";
const CHART_SECRET = "chart-secret-that-must-not-leak";

describe("logs of a full run", () => {
  it("never contain the bot token, the signing or chart secret, a request signature or a chart link signature", async () => {
    let written = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const run = await startSlackApp({
      env: {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        CHART_SECRET,
        MIN_RESPONDENTS_FOR_SPREAD: "1",
        LOG_LEVEL: "trace",
      },
      logger: createLogger({ level: "trace", stream: sink }),
    });
    try {
      await run.command("U0ALICE", "");
      await run.api.waitFor("chat.postMessage", 2);
      await run.answerEverything("U0ALICE", 3);
      // Each command's replies are awaited: commands run side by side, and `export` needs the closed round.
      const posts = () => run.api.calls("chat.postMessage").length;
      // Posts so far: the invitation, the first question, the result's details in a thread under it.
      await expect.poll(posts).toBe(3);
      run.api.fail("chat.postMessage", "not_in_channel");
      await run.command("U0ALICE", "summary");
      await run.api.waitFor("chat.postEphemeral"); // the apology for the refused post
      await run.command("U0ALICE", "close");
      await expect.poll(posts).toBe(6); // the summary and its thread reply
      await run.command("U0ALICE", "history");
      await expect.poll(posts).toBe(7);
      await run.command("U0ALICE", "export csv");
      await run.api.waitFor("files.completeUploadExternal");
      // A forged request: signed with the wrong secret.
      const forged = await postSigned(`${run.origin}/slack/events`, {
        secret: "not-the-secret",
        body: formBody(commandFields(run.api)),
        contentType: FORM,
      });
      expect(forged.status).toBe(401);
    } finally {
      await run.close();
    }
    const chartSignatures = run.api
      .calls("chat.postMessage")
      .flatMap((c) => JSON.stringify(c.body).match(/[?&]s=([\w-]{20,})/g) ?? []);
    expect(chartSignatures.length).toBeGreaterThan(0);
    expect(written.length).toBeGreaterThan(10_000);
    const leaks = [BOT_TOKEN, "LOGSECRETTOKEN", SIGNING_SECRET, CHART_SECRET, ...chartSignatures].filter((s) =>
      written.includes(s),
    );
    expect(leaks).toEqual([]);
    // Request signatures (v0=<64 hex>) never appear, whoever sent them.
    expect(written).not.toMatch(/v0=[0-9a-f]{64}/);
    expect(slackSignature(SIGNING_SECRET, 1, "x")).toMatch(/^v0=[0-9a-f]{64}$/);
  });
});
