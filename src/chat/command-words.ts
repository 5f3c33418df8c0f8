import { mapStrings } from "./text-tokens.js";

/**
 * Commands named in outbound text, whatever the platform. Flows write `command("status")`; each renderer spells the
 * token its platform's way (Slack: `/mlops-assess status`; Teams and the terminal: the words people send, `status`)
 * with `spellCommands`. The token is the words between two private-use characters, so it passes through every
 * string operation flows do (templates, joins) and cannot be mistaken for anything people type.
 */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const TOKEN = /\uE000([^\uE000\uE001]*)\uE001/g;

/** A command in outbound text: `command()` is the bare command (start a round), `command("status")` a subcommand. */
export function command(words = ""): string {
  return `${OPEN}${words}${CLOSE}`;
}

/** How a platform writes a command, given its words ("" for the bare command). */
export type CommandSpelling = (words: string) => string;

export function spellCommandsIn(text: string, spell: CommandSpelling): string {
  return text.includes(OPEN) ? text.replace(TOKEN, (_, words: string) => spell(words)) : text;
}

/** A message with every command token in every text spelled (a copy; the message itself is left as it is). */
export function spellCommands<T>(message: T, spell: CommandSpelling): T {
  return mapStrings(message, (text) => spellCommandsIn(text, spell));
}
