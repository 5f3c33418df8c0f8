import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SLACK_OAUTH_REDIRECT_PATH } from "../../../adapters/slack/install-routes.js";
import { SLACK_BOT_SCOPES } from "../../../adapters/slack/scopes.js";
import { SLACK_EVENTS_PATH } from "../../../adapters/slack/slack-adapter.js";

/** The Slack app manifest must match what the adapter serves and calls: one URL, the events parse.ts reads, and a
 * scope for every Web API method the adapter uses (and no more). */
const root = join(import.meta.dirname, "..", "..", "..");
const url = z.string().regex(/^https:\/\/[^/]+\/slack\/events$/);
const manifest = z
  .object({
    _metadata: z.object({ major_version: z.literal(1) }),
    display_information: z.object({ name: z.string().min(1).max(35), description: z.string().max(140) }),
    features: z.object({
      app_home: z.object({ home_tab_enabled: z.literal(true), messages_tab_enabled: z.literal(true) }),
      bot_user: z.object({ display_name: z.string().min(1).max(80) }),
      slash_commands: z.array(
        z.object({
          command: z.string(),
          url,
          description: z.string().min(1).max(2000),
          usage_hint: z.string().max(1000),
        }),
      ),
    }),
    oauth_config: z.object({
      redirect_urls: z.array(z.string().regex(/^https:\/\/[^/]+\//)),
      scopes: z.object({ bot: z.array(z.string()) }),
    }),
    settings: z.object({
      event_subscriptions: z.object({ request_url: url, bot_events: z.array(z.string()) }),
      interactivity: z.object({ is_enabled: z.literal(true), request_url: url }),
      socket_mode_enabled: z.literal(false),
    }),
  })
  .parse(JSON.parse(readFileSync(join(root, "manifest.json"), "utf8")));

/** Scopes per Web API method (each method's page on docs.slack.dev); views.publish needs none. */
const SCOPE_OF: Record<string, string | null> = {
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "conversations.open": "im:write",
  /** Joining a round from outside its channel: is the person a member? (groups:read covers private channels) */
  "conversations.members": "channels:read",
  "users.info": "users:read",
  "views.publish": null,
  /** Modals (settings, changing an action) need no scope of their own: the trigger_id is the permission. */
  "views.open": null,
  /** The client's wrapper over files.getUploadURLExternal + files.completeUploadExternal. */
  filesUploadV2: "files:write",
};
/**
 * Bot events need scopes too: message.im is delivered only with im:history; member_joined_channel (the app added to
 * a channel, when it says hello) with channels:read for public channels and groups:read for private ones.
 */
const EVENT_SCOPES: Record<string, string[]> = {
  app_home_opened: [],
  "message.im": ["im:history"],
  app_uninstalled: [],
  tokens_revoked: [],
  member_joined_channel: ["channels:read", "groups:read"],
};

describe("manifest.json", () => {
  it("offers /mlops-assess and points commands, interactivity and events at the adapter's path", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/mlops-assess"]);
    for (const u of [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ]) {
      expect(new URL(u).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      "app_home_opened",
      "message.im",
      "app_uninstalled",
      "tokens_revoked",
      "member_joined_channel",
    ]);
  });

  it("sends OAuth installs back to the redirect route, asking for the scopes the install link asks for", () => {
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_OAUTH_REDIRECT_PATH]);
    expect(manifest.oauth_config.scopes.bot).toEqual(SLACK_BOT_SCOPES);
  });

  it("asks for exactly the scopes of the Web API methods the adapter calls and the events it reads", () => {
    const source = readFileSync(join(root, "adapters", "slack", "slack-api.ts"), "utf8");
    // Typed methods (`client.users.info(`) and the chat writes posted as JSON (`chat.call("chat.update"`).
    const methods = [...source.matchAll(/(?:client\.(\w+(?:\.\w+)?)\(|chat\.call\("([\w.]+)")/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(methods.sort()).toEqual(Object.keys(SCOPE_OF).sort());
    const needed = new Set(
      [
        "commands",
        ...Object.values(SCOPE_OF),
        ...manifest.settings.event_subscriptions.bot_events.flatMap((e) => EVENT_SCOPES[e] ?? []),
      ].filter((s): s is string => typeof s === "string"),
    );
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });
});
