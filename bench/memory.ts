import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Redis } from "ioredis";
import { createBot } from "../flows/bot.js";
import type { Reply } from "../src/chat/outbound.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import { createKeys } from "../src/store/keys.js";
import { createRedisClient } from "../src/store/redis-client.js";
import { createRedisStore } from "../src/store/redis-store.js";

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** The commands `client` sends while `handle` runs, by name ("script": a script's one-off loading, left out). */
async function commandsForAnswer<E>(
  client: Redis,
  handle: (event: E) => Promise<unknown>,
  event: E,
): Promise<string[]> {
  const sent: string[] = [];
  const original = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    sent.push(command.name);
    return original(command, stream);
  };
  try {
    await handle(event);
  } finally {
    client.sendCommand = original;
  }
  return sent.filter((n) => n !== "script");
}

/** A full garbage collection on demand, without starting the bench with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/**
 * What one conversation costs: Redis round trips for one answer, bytes stored per in-progress conversation,
 * and the heap this process still holds after a full collection with 10,000 conversations in progress (a
 * stateless replica keeps nothing of them: RSS alone would mostly show how much the heap grew meanwhile).
 */
export async function conversationCosts(redisUrl: string, prefix: string, conversations: number) {
  const client = createRedisClient({ url: redisUrl }) as Redis;
  const store = createRedisStore(client);
  const botDeps = { keys: createKeys(prefix), model: defaultModel, clock: () => new Date(), logger: quiet };
  const bot = createBot({ ...botDeps, store });
  const channel = { platform: "slack" as const, workspace: "TMEM", channel: "CMEM", isDirect: false };
  const first = await bot.handle({ kind: "command", text: "", address: channel, user: { id: "U0" }, raw: null });
  const join = first.map((r) => r.message).find((m) => m.kind === "invitation");
  if (join?.kind !== "invitation" || !join.button) throw new Error("no invitation");
  const joinAction = join.button.action;
  if (joinAction.a !== "join") throw new Error("the invitation's button is not a join");

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < conversations; i += 200) {
    await Promise.all(
      Array.from({ length: 200 }, (_, k) =>
        bot.handle({ kind: "action", action: joinAction, address: channel, user: { id: `UM${i + k}` }, raw: null }),
      ),
    );
  }
  collectGarbage();
  const { heapUsed: heapAfter, rss } = process.memoryUsage();

  /** The click answering the question `replies` ask (the first replica's replies to `user`). */
  const answerTo = (replies: Reply[], user: string) => {
    const question = replies.map((r) => r.message).find((m) => m.kind === "question");
    const option = question?.kind === "question" ? question.options[2] : undefined;
    if (!option) throw new Error("no question");
    return { kind: "action" as const, action: option.action, address: channel, user: { id: user }, raw: null };
  };
  const joinAs = (user: string) =>
    bot.handle({ kind: "action", action: joinAction, address: channel, user: { id: user }, raw: null });

  // One answer, counted at the client: every command ioredis sends. First a person's second answer on the replica
  // that took their first (it remembers what it wrote), then a first answer on another replica that never saw them.
  const other = createRedisClient({ url: redisUrl }) as Redis;
  const otherBot = createBot({ ...botDeps, store: createRedisStore(other) });
  const second = answerTo(await bot.handle(answerTo(await joinAs("UCOUNT"), "UCOUNT")), "UCOUNT");
  const warm = await commandsForAnswer(client, (a) => bot.handle(a), second);
  const cold = await commandsForAnswer(other, (a) => otherBot.handle(a), answerTo(await joinAs("UCOUNT2"), "UCOUNT2"));
  await other.quit();
  const keys = createKeys(prefix);
  const bytes = await client.strlen(
    keys.response({ platform: "slack", workspace: "TMEM", channel: "CMEM" }, joinAction.r, "UCOUNT2"),
  );
  await client.quit();
  return {
    roundTrips: { warm: warm.length, cold: cold.length, commands: [...warm, "/", ...cold].join(" ") },
    bytes,
    heapRetainedMb: (heapAfter - heapBefore) / 1024 / 1024,
    rssMb: rss / 1024 / 1024,
  };
}
