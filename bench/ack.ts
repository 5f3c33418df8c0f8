import type { AddressInfo } from "node:net";
import { App, HTTPReceiver } from "@slack/bolt";
import { BENCH_SECRET, commandBody, postSigned } from "./signed.js";
import { percentile } from "./stats.js";

/** A bare Bolt app acking the same command: the reference our ack latency is measured against. */
export async function startBareBolt(): Promise<{ url: string; close: () => Promise<void> }> {
  const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: "/slack/events" });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCHBOT" }),
    clientOptions: { slackApiUrl: "http://127.0.0.1:1/api/" },
  });
  app.command("/mlops-assess", async ({ ack }) => {
    await ack();
  });
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  const { port } = (server as import("node:http").Server).address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, close: () => app.stop().then(() => undefined) };
}

export interface AckStats {
  p50: number;
  p99: number;
  max: number;
  non200: number;
}

function summarise(samples: { status: number; ms: number }[]): AckStats {
  const times = samples.map((s) => s.ms);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: Math.max(...times),
    non200: samples.filter((s) => s.status !== 200).length,
  };
}

/** `rate` signed slash commands per second for `seconds`. */
export async function atRate(url: string, rate: number, seconds: number, userPrefix: string): Promise<AckStats> {
  const pending: Promise<{ status: number; ms: number }>[] = [];
  const total = rate * seconds;
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(postSigned(url, commandBody(`${userPrefix}${i % 50}`, "status")));
  }
  return summarise(await Promise.all(pending));
}

/** `count` signed slash commands all at once. */
export async function burst(url: string, count: number, userPrefix: string): Promise<AckStats> {
  return summarise(
    await Promise.all(
      Array.from({ length: count }, (_, i) => postSigned(url, commandBody(`${userPrefix}${i}`, "status"))),
    ),
  );
}
