import type { QuestionMessage } from "../../src/chat/outbound.js";
import { createRecentValues } from "../../src/store/recent-values.js";
import { renderMessage } from "./render-message.js";
import type { SlackMessage } from "./render-schema.js";

/**
 * Question states kept rendered: a few rounds' worth of questions, each with the answers people have given. A
 * rendered question is a few KB of Block Kit, so the bound keeps this near a megabyte.
 */
const KEPT = 256;

/**
 * Questions rendered once per state. Every click is answered with the next question, and the people of a round
 * are shown the same questions: rendering each again (and encoding its JSON again, see chat-writes.ts) was about
 * a quarter of what a click allocated. The message itself is the key, so any difference (another round, a ticked
 * answer, a note) is a state of its own; what is handed out is frozen, as it is shared.
 */
export function createQuestionRenders(): (question: QuestionMessage) => SlackMessage {
  const rendered = createRecentValues<SlackMessage>(KEPT);
  return (question) => {
    const key = JSON.stringify(question);
    const kept = rendered.get(key);
    if (kept) return kept;
    const fresh = deepFreeze(renderMessage(question));
    rendered.remember(key, fresh);
    return fresh;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
