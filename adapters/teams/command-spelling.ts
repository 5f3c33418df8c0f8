import type { CommandSpelling } from "../../src/chat/command-words.js";

/**
 * A command in Teams text: the words people send to the bot, in quotes, “status” (the bare command, which starts a
 * round, reads “assess”). Not a code span: Teams shows the backticks of an escaped one literally.
 */
export const spellTeamsCommand: CommandSpelling = (words) => `“${words === "" ? "assess" : words}”`;
