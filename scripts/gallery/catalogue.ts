import type { Address } from "../../src/chat/address.js";
import { errorMessage } from "../../src/chat/error-message.js";
import type { OutboundMessage, Reply } from "../../src/chat/outbound.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { StoreUnavailableError } from "../../src/store/store.js";
import {
  answerAll,
  channel,
  createTranscript,
  dm,
  option,
  questionIn,
  type Transcript,
  testClock,
} from "../../test/flows/harness.js";

/** One message of the gallery: a stable id (file names), what it is, and the neutral message the flows sent. */
export interface GalleryEntry {
  id: string;
  title: string;
  message: OutboundMessage;
}

/** A Slack-shaped channel id and its name, so the gallery shows what people would see for a real one. */
const TEAM: Address = { ...channel("C07MLPLATF"), name: "#ml-platform" };

const first = (replies: Reply[], kind: OutboundMessage["kind"], what: string): OutboundMessage => {
  const found = replies.map((r) => r.message).find((m) => m.kind === kind);
  if (!found)
    throw new Error(`the flows sent no ${kind} for "${what}": ${JSON.stringify(replies.map((r) => r.message.kind))}`);
  return found;
};

/** Eight people-shaped answer sheets (1 = least mature ... 5 = most, 6 = Not sure), one per quick question. */
const ANSWERS = {
  ana: [3, 4, 3, 2, 3, 4, 2, 3],
  ben: [3, 4, 2, 2, 5, 4, 2, 6],
  chen: [4, 3, 3, 2, 3, 5, 1, 3],
};

async function answeredBy(t: Transcript, user: keyof typeof ANSWERS, where = TEAM): Promise<Reply[]> {
  return answerAll(t, user, await joinOrFirst(t, user, await t.say(user, "start", where)), ANSWERS[user]);
}

/** The first question a person gets after asking to take part: in the reply itself, or behind the Join button. */
async function joinOrFirst(t: Transcript, user: string, replies: Reply[]): Promise<Reply[]> {
  if (replies.some((r) => r.message.kind === "question")) return replies;
  const join = replies.flatMap((r) =>
    r.message.kind === "invitation" && r.message.button ? [r.message.button.action] : [],
  )[0];
  if (!join) throw new Error("no question and no Join button");
  return t.click(user, join);
}

/**
 * Every kind of message, as the real flows send it: a team runs two rounds over a memory store (so the second
 * summary shows changes), one person assesses alone, an admin asks for the roll-up.
 */
export async function gallery(): Promise<GalleryEntry[]> {
  const time = testClock("2026-09-01T09:00:00.000Z");
  const t = createTranscript(createMemoryStore(), { clock: time.clock, admins: ["ana"], minRespondentsForSpread: 3 });
  const out: GalleryEntry[] = [];
  const add = (id: string, title: string, message: OutboundMessage) => out.push({ id, title, message });

  const joined = (address: typeof TEAM, user: string) =>
    t.bot.handle({ kind: "joined", address, user: { id: user, name: user }, raw: null });
  add("welcome", "Welcome when the app is added to a channel", first(await joined(TEAM, "ana"), "notice", "joined"));
  add(
    "welcome-personal",
    "Welcome in a personal chat (Teams' Home)",
    first(await joined(dm("D-fay"), "fay"), "notice", "joined"),
  );
  add("help", "Help", first(await t.say("ana", "help", TEAM), "notice", "help"));

  // Round one, closed: the baseline the second round compares with.
  const opened = await t.say("ana", "", TEAM);
  add("invitation", "Round invitation (open)", first(opened, "invitation", "start a round"));
  const firstQuestion = questionIn(await joinOrFirst(t, "ana", opened));
  add("question", "Question (quick mode ladder)", firstQuestion);
  await answerAll(t, "ana", [{ message: firstQuestion, delivery: { to: "private" } }], [2, 3, 2, 1, 2, 3, 1, 2]);
  for (const user of ["ben", "chen"] as const) await answeredBy(t, user);
  // Dan starts and does not finish: the closed invitation says what became of his answers.
  const dansFirst = questionIn(await joinOrFirst(t, "dan", await t.say("dan", "start", TEAM)));
  await t.click("dan", option(dansFirst, 2));
  await t.say("ana", "target 3", TEAM);
  const closed = await t.say("ana", "close", TEAM);
  add("invitation-closed", "Round invitation (closed)", first(closed, "invitation", "close"));

  // Round two, a quarter later: trends against round one.
  time.advanceDays(91);
  const second = await t.say("ana", "", TEAM);
  let replies = await joinOrFirst(t, "ana", second);
  replies = await t.click("ana", option(questionIn(replies), 3));
  const back = questionIn(replies).navigation.find((n) => n.action.a === "back");
  if (back)
    add("question-answered", "Question, coming back to an answer", questionIn(await t.click("ana", back.action)));
  for (const user of ["ana", "ben", "chen"] as const) await answeredBy(t, user);
  add("status", "Status", first(await t.say("ben", "status", TEAM), "notice", "status"));
  const summary = first(await t.say("ana", "close", TEAM), "summary", "close round two");
  add("summary-team", "Team summary", summary);
  add("history", "History", first(await t.say("ana", "history", TEAM), "history", "history"));
  add("org", "Organisation roll-up", first(await t.say("ana", "org", dm("D-ana")), "notice", "org"));

  // One person alone, in a direct message, with a Not sure.
  const personal = await t.say("dana", "", dm("D-dana"));
  const done = await answerAll(t, "dana", await joinOrFirst(t, "dana", personal), [2, 2, 6, 1, 3, 2, 6, 2]);
  add("summary-person", "Personal result with unrated dimensions", first(done, "summary", "personal result"));

  const deep = await t.say("eve", "start deep", dm("D-eve"));
  const context = questionIn(await joinOrFirst(t, "eve", deep));
  add("question-deep", "Question (deep mode practice)", questionIn(await t.click("eve", option(context, 1))));

  add("error", "Error notice (a failure)", errorMessage(new StoreUnavailableError("gallery")));
  // A refusal looks like every other problem: the mark and what happened, then what to do instead.
  add("refusal", "Refusal (same style as errors)", first(await t.say("ben", "org", dm("D-ben")), "error", "org"));
  return out;
}
