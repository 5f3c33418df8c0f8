/**
 * `npm run bench:loop`: what the improvement loop adds to the request path, measured side by side in one run on
 * real Redis (REDIS_URL). A modal submission is the one Slack request answered after the bot's work (field errors
 * travel in the ack), so its latency is set against a slash command's ack on the same app; the webhook's 202
 * comes after a Redis lookup, the rate-limit write and the channel post.
 */
import { readConfig } from "../app/config.js";
import { createApp } from "../app/create-app.js";
import { startFakeSlackApi } from "../test/fakes/fake-slack-api.js";
import { formBody } from "../test/fakes/slack-signing.js";
import { deleteKeysUnder } from "./cleanup.js";
import { BENCH_SECRET, commandBody, postSigned } from "./signed.js";
import { ms, percentile, printTable, type Row } from "./stats.js";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `bench-loop-${Date.now()}`;
/** Requests of each kind, alternated so both see the same machine. */
const SAMPLES = 300;
/** Webhooks accept ten an hour per team: this many teams give the 202 samples. */
const HOOK_TEAMS = 20;

function submission(values: Record<string, string>, channel: string): string {
  const kinds: Record<string, [string, string]> = {
    cadence: ["static_select", "selected_option"],
    day: ["static_select", "selected_option"],
    time: ["timepicker", "selected_time"],
    zone: ["plain_text_input", "value"],
    target: ["static_select", "selected_option"],
    privacy: ["static_select", "selected_option"],
  };
  const state = Object.fromEntries(
    Object.entries(values).map(([id, value]) => {
      const [type, key] = kinds[id] ?? ["plain_text_input", "value"];
      return [id, { [id]: { type, [key]: key === "selected_option" ? { value } : value } }];
    }),
  );
  const payload = {
    type: "view_submission",
    team: { id: "TBENCH0001" },
    user: { id: "UBENCH0001", name: "bench", team_id: "TBENCH0001" },
    view: {
      callback_id: "ma:form",
      private_metadata: JSON.stringify({ f: "settings", c: channel }),
      state: { values: state },
    },
  };
  return formBody({ payload: JSON.stringify(payload) });
}

const summary = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });

async function main() {
  const api = await startFakeSlackApi();
  const app = await createApp({
    config: readConfig({
      SLACK_SIGNING_SECRET: BENCH_SECRET,
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_API_URL: api.apiUrl,
      REDIS_URL: redisUrl,
      KEY_PREFIX: prefix,
      PUBLIC_URL: "https://bench.example.com",
      CHART_SECRET: "bench-chart-secret-0123456789",
      LOG_LEVEL: "error",
    }),
    logger: { debug() {}, info() {}, warn() {}, error: (f, m) => console.error(m, f) },
    cron: false,
  });
  const origin = await app.listen(0, "127.0.0.1");
  const slack = `${origin}/slack/events`;
  try {
    await postSigned(slack, commandBody("UBENCH0001", "schedule weekly mon 09:00 UTC"));
    const valid = { cadence: "weekly", day: "mon", time: "09:00", zone: "UTC", privacy: "confidential" };
    const invalid = { ...valid, zone: "Mars/Olympus" };
    const times = { command: [] as number[], refused: [] as number[], unchanged: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      times.command.push((await postSigned(slack, commandBody("UBENCH0001", "status"))).ms);
      const refused = await postSigned(slack, submission(invalid, "CBENCH0001"));
      if (refused.status !== 200) throw new Error(`submission answered ${refused.status}`);
      times.refused.push(refused.ms);
      times.unchanged.push((await postSigned(slack, submission(valid, "CBENCH0001"))).ms);
    }
    await app.close().catch(() => undefined);
    console.error("webhooks ...");
    const hookTimes: number[] = [];
    const app2 = await createApp({
      config: readConfig({
        SLACK_SIGNING_SECRET: BENCH_SECRET,
        SLACK_BOT_TOKEN: "xoxb-bench",
        SLACK_API_URL: api.apiUrl,
        REDIS_URL: redisUrl,
        KEY_PREFIX: prefix,
        PUBLIC_URL: "https://bench.example.com",
        CHART_SECRET: "bench-chart-secret-0123456789",
      }),
      logger: { debug() {}, info() {}, warn() {}, error: (f, m) => console.error(m, f) },
      cron: false,
    });
    const origin2 = await app2.listen(0, "127.0.0.1");
    for (let t = 0; t < HOOK_TEAMS; t++) {
      const channel = `CHOOK${String(t).padStart(4, "0")}`;
      const before = api.calls("chat.postEphemeral").length;
      await postSigned(`${origin2}/slack/events`, commandBody("UBENCH0001", "webhook", channel));
      await api.waitFor("chat.postEphemeral", before + 1);
      const shown = JSON.stringify(api.calls("chat.postEphemeral").at(-1)?.body.blocks);
      const path = /\/hooks\/reassess\/[\w-]+/.exec(shown)?.[0];
      if (!path) throw new Error("no webhook URL shown");
      for (let i = 0; i < 10; i++) {
        const started = process.hrtime.bigint();
        const res = await fetch(`${origin2}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ dimension: "deployment-release", reason: `release ${i}` }),
        });
        await res.arrayBuffer();
        if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
        hookTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    await app2.close().catch(() => undefined);

    const c = summary(times.command);
    const rows: Row[] = [];
    for (const [measure, values] of [
      ["settings submission refused (errors in the ack), p50", times.refused],
      ["settings submission, nothing changed, p50", times.unchanged],
    ] as const) {
      const s = summary([...values]);
      rows.push({
        measure,
        ours: ms(s.p50),
        reference: ms(c.p50),
        ratio: (s.p50 / c.p50).toFixed(2),
        goal: "< 3000 ms",
      });
      rows.push({
        measure: measure.replace("p50", "p99"),
        ours: ms(s.p99),
        reference: ms(c.p99),
        ratio: (s.p99 / c.p99).toFixed(2),
        goal: "< 3000 ms",
      });
    }
    const h = summary(hookTimes);
    rows.push({
      measure: `webhook POST -> 202 (${hookTimes.length}), p50`,
      ours: ms(h.p50),
      reference: "",
      ratio: "",
      goal: "",
    });
    rows.push({ measure: "webhook POST -> 202, p99", ours: ms(h.p99), reference: "", ratio: "", goal: "" });
    console.log(`reference: slash command ack on the same app (${SAMPLES} each, alternated)`);
    printTable(rows);
  } finally {
    await api.close();
    await deleteKeysUnder(redisUrl, prefix);
  }
}

await main();
