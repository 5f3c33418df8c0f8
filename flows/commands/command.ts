import type { ChatUser } from "../../src/chat/address.js";
import type { Reply } from "../../src/chat/outbound.js";
import type { CommandEvent, FlowContext } from "../context.js";

/** What a person typed after the command name, for a command's parser. */
export interface CommandInput {
  /** The command word as typed, lower-cased (a name or an alias: `deep` means something `start` does not). */
  word: string;
  /** The words after it, as typed: links, time zones and cron expressions are case-sensitive. */
  args: readonly string[];
  user: ChatUser;
}

/** Who may run a command; checked by the registry before the handler runs, with one refusal text per kind. */
export type Permission =
  | { who: "anyone" }
  /** The opener of the channel's latest round, or an admin (anyone while the channel has no round). */
  | { who: "manager"; to: string }
  /** Reminders: anyone while the channel has none, then whoever set them or an admin; never in a direct chat. */
  | { who: "scheduler"; to: string }
  /** Workspace admins (Slack admins and owners, ADMIN_USER_IDS). */
  | { who: "admin"; to: string };

export const ANYONE: Permission = { who: "anyone" };

/** An entry of the command menus platforms show (Teams' command lists): an example and what it does where. */
export interface Suggestion {
  /** What the menu inserts: the command and, where it helps, an example argument (`target 3`). */
  example: string;
  /** Shown in a team channel or group chat. */
  inTeam?: string;
  /** Shown in a person's own chat with the bot. */
  inPersonal?: string;
}

/**
 * One chat command: everything the bot knows about it lives in its file under flows/commands/. Help, the permission
 * check, the Slack usage hint and the Teams command lists are derived from these fields (registry.ts, and a test
 * holds both manifests to them).
 *
 * Members are methods on purpose: a `Command<{ mode: Mode }>` is then also a `Command<unknown>` for the registry's
 * list. That is sound here because the registry only ever hands `run` and `permission` what the same command's
 * `parse` returned.
 */
export interface Command<Args = unknown> {
  /** The word people type after the slash command in Slack, or send to the bot in Teams. */
  name: string;
  aliases: readonly string[];
  /** The words it takes, for help and Slack's usage hint: `target <0-4>`. */
  usage: string;
  /** What it does, for help (may name other commands with `command(...)`). */
  help: string;
  suggestion?: Suggestion;
  /**
   * It only reads (and posts what it read): a crash before it ran loses nothing anybody gave, so adapters may
   * acknowledge it first. Every other command is written before its acknowledgement (see flows/intake.ts).
   */
  readsOnly?: true;
  parse(input: CommandInput): Args;
  permission(args: Args): Permission;
  run(ctx: FlowContext, event: CommandEvent, args: Args): Promise<Reply[]>;
}

/** Typed once here, so each command file gets its `Args` checked across parse, permission and run. */
export function defineCommand<Args>(command: Command<Args>): Command<Args> {
  return command;
}
