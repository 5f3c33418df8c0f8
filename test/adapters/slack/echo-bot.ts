import type { InboundEvent } from "../../../src/chat/inbound.js";
import type { Delivery, Reply } from "../../../src/chat/outbound.js";
import type { ChatBot } from "../../../src/chat/ports.js";

/**
 * A test double for the flows: records every event and answers deterministically. By default it echoes what it
 * got as an ephemeral notice; a test sets `reply` to script other replies, or `delayMs` to be a slow bot.
 */
export interface EchoBot extends ChatBot {
  events: InboundEvent[];
  reply: (event: InboundEvent) => Reply[];
  delayMs: number;
  /** Resolves once `count` events were handled. */
  handled(count?: number, timeoutMs?: number): Promise<InboundEvent[]>;
}

export const notice = (text: string, delivery: Delivery): Reply => ({
  message: { kind: "notice", text, lines: [], buttons: [] },
  delivery,
});

function describeEvent(event: InboundEvent): string {
  switch (event.kind) {
    case "command":
    case "text":
      return `${event.kind}: ${event.text}`;
    case "action":
      return `action: ${event.action.a}`;
    case "submit":
      return `submit: ${event.form.f}`;
    case "home":
    case "joined":
    case "expired":
      return event.kind;
    case "unsupported":
      return `unsupported: ${event.reason}`;
  }
}

export function createEchoBot(): EchoBot {
  const waiters = new Set<() => void>();
  const bot: EchoBot = {
    events: [],
    delayMs: 0,
    reply: (event) => [notice(`echo ${describeEvent(event)}`, { to: "private", ephemeral: true })],
    async handle(event) {
      if (bot.delayMs > 0) await new Promise((r) => setTimeout(r, bot.delayMs));
      bot.events.push(event);
      const replies = bot.reply(event);
      for (const wake of waiters) wake();
      return replies;
    },
    handled(count = 1, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (bot.events.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(bot.events);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`expected ${count} handled event(s), got ${bot.events.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
  return bot;
}
