import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderThreaded } from "../../adapters/slack/render-message.js";
import { renderCard } from "../../adapters/teams/render-message.js";
import { fitHistory } from "../../src/chart/history-fit.js";
import { historySvg } from "../../src/chart/history-svg.js";
import { svgToPng } from "../../src/chart/png.js";
import { summarySvg } from "../../src/chart/summary-svg.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { gallery } from "./catalogue.js";
import { galleryPage, type RenderedEntry } from "./page.js";
import { type Measured, screenshots } from "./screenshots.js";
import { slackHtml } from "./slack-html.js";

/**
 * `npm run gallery`: every kind of message the flows send, rendered for Slack and Teams, into docs/gallery/ (JSON
 * per message, index.html, chart PNGs) and, where Debian's Chromium is installed, screenshots at 400 px (a phone)
 * and 900 px with the measured heights (measurements.json).
 */
const OUT = "docs/gallery";
const CHROMIUM = "/usr/bin/chromium";

/** Slack's Block Kit Builder opens a message from its URL fragment. */
const builderUrl = (blocks: unknown) =>
  `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify({ blocks }))}`;

async function main(): Promise<void> {
  const withScreenshots = existsSync(CHROMIUM);
  // Without Chromium the last run's screenshots and measurements stay (stale, not gone); the rest is written anew.
  for (const part of withScreenshots ? [OUT] : [join(OUT, "json"), join(OUT, "charts")])
    await rm(part, { recursive: true, force: true });
  await mkdir(join(OUT, "json"), { recursive: true });
  await mkdir(join(OUT, "charts"), { recursive: true });
  const entries = await gallery();
  const rendered: RenderedEntry[] = [];
  for (const entry of entries) {
    // As the bot posts it in a channel or a DM: a summary's details go in a thread reply under it.
    const { message: slack, thread } = renderThreaded(entry.message);
    const card = renderCard(entry.message);
    await writeFile(join(OUT, "json", `${entry.id}.slack.json`), `${JSON.stringify(slack, null, 2)}\n`);
    if (thread)
      await writeFile(join(OUT, "json", `${entry.id}.slack-thread.json`), `${JSON.stringify(thread, null, 2)}\n`);
    await writeFile(join(OUT, "json", `${entry.id}.teams.json`), `${JSON.stringify(card, null, 2)}\n`);
    rendered.push({
      entry,
      slackHtml: slackHtml(slack),
      teamsCard: card,
      builderUrl: builderUrl(slack.blocks),
      ...(thread ? { thread: { html: slackHtml(thread), builderUrl: builderUrl(thread.blocks) } } : {}),
    });
  }
  const levelNames = defaultModel.levels.map((l) => l.name);
  const charts: { id: string; file: string }[] = [];
  for (const { entry } of rendered) {
    const m = entry.message;
    const svg =
      m.kind === "summary" && m.scope === "team"
        ? summarySvg(m, levelNames)
        : m.kind === "history"
          ? historySvg(fitHistory(m.series), levelNames)
          : undefined;
    if (!svg) continue;
    const file = `charts/${entry.id}.png`;
    await writeFile(join(OUT, file), svgToPng(svg));
    charts.push({ id: entry.id, file });
  }
  await writeFile(join(OUT, "index.html"), galleryPage(rendered, charts));
  console.log(`${rendered.length} messages and ${charts.length} charts in ${OUT}/index.html`);

  if (!withScreenshots) {
    console.log(
      `Screenshots not taken (the old ones are kept): ${CHROMIUM} is not installed (apt-get install -y chromium fonts-liberation).`,
    );
    return;
  }
  const ids = [
    ...rendered.flatMap(({ entry, thread }) => [
      `${entry.id}-slack`,
      ...(thread ? [`${entry.id}-slack-thread`] : []),
      `${entry.id}-teams`,
    ]),
    ...charts.map((c) => `chart-${c.id}`),
  ];
  const heights = await screenshots({ chromium: CHROMIUM, page: join(OUT, "index.html"), out: OUT, ids });
  await writeFile(join(OUT, "measurements.json"), `${JSON.stringify(heights, null, 2)}\n`);
  const said = (m: Measured | undefined) =>
    m ? `${m.height} px${m.beforeDetails === undefined ? "" : ` (${m.beforeDetails} px before Details)`}` : "-";
  for (const [id, h] of Object.entries(heights))
    console.log(`${id.padEnd(24)} 400 px wide: ${said(h[400])} · 900 px wide: ${said(h[900])}`);
}

await main();
