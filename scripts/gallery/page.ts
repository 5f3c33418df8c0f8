import type { GalleryEntry } from "./catalogue.js";
import { SLACK_CSS } from "./slack-html.js";
import { TEAMS_LIGHT_HOST_CONFIG } from "./teams-host-config.js";

/** What the page shows of one entry: its Slack HTML, its Teams card and its Block Kit Builder link. */
export interface RenderedEntry {
  entry: GalleryEntry;
  slackHtml: string;
  teamsCard: unknown;
  builderUrl: string;
  /** The Slack thread reply the bot posts under the message (a summary's details). */
  thread?: { html: string; builderUrl: string };
}

const plain = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One page with every message, Slack above Teams. Teams cards are drawn in the browser by Microsoft's
 * `adaptivecards` library (loaded from node_modules, so the page works in a checkout after `npm ci`) with the
 * Teams light host config. Each rendering has an id the screenshots use: `<id>-slack`, `<id>-teams`, `chart-<id>`.
 */
export function galleryPage(
  entries: readonly RenderedEntry[],
  charts: readonly { id: string; file: string }[],
): string {
  const sections = entries.map(({ entry, slackHtml, builderUrl, thread }) => {
    const threadLinks = thread
      ? ` · <a href="${plain(thread.builderUrl)}">Thread reply in Block Kit Builder</a> · <a href="json/${entry.id}.slack-thread.json">Thread reply JSON</a>`
      : "";
    const threadFrame = thread
      ? `<h3>Slack: the reply in its thread</h3><div class="frame" id="${entry.id}-slack-thread">${thread.html}</div>`
      : "";
    return `<section>
<h2>${plain(entry.title)} <small>${entry.id}</small></h2>
<p><a href="${plain(builderUrl)}">Open in Block Kit Builder</a> · <a href="json/${entry.id}.slack.json">Slack JSON</a> · <a href="json/${entry.id}.teams.json">Teams card JSON</a>${threadLinks}</p>
<h3>Slack</h3><div class="frame" id="${entry.id}-slack">${slackHtml}</div>
${threadFrame}
<h3>Teams</h3><div class="frame teams" id="${entry.id}-teams"></div>
</section>`;
  });
  const chartSections = charts.map(
    (c) =>
      `<section><h2>Chart <small>${c.id}</small></h2><div class="frame" id="chart-${c.id}"><img class="chart" src="${c.file}" alt=""></div></section>`,
  );
  const cards = Object.fromEntries(entries.map((e) => [e.entry.id, e.teamsCard]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mlops-assess message gallery</title>
<style>
body{margin:0;padding:8px;background:#f4f4f4;font:14px system-ui,sans-serif}
section{margin:0 0 24px}
h2{font-size:16px;margin:8px 0 4px} h3{font-size:12px;margin:8px 0 4px;color:#555;text-transform:uppercase}
.frame{background:#fff;border:1px solid #ddd;border-radius:6px;overflow:hidden}
.frame.teams{background:#f5f5f5;padding:8px}
.frame.teams .ac-adaptiveCard{background:#fff;border-radius:4px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.chart{display:block;width:100%;height:auto}
.ac-pushButton{font:600 14px 'Segoe UI',sans-serif;border:1px solid #e0e0e0;border-radius:4px;background:#fff;padding:4px 12px;min-height:32px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ac-pushButton.style-positive{background:#5b5fc7;color:#fff}
.ac-pushButton.style-destructive{background:#c4314b;color:#fff}
.ac-selectable{cursor:pointer}
${SLACK_CSS}
</style>
<script src="../../node_modules/adaptivecards/dist/adaptivecards.min.js"></script>
</head><body>
<h1>mlops-assess: every message, Slack and Teams</h1>
${sections.join("\n")}
${chartSections.join("\n")}
<script type="application/json" id="cards">${JSON.stringify(cards).replace(/</g, "\\u003c")}</script>
<script type="application/json" id="host-config">${JSON.stringify(TEAMS_LIGHT_HOST_CONFIG)}</script>
<script>
// The subset of Markdown Teams renders in a TextBlock: backslash escapes, **bold**, _italic_, [links](url), "- " lists (drawn as bullets).
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const kept = [];
  const html = text
    .replace(/\\\\([\\\\*_\\[\\]\`~+.-])/g, (_, c) => { kept.push(c); return "\\u0000" + (kept.length - 1) + "\\u0000"; })
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/\\*\\*([^*]+)\\*\\*/g, "<b>$1</b>")
    .replace(/(^|\\s)_([^_]+)_/g, "$1<i>$2</i>")
    .replace(/\\[([^\\]]+)\\]\\((https?:[^)\\s]+)\\)/g, '<a href="$2">$1</a>')
    .split("\\n").map((line) => (line.startsWith("- ") ? "• " + line.slice(2) : line)).join("<br>")
    .replace(/\\u0000(\\d+)\\u0000/g, (_, i) => kept[Number(i)].replace("<", "&lt;"));
  result.outputHtml = html;
  result.didProcess = true;
};
const cards = JSON.parse(document.getElementById("cards").textContent);
const hostConfig = new AdaptiveCards.HostConfig(JSON.parse(document.getElementById("host-config").textContent));
for (const [id, json] of Object.entries(cards)) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.parse(json);
  const rendered = card.render();
  if (rendered) document.getElementById(id + "-teams").appendChild(rendered);
}
document.body.dataset.ready = "yes";
</script>
</body></html>
`;
}
