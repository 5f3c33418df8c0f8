/**
 * The bot scopes the app asks for when it is installed (GET /slack/install). manifest.json lists the same ones
 * (test/adapters/slack/manifest.test.ts holds them equal): this copy is what the running app has, since the
 * image ships only the build.
 */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "files:write",
  "im:write",
  "im:history",
  "users:read",
  "channels:read",
  "groups:read",
];
