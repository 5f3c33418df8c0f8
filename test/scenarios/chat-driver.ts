import type { Platform } from "../../src/chat/address.js";

/**
 * What a person can do in a chat app, whatever the platform: say command words in the team channel, click the
 * round's invitation, answer their questions, and read what the channel or their private chat shows. Scenarios
 * written against this run unchanged on Slack and on Teams, each over real HTTP into the whole app.
 */
export interface ChatDriver {
  readonly platform: Platform;
  /** Command words in the team channel (`start`, `summary`): the slash command in Slack, a mention in Teams. */
  say(who: string, words: string): Promise<void>;
  /** Click "Take the assessment" on the round's invitation in the channel. */
  join(who: string): Promise<void>;
  /** Answer every question the person is shown with option `n` (1-based, as the buttons read). */
  answerAll(who: string, n: number): Promise<void>;
  /** What the team channel's latest message says, as plain text. */
  channelScreen(): string;
  /** What the person's private chat with the bot shows last, as plain text. */
  privateScreen(who: string): string;
  close(): Promise<void>;
}

export type StartDriver = () => Promise<ChatDriver>;
