import { parseArgs } from "node:util";
import { pino } from "pino";
import { runTerminalSession } from "../adapters/terminal/terminal-session.js";
import { createBot } from "../flows/bot.js";
import { defaultModel } from "../src/engine/default-model/index.js";
import { loadModelFile, ModelFileError } from "../src/model-file.js";
import { createKeys } from "../src/store/keys.js";
import { createMemoryStore } from "../src/store/memory-store.js";
import { connectRedisClient } from "../src/store/redis-client.js";
import { createRedisStore } from "../src/store/redis-store.js";
import type { Store } from "../src/store/store.js";
import { createLogger } from "./logger.js";

/**
 * `npm run demo`: the same flows the Slack and Teams bots run, in a terminal. In-memory by default; with
 * REDIS_URL set, progress is kept in Redis so a second run with the same --user and --team resumes.
 */
const USAGE = "Usage: npm run demo -- [--mode quick|deep] [--model FILE] [--user NAME] [--team NAME]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      mode: { type: "string", default: "quick" },
      model: { type: "string" },
      user: { type: "string", default: "you" },
      team: { type: "string", default: "demo-team" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.mode !== "quick" && values.mode !== "deep") {
    console.error(`--mode must be quick or deep, not "${values.mode}".\n${USAGE}`);
    return 2;
  }
  const model = values.model ? await loadModelFile(values.model) : defaultModel;
  const logger = createLogger({ level: "warn", stream: pino.destination(2) });
  const redisUrl = process.env.REDIS_URL;
  const redis = redisUrl ? await connectRedisClient({ url: redisUrl, failFast: true }) : undefined;
  const store: Store = redis ? createRedisStore(redis) : createMemoryStore();
  const interactive = Boolean(process.stdin.isTTY);
  // Honest about what is kept: the in-memory store forgets everything when the demo ends.
  const kept = redis
    ? "Ctrl-D stops; your answers are kept, and the same --user and --team resume."
    : "Ctrl-D stops; nothing is kept after this run (set REDIS_URL to keep answers between runs).";
  console.log(
    `MLOps maturity assessment (${values.mode}, ${model.name} v${model.version})` +
      (interactive
        ? `\nType the key beside your answer (on a ladder, the level 0-4; n = not sure); b = back, s = skip, c = cancel.\n${kept}`
        : ""),
  );
  try {
    const outcome = await runTerminalSession({
      bot: createBot({
        store,
        keys: createKeys(process.env.KEY_PREFIX || "ma"),
        model,
        clock: () => new Date(),
        logger,
      }),
      user: { id: values.user, name: values.user },
      team: values.team,
      mode: values.mode,
      input: process.stdin,
      output: process.stdout,
      interactive,
    });
    if (outcome.completed) return 0;
    if (outcome.reached) {
      console.error(`\nInput ended at ${outcome.reached} before the assessment was complete.`);
      if (redis) console.error("Run again with the same --user and --team to resume.");
    }
    return 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ModelFileError ? error.message : error);
    process.exit(2);
  },
);
