import type { ServerResponse } from "node:http";
import type { Installation } from "@slack/oauth";
import { SLASH_COMMAND } from "./command-spelling.js";

/** What the person sees in the browser at the end of the install flow: what happened, and what to do next. */
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

function page(res: ServerResponse, status: number, title: string, paragraphs: string[]): void {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    // Nothing on these pages needs a script, a frame or a cache.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    "cache-control": "no-store",
  });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
      `<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;line-height:1.5}</style></head>` +
      `<body><h1>${escapeHtml(title)}</h1>\n${body}</body></html>`,
  );
}

export function installedPage(res: ServerResponse, installation: Installation): void {
  const where = installation.isEnterpriseInstall
    ? `the ${escapeHtml(installation.enterprise?.name ?? "Enterprise Grid")} organisation`
    : escapeHtml(installation.team?.name ?? "your workspace");
  const team = installation.team?.id ?? "";
  const open = installation.appId
    ? `<a href="https://slack.com/app_redirect?app=${encodeURIComponent(installation.appId)}${team ? `&amp;team=${encodeURIComponent(team)}` : ""}">Open the app in Slack</a>. `
    : "";
  page(res, 200, "MLOps Assess is installed", [
    `MLOps Assess is now in ${where}.`,
    `Next: in the channel of the team you want to assess, type <code>${`${SLASH_COMMAND} start`}</code>. ` +
      `Everyone in the channel gets a Start button; the team result appears when the round closes. ` +
      `For a private assessment, send the app a direct message instead.`,
    `${open}Type <code>${`${SLASH_COMMAND} help`}</code> for every command.`,
  ]);
}

/** Why the install did not happen, in words a person can act on (Bolt's error codes, @slack/oauth errors.ts). */
export function installFailedPage(res: ServerResponse, code: string): void {
  const again = `<a href="/slack/install">Start the installation again</a>.`;
  const [status, title, ...why] = failure(code);
  page(res, status, title, [...why, again]);
}

function failure(code: string): [status: number, title: string, ...why: string[]] {
  switch (code) {
    case "slack_oauth_invalid_state":
    case "slack_oauth_missing_state":
      return [
        400,
        "This install link cannot be used",
        "The link was not issued by this app, has expired (after 10 minutes), or was already used once.",
      ];
    case "slack_oauth_installer_authorization_error":
      return [400, "Installation cancelled", "Nothing was installed."];
    case "slack_oauth_missing_code":
      return [400, "This install link is incomplete", "Slack's answer did not come with a code."];
    default:
      return [
        502,
        "Slack did not complete the installation",
        // The code is in the log ("slack install refused"), where whoever runs the app can act on it.
        "Nothing was installed. Try again in a minute; if it keeps failing, ask whoever runs this app to check its Slack settings.",
      ];
  }
}

export function installUnavailablePage(res: ServerResponse): void {
  page(res, 503, "Installation is not available right now", ["Please try again in a minute."]);
}
