import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startChartServer } from "../../app/chart-server.js";
import { readConfig } from "../../app/config.js";
import { createApp, type RunningApp } from "../../app/create-app.js";
import { CHART_PATH, createChartLinks } from "../../src/chart/chart-links.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { sampleSummary } from "../chart/sample-summary.js";
import { fetchesReady } from "../fakes/chart-fetchers.js";
import { recordingLogger } from "../fakes/recording-logger.js";
import { quietLogger } from "../flows/harness.js";
import { freePort } from "../reliability/own-redis.js";

/**
 * A crowd fetching a chart image must not hold up an ack. With CHART_PORT, the images are served on a port of their
 * own by a thread at the lowest CPU priority, so the fetches are accepted and answered away from the acking loop.
 */
const SECRET = "chart-port-secret-0123456789";
const METRICS_TOKEN = "metrics-token-0123456789";
const levelNames = defaultModel.levels.map((l) => l.name);
let app: RunningApp | undefined;
let stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  for (const stop of stops) await stop();
  stops = [];
});

const linkAt = (origin: string) =>
  createChartLinks({
    publicUrl: origin,
    secret: SECRET,
    ttlMs: 86_400_000,
    levelNames,
    clock: () => new Date(),
    logger: quietLogger,
  }).chartFor({ ...sampleSummary, title: `Chart port ${Date.now()}` }).url;

/** A thread's nice value, as the kernel schedules it (field 19 of /proc/<pid>/task/<tid>/stat). */
function niceOf(threadId: number): number {
  const stat = readFileSync(`/proc/self/task/${threadId}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe("chart images on a port of their own (CHART_PORT)", () => {
  it("serves them there, from a thread at the lowest CPU priority, and no longer on PORT", async () => {
    const chartPort = await freePort();
    const chartOrigin = `http://127.0.0.1:${chartPort}`;
    const logger = recordingLogger();
    app = await createApp({
      config: readConfig({
        PUBLIC_URL: "https://bot.example.com",
        CHART_SECRET: SECRET,
        CHART_PORT: String(chartPort),
        CHART_PUBLIC_URL: chartOrigin,
        LOG_LEVEL: "warn",
        METRICS_TOKEN,
      }),
      logger,
    });
    const base = await app.listen(0, "127.0.0.1");
    const link = linkAt(chartOrigin);

    const image = await fetch(link);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(10_000);
    const etag = image.headers.get("etag") ?? "";
    expect((await fetch(link, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await fetch(link.replace("s=", "s=x"))).status).toBe(403);

    const onPort = new URL(link);
    expect((await fetch(`${base}${onPort.pathname}${onPort.search}`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    // The chart thread's requests are in the app's one /metrics, beside the main thread's, counted once.
    const scraped = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const chartRequests = (status: number) =>
      `http_request_duration_seconds_count{route="${CHART_PATH}",method="GET",status="${status}"}`;
    expect(scraped).toContain(`${chartRequests(200)} 1`);
    expect(scraped).toContain(`${chartRequests(304)} 1`);
    expect(scraped).toContain(`${chartRequests(403)} 1`);
    expect(scraped).toContain('http_request_duration_seconds_count{route="/healthz",method="GET",status="200"} 1');
    expect(scraped.match(/^process_cpu_seconds_total /gm)).toHaveLength(1);
    expect(scraped.match(/^nodejs_heap_size_used_bytes /gm)).toHaveLength(1);

    const started = logger.lines.find((l) => l.message === "charts listening");
    expect(started?.fields).toMatchObject({ port: chartPort, lowestPriority: true });
    const threadId = (started?.fields as { threadId?: number } | undefined)?.threadId ?? 0;
    expect(niceOf(threadId)).toBe(19);
    expect(niceOf(process.pid)).toBeLessThan(19);
  });

  it("leaves the acking loop out of a crowd's fetches: a tenth of the loop time they take on PORT, or less", async () => {
    /** How long this process's event loop (the one that acks) was busy while 200 clients fetched a drawn chart. */
    async function loopBusyMs(config: Record<string, string>, chartOrigin: (base: string) => string) {
      app = await createApp({
        config: readConfig({
          PUBLIC_URL: "https://bot.example.com",
          CHART_SECRET: SECRET,
          LOG_LEVEL: "warn",
          ...config,
        }),
        logger: quietLogger,
      });
      const link = linkAt(chartOrigin(await app.listen(0, "127.0.0.1")));
      expect((await fetch(link)).status).toBe(200);
      const fetches = await fetchesReady(link, 200);
      const before = performance.eventLoopUtilization();
      const statuses = await fetches.go();
      const busy = performance.eventLoopUtilization(before).active;
      expect(statuses.filter((s) => s === 200)).toHaveLength(200);
      await app.close();
      app = undefined;
      return busy;
    }
    const onPort = await loopBusyMs({}, (base) => base);
    const chartPort = await freePort();
    const onChartPort = await loopBusyMs(
      { CHART_PORT: String(chartPort), CHART_PUBLIC_URL: `http://127.0.0.1:${chartPort}` },
      () => `http://127.0.0.1:${chartPort}`,
    );
    console.info(
      `[chart port] acking loop busy during 200 fetches: ${onPort.toFixed(1)} ms on PORT, ${onChartPort.toFixed(1)} ms with CHART_PORT`,
    );
    expect(onPort).toBeGreaterThan(10);
    expect(onChartPort).toBeLessThan(onPort / 10);
  });

  it("replaces a chart thread that dies, on the same port", async () => {
    const logger = recordingLogger();
    const charts = await startChartServer(
      { port: 0, host: "127.0.0.1", publicUrl: "http://x", secret: SECRET, ttlMs: 1000, levelNames, logLevel: "error" },
      logger,
    );
    stops.push(() => charts.close());
    const link = linkAt(`http://127.0.0.1:${charts.port}`);
    expect((await fetch(link)).status).toBe(200);

    await charts.current().terminate();
    await expect(fetch(link)).rejects.toThrow();
    // A scrape meanwhile goes on without the chart thread's figures, and does not wait for them.
    expect(await charts.metrics()).toEqual([]);
    for (
      let tries = 0;
      tries < 50 &&
      !(await fetch(link).then(
        (r) => r.ok,
        () => false,
      ));
      tries++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(link)).status).toBe(200);
    expect(logger.lines.map((l) => l.message)).toContain("chart thread ended; starting another in 1000 ms");
    const names = (await charts.metrics()).map((m) => m.name);
    expect(names).toContain("http_request_duration_seconds");
  });

  it("does not start when the chart port is taken, and says which port", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    stops.push(() => new Promise((resolve) => taken.close(() => resolve())));
    const port = (taken.address() as { port: number }).port;
    app = await createApp({
      config: readConfig({ PUBLIC_URL: "https://bot.example.com", CHART_SECRET: SECRET, CHART_PORT: String(port) }),
      logger: quietLogger,
    });
    await expect(app.listen(0, "127.0.0.1")).rejects.toThrow(`chart port ${port}: listen EADDRINUSE`);
  });
});
