import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChartLinks } from "../../src/chart/chart-links.js";
import { quietLogger } from "../flows/harness.js";
import { LEVEL_NAMES, sampleSummary } from "./sample-summary.js";

let now = new Date("2026-12-01T10:00:00Z");
const links = createChartLinks({
  publicUrl: "https://bot.example.com/",
  secret: "a-secret-of-sixteen+",
  ttlMs: 86_400_000,
  levelNames: LEVEL_NAMES,
  clock: () => now,
  logger: quietLogger,
});
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
