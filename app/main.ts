import { ConfigError, readConfig } from "./config.js";
import { createApp } from "./create-app.js";
import { tuneGarbageCollector } from "./gc-tuning.js";
import { createLogger } from "./logger.js";

/** `npm start`: read the configuration once, start the server, stop cleanly on SIGTERM/SIGINT. */
const SHUTDOWN_DEADLINE_MS = 10_000;

async function main(): Promise<void> {
  tuneGarbageCollector();
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL });
  const app = await createApp({ config, logger });
  await app.listen(config.PORT);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    // Whatever happens, exit within the deadline: orchestrators kill us shortly after anyway.
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
