import type { CommandSpelling } from "../../src/chat/command-words.js";

/** The app's slash command, as manifest.json declares it (test/adapters/slack/manifest.test.ts holds them together). */
export const SLASH_COMMAND = "/mlops-assess";

/** A command in Slack text: the slash command and its words, as a code span people can copy. */
export const spellSlackCommand: CommandSpelling = (words) =>
  `\`${words === "" ? SLASH_COMMAND : `${SLASH_COMMAND} ${words}`}\``;
