import type { CommandSpelling } from "../../src/chat/command-words.js";

/**
 * A command in Teams text: the words people send to the bot, `status` (the bare command, which starts a round,
 * reads `assess`).
 */
export const spellTeamsCommand: CommandSpelling = (words) => `\`${words === "" ? "assess" : words}\``;
