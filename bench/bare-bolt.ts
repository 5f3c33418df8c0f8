/**
 * A bare Bolt app acking /mlops-assess and button clicks, run as its own process (like our replicas) for the ack
 * reference. With BARE_REDIS_URL it first makes one Redis write per request (SET of the payload), the least a
 * durable ack can cost: the reference for ours, which writes the answer itself before its ack.
 */
import { App, HTTPReceiver } from "@slack/bolt";
import { Redis } from "ioredis";
import { BENCH_SECRET } from "./signed.js";

const redis = process.env.BARE_REDIS_URL ? new Redis(process.env.BARE_REDIS_URL) : undefined;
const prefix = process.env.BARE_KEY_PREFIX ?? "bench-bare";
let written = 0;
const keep = async (body: unknown) => {
  await redis?.set(`${prefix}:${written++ % 1000}`, JSON.stringify(body), "PX", 60_000);
};

const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: "/slack/events" });
const app = new App({
  receiver,
  authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCHBOT" }),
  clientOptions: { slackApiUrl: "http://127.0.0.1:1/api/" },
});
app.command("/mlops-assess", async ({ ack, body }) => {
  await keep(body);
  await ack();
});
app.action(/.*/, async ({ ack, body }) => {
  await keep(body);
  await ack();
});
await app.start({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
