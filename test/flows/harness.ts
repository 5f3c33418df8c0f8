import { createBot } from "../../flows/bot.js";
import type { ButtonAction } from "../../src/chat/actions.js";
import type { Address } from "../../src/chat/address.js";
import type { HistoryMessage, OutboundMessage, QuestionMessage, Reply } from "../../src/chat/outbound.js";
import type { ChatBot, Logger } from "../../src/chat/ports.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import { createKeys } from "../../src/store/keys.js";
import type { Store } from "../../src/store/store.js";

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** A mutable clock so tests can move time (round expiry, resume after days). */
export function testClock(start = "2026-11-23T09:00:00.000Z") {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    advanceDays(days: number) {
      now = new Date(now.getTime() + days * 86_400_000);
    },
  };
}

export const channel = (id = "C1"): Address => ({ platform: "slack", workspace: "T1", channel: id, isDirect: false });
export const dm = (id: string): Address => ({ platform: "slack", workspace: "T1", channel: id, isDirect: true });

/** Transcript-style driver: people type commands and click the buttons the bot actually sent them. */
export function createTranscript(
  store: Store,
  options: {
    model?: AssessmentModel;
    prefix?: string;
    clock?: () => Date;
    minRespondentsForSpread?: number;
    historyRetentionDays?: number;
    admins?: string[];
  } = {},
) {
  const bot: ChatBot = createBot({
    store,
    keys: createKeys(options.prefix ?? "t"),
    model: options.model ?? defaultModel,
    clock: options.clock ?? testClock().clock,
    logger: quietLogger,
    ...(options.minRespondentsForSpread === undefined
      ? {}
      : { minRespondentsForSpread: options.minRespondentsForSpread }),
    ...(options.historyRetentionDays === undefined ? {} : { historyRetentionDays: options.historyRetentionDays }),
    ...(options.admins ? { admins: options.admins } : {}),
  });
  const user = (id: string) => ({ id, name: id });
  return {
    bot,
    say: (userId: string, text: string, where: Address = channel()) =>
      bot.handle({ kind: "command", text, address: where, user: user(userId), raw: null }),
    // A button is clicked where it was posted: an invitation's Join in its channel, everything else in a DM.
    click: (
      userId: string,
      action: ButtonAction,
      where: Address = action.a === "join" ? channel(action.c) : dm(`D-${userId}`),
    ) => bot.handle({ kind: "action", action, address: where, user: user(userId), raw: null }),
  };
}

export function messages(replies: Reply[], kind: OutboundMessage["kind"]): OutboundMessage[] {
  return replies.map((r) => r.message).filter((m) => m.kind === kind);
}

export function questionIn(replies: Reply[]): QuestionMessage {
  const q = replies.map((r) => r.message).find((m): m is QuestionMessage => m.kind === "question");
  if (!q) throw new Error(`expected a question in ${JSON.stringify(replies.map((r) => r.message.kind))}`);
  return q;
}

/** The button for option `n` (1-based, as printed) of a question. */
export function option(question: QuestionMessage, n: number): ButtonAction {
  const action = question.options[n - 1]?.action;
  if (!action) throw new Error(`question has no option ${n}`);
  return action;
}

export function historyIn(replies: Reply[]): HistoryMessage {
  const h = replies.map((r) => r.message).find((m): m is HistoryMessage => m.kind === "history");
  if (!h) throw new Error(`expected a history in ${JSON.stringify(replies.map((r) => r.message.kind))}`);
  return h;
}

export type Transcript = ReturnType<typeof createTranscript>;

/**
 * Click option `picks[i]` of each question in turn, starting from the replies that held the first one
 * (quick mode: 1 = least mature ... 5 = most, 6 = not sure).
 */
export async function answerAll(t: Transcript, userId: string, first: Reply[], picks: number[]): Promise<Reply[]> {
  let replies = first;
  for (const pick of picks) replies = await t.click(userId, option(questionIn(replies), pick));
  return replies;
}

/** Every text a person would read in these replies, one per line. */
export const textOf = (replies: Reply[]) =>
  replies
    .map((r) =>
      "text" in r.message ? [r.message.text, ...("lines" in r.message ? r.message.lines : [])].join("\n") : "",
    )
    .join("\n");
