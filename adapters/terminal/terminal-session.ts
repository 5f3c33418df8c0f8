import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ButtonAction } from "../../src/chat/actions.js";
import { type Address, type ChatUser, conversationName } from "../../src/chat/address.js";
import { progressLabel } from "../../src/chat/answer-words.js";
import type { QuestionMessage, Reply } from "../../src/chat/outbound.js";
import type { ChatBot } from "../../src/chat/ports.js";
import { optionKeys, renderText } from "./render-message.js";

export interface TerminalSessionOptions {
  bot: ChatBot;
  user: ChatUser;
  team: string;
  mode: "quick" | "deep";
  input: Readable;
  output: Writable;
  /** A person at a keyboard gets a prompt; piped input is read one answer per line. */
  interactive: boolean;
}

export interface TerminalOutcome {
  completed: boolean;
  /** Where the person was when the session ended ("question 3/8"). */
  reached?: string;
}

const KEYS: Record<string, ButtonAction["a"]> = { b: "back", s: "skip", c: "cancel" };

/** Drive the bot from a terminal: one question at a time, answers typed as the keys printed (levels on a ladder). */
export async function runTerminalSession(options: TerminalSessionOptions): Promise<TerminalOutcome> {
  const { bot, user, output } = options;
  // The team's name, as typed, is what its summary is titled with.
  const name = conversationName(options.team);
  const address: Address = {
    platform: "terminal",
    workspace: "local",
    channel: options.team,
    isDirect: false,
    ...(name ? { name } : {}),
  };
  const lines = createInterface({ input: options.input, terminal: false })[Symbol.asyncIterator]();
  const print = (text: string) => output.write(`${text}\n`);

  let question: QuestionMessage | undefined;
  const show = (replies: Reply[]): boolean => {
    let done = false;
    for (const reply of replies) {
      // Edits of an earlier channel message (the invitation's participation) mean nothing in a scrolling terminal.
      if (reply.delivery.to === "channel" && reply.delivery.update) continue;
      print(renderText(reply.message));
      if (reply.message.kind === "question") question = reply.message;
      if (reply.message.kind === "summary" && reply.message.scope === "person") done = true;
    }
    return done;
  };

  if (show(await bot.handle({ kind: "command", text: `start ${options.mode}`, address, user, raw: null }))) {
    return { completed: true };
  }
  while (question) {
    const current: QuestionMessage = question;
    if (options.interactive) output.write("> ");
    const next = await lines.next();
    if (next.done) {
      return {
        completed: false,
        reached: current.progress.index === 0 ? "the opening question" : `question ${progressLabel(current.progress)}`,
      };
    }
    const action = actionFor(current, next.value.trim().toLowerCase());
    if (!action) {
      // One line: the question is still on screen just above.
      print(`Please type ${optionKeys(current).join(", ")}, b (back), s (skip) or c (cancel).`);
      continue;
    }
    question = undefined;
    const replies = await bot.handle({ kind: "action", action, address, user, raw: null });
    if (show(replies)) return { completed: true };
    if (!question && replies.some((r) => r.message.kind === "notice")) return { completed: false };
    question ??= current;
  }
  return { completed: false };
}

function actionFor(question: QuestionMessage, line: string): ButtonAction | undefined {
  const option = optionKeys(question).indexOf(line);
  if (option >= 0) return question.options[option]?.action;
  const nav = KEYS[line];
  return nav ? question.navigation.find((n) => n.action.a === nav)?.action : undefined;
}
