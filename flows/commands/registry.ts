import { command as commandWord } from "../../src/chat/command-words.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { CommandEvent, FlowContext } from "../context.js";
import { privately, problem } from "../replies.js";
import { actions } from "./actions.js";
import { close } from "./close.js";
import { ANYONE, type Command, defineCommand } from "./command.js";
import { evidence } from "./evidence.js";
import { exportRounds } from "./export.js";
import { forgetMe } from "./forget-me.js";
import { history } from "./history.js";
import { levels } from "./levels.js";
import { org } from "./org.js";
import { pause } from "./pause.js";
import { refusal } from "./permission.js";
import { privacy } from "./privacy.js";
import { resume } from "./resume.js";
import { schedule } from "./schedule.js";
import { settings } from "./settings.js";
import { snooze } from "./snooze.js";
import { start } from "./start.js";
import { status } from "./status.js";
import { summary } from "./summary.js";
import { target } from "./target.js";
import { webhook } from "./webhook.js";

/** `help`: the list of commands. It lives here, beside the list it prints. */
const help = defineCommand<{ unknown: string | undefined }>({
  name: "help",
  readsOnly: true,
  aliases: [],
  usage: "help",
  help: "this list",
  suggestion: { example: "help", inTeam: "Everything the bot can do", inPersonal: "Everything the bot can do" },
  parse: ({ word }) => ({ unknown: word === "help" ? undefined : word }),
  permission: () => ANYONE,
  run: async (_ctx, { address }, { unknown }) => [
    // An unknown word is a problem like any invalid input; the list that follows says what to do instead.
    ...(unknown ? [problem("unknown_command", `I don't know the command "${unknown}".`)] : []),
    privately("Here is what I can do:", helpLines(), address.isDirect ? [] : [settingsButton(address.channel)]),
  ],
});

/** Opens the team's settings form (help in a channel, the Home tab). */
export const settingsButton = (channel: string) => ({
  label: "Settings",
  action: { a: "settings" as const, c: channel },
});

/** Every command, in the order help lists them. A test checks that each file of this folder is here. */
export const COMMANDS: readonly Command[] = [
  start,
  resume,
  evidence,
  status,
  summary,
  history,
  actions,
  close,
  exportRounds,
  target,
  levels,
  schedule,
  pause,
  snooze,
  privacy,
  settings,
  webhook,
  org,
  forgetMe,
  help,
];

const byWord = new Map(COMMANDS.flatMap((c) => [c.name, ...c.aliases].map((word) => [word, c] as const)));

/** One line per command: what help and the Home tab show. */
export function helpLines(): string[] {
  return COMMANDS.map((c) => `${commandWord(c.usage)}: ${c.help}`);
}

export interface Invocation {
  command: Command;
  /** The command word as typed, lower-cased ("start" for empty text). */
  word: string;
  /** The words after it, as typed. */
  args: string[];
  /** False for a word no command answers to: help then says so. */
  known: boolean;
}

/** Which command the text names. Empty text starts a round; an unknown word gets help, never an error. */
export function findCommand(text: string): Invocation {
  const [first, ...args] = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const word = first?.toLowerCase() ?? start.name;
  const found = byWord.get(word);
  return { command: found ?? help, word, args, known: found !== undefined };
}

/** Parse the text, check who may run it, run it. */
export async function runCommand(ctx: FlowContext, event: CommandEvent, text: string): Promise<Reply[]> {
  const { command, word, args } = findCommand(text);
  const parsed = command.parse({ word, args, user: event.user });
  const refused = await refusal(ctx, event, command.permission(parsed));
  return refused ? [refused] : command.run(ctx, event, parsed);
}
