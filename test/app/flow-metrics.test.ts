import { afterEach, describe, expect, it } from "vitest";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import type { Address } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { StoreUnavailableError } from "../../src/store/store.js";
import { option, quietLogger } from "../flows/harness.js";

/** Metrics count what the flows say happened (domain events), not what a reply happens to look like. */
let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const where: Address = { platform: "teams", workspace: "tenant-1", channel: "a:1", isDirect: true };
const user = { id: "29:ann", name: "Ann" };
const METRICS_TOKEN = "metrics-token-for-flow-metrics";
const config = () => readConfig({ METRICS_TOKEN });
const metricsOf = async (running: RunningApp) => {
  const base = await running.listen(0, "127.0.0.1");
  return (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
};

describe("flow metrics", () => {
  it("counts one start and one completion for an assessment however often it is resumed", async () => {
    const running = await createApp({ config: config(), logger: quietLogger, cron: false });
    app = running;
    const say = (text: string) => running.bot.handle({ kind: "command", text, address: where, user, raw: null });
    let replies: Reply[] = await say("");
    await say("resume");
    replies = await say("resume");
    for (let question = replies.find((r) => r.message.kind === "question")?.message; question?.kind === "question"; ) {
      replies = await running.bot.handle({
        kind: "action",
        action: option(question, 3),
        address: where,
        user,
        raw: null,
      });
      question = replies.find((r) => r.message.kind === "question")?.message;
    }
    expect(replies.some((r) => r.message.kind === "summary")).toBe(true);
    const metrics = await metricsOf(running);
    expect(metrics).toContain('assessments_total{event="started",platform="teams"} 1');
    expect(metrics).toContain('assessments_total{event="completed",platform="teams"} 1');
  });

  it("counts a request that failed because the store was unreachable", async () => {
    const down = () => Promise.reject(new StoreUnavailableError(new Error("ECONNREFUSED")));
    const store = { ...createMemoryStore(), get: down, update: down };
    const running = await createApp({ config: config(), logger: quietLogger, store, cron: false });
    app = running;
    await running.bot.handle({ kind: "command", text: "status", address: where, user, raw: null });
    expect(await metricsOf(running)).toMatch(/^store_errors_total 1$/m);
  });
});
