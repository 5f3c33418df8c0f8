import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { LogLevel as Level, Logger } from "../../src/chat/ports.js";

/**
 * Bolt and @slack/web-api log with console-style arguments; ours is structured (fields, message). Strings become
 * the message, an Error becomes `err`, anything else goes under `detail`. The app's logger decides the level,
 * so Bolt's own level is fixed at DEBUG and never filters.
 */
/**
 * @slack/web-api's debug lines that dump a whole request or its result: the message's text and blocks (people's
 * names, evidence links, signed chart links), and whole `users.info` replies (names, time zones, admin flags). What
 * was sent and answered is not the logs' business: debug logs carry ids; that a call was made still shows.
 */
const REQUEST_DUMP = /^http request (body|headers|result):/;

export function boltLogger(logger: Logger): BoltLogger {
  const forward =
    (level: Level) =>
    (...parts: unknown[]) => {
      // Bolt and the Web API client log several debug lines per request; most of the time nobody reads them.
      if (logger.isLevelEnabled?.(level) === false) return;
      const message = parts.filter((p): p is string => typeof p === "string").join(" ");
      if (REQUEST_DUMP.test(message)) return;
      const err = parts.find((p): p is Error => p instanceof Error);
      const detail = parts.filter((p) => typeof p !== "string" && !(p instanceof Error));
      logger[level]({ source: "bolt", ...(err ? { err } : {}), ...(detail.length > 0 ? { detail } : {}) }, message);
    };
  return {
    debug: forward("debug"),
    info: forward("info"),
    warn: forward("warn"),
    error: forward("error"),
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
