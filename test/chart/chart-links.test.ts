import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { HistoryChartData } from "../../src/chart/history-fit.js";
import { historyAltText, historySvg } from "../../src/chart/history-svg.js";
import { svgToPng } from "../../src/chart/png.js";
import { sampleHistory } from "./sample-history.js";
import { LEVEL_NAMES, sampleSummary } from "./sample-summary.js";
import { testChartLinks } from "./test-links.js";

let now = new Date("2026-12-01T10:00:00Z");
const links = testChartLinks(() => now);
let server: Server;
let origin: string;

beforeEach(async () => {
  now = new Date("2026-12-01T10:00:00Z");
  server = createServer(links.handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Fetch a chart link from the test server, as a chat client's image proxy would. */
const get = (link: string) => {
  const u = new URL(link);
  return fetch(`${origin}${u.pathname}${u.search}`);
};

describe("chart links", () => {
  it("serve the summary's chart as a PNG from any replica, without storing anything", async () => {
    const { url, alt } = links.chartFor(sampleSummary);
    expect(url.startsWith("https://bot.example.com/charts/summary.png?")).toBe(true);
    expect(url.length).toBeLessThan(3000); // Slack's image_url limit
    expect(alt).toContain("Reproducibility & traceability L3 (was L2)");
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.readUInt32BE(16)).toBe(1440);
  });

  it("refuse a link whose data or expiry was changed", async () => {
    const { url } = links.chartFor(sampleSummary);
    const forged = new URL(url);
    const data = JSON.parse(Buffer.from(String(forged.searchParams.get("d")), "base64url").toString());
    data.overall.level = 4;
    forged.searchParams.set("d", Buffer.from(JSON.stringify(data)).toString("base64url"));
    expect((await get(forged.toString())).status).toBe(403);
    const extended = new URL(url);
    extended.searchParams.set("e", String(Number(extended.searchParams.get("e")) + 86_400_000));
    expect((await get(extended.toString())).status).toBe(403);
    expect((await get("https://bot.example.com/charts/summary.png")).status).toBe(403);
  });

  it("stop loading once expired", async () => {
    const { url } = links.chartFor(sampleSummary);
    now = new Date(now.getTime() + 86_400_001);
    const response = await get(url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("expired");
  });
});

/** The most a history link can carry: 12 rounds of 12 dimensions, names longer than the chart shows. */
function fullHistory(name: (i: number) => string, title = "MLOps maturity over time"): HistoryChartData {
  return {
    title,
    dimensions: Array.from({ length: 12 }, (_, i) => name(i)),
    rounds: Array.from({ length: 12 }, (_, r) => ({
      label: `20${26 + Math.floor(r / 4)}-${String((r % 4) * 3 + 3).padStart(2, "0")}-30`,
      overall: Math.min(4, Math.floor(r / 3)),
      levels: Array.from({ length: 12 }, (_, d) => (r + d) % 5),
    })),
    target: 3,
  };
}

describe("history chart links", () => {
  it("serve the same PNG as drawing the history directly, with the chart's words as alt text", async () => {
    const { url, alt } = links.historyChartFor(sampleHistory);
    expect(url.startsWith("https://bot.example.com/charts/history.png?")).toBe(true);
    expect(alt).toBe(historyAltText(sampleHistory, LEVEL_NAMES));
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toBe("public, max-age=86400, immutable");
    const png = Buffer.from(await response.arrayBuffer());
    expect(png.equals(svgToPng(historySvg(sampleHistory, LEVEL_NAMES)))).toBe(true);
  });

  it("stay under Slack's 3000-character image_url even at 12 rounds of 12 long-named dimensions", async () => {
    const ascii = fullHistory((i) => `Dimension ${String(i).padStart(2, "0")} ${"x".repeat(27)}`);
    expect(ascii.dimensions[0]).toHaveLength(40);
    const { url } = links.historyChartFor(ascii);
    expect(url.length).toBeLessThan(3000);
    // Three UTF-8 bytes a character is the worst case: names and title cut to what the chart shows keep it short.
    const wide = fullHistory((i) => `測定${i}${"測".repeat(60)}`, "成熟度".repeat(40));
    const wideUrl = links.historyChartFor(wide).url;
    expect(wideUrl.length).toBeLessThan(3000);
    // What the link draws is what the chart draws from the full names.
    const png = Buffer.from(await (await get(wideUrl)).arrayBuffer());
    expect(png.equals(svgToPng(historySvg(wide, LEVEL_NAMES)))).toBe(true);
  });

  it("refuse a history link whose data or expiry was changed, or that was signed for the summary", async () => {
    const { url } = links.historyChartFor(sampleHistory);
    const forged = new URL(url);
    const data = JSON.parse(Buffer.from(String(forged.searchParams.get("d")), "base64url").toString());
    data.r[4][1] = 4;
    forged.searchParams.set("d", Buffer.from(JSON.stringify(data)).toString("base64url"));
    expect((await get(forged.toString())).status).toBe(403);
    const extended = new URL(url);
    extended.searchParams.set("e", String(Number(extended.searchParams.get("e")) + 86_400_000));
    expect((await get(extended.toString())).status).toBe(403);
    const replayed = new URL(links.chartFor(sampleSummary).url);
    replayed.pathname = "/charts/history.png";
    expect((await get(replayed.toString())).status).toBe(403);
    expect((await get(url.replace("/charts/history.png", "/charts/other.png"))).status).toBe(404);
  });

  it("stop loading once expired", async () => {
    const { url } = links.historyChartFor(sampleHistory);
    now = new Date(now.getTime() + 86_400_001);
    const response = await get(url);
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("expired");
  });

  it("refuse to make a link for data the chart cannot draw", () => {
    const thirteen = { ...sampleHistory, dimensions: [...sampleHistory.dimensions, ...fullHistory(String).dimensions] };
    expect(() => links.historyChartFor(thirteen)).toThrow();
    const badLevel = {
      ...sampleHistory,
      rounds: [{ label: "2026-03-31", overall: 5, levels: [1, 1, 1, 1, 1, 1, 1, 1] }],
    };
    expect(() => links.historyChartFor(badLevel)).toThrow();
    const missing = { ...sampleHistory, rounds: [{ label: "2026-03-31", overall: 1, levels: [1, 1] }] };
    expect(() => links.historyChartFor(missing)).toThrow();
  });
});
