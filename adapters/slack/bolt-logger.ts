import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/chat/ports.js";

/**
 * Bolt and @slack/web-api log with console-style arguments; ours is structured (fields, message). Strings become
 * the message, an Error becomes `err`, anything else goes under `detail`. The app's logger decides the level,
 * so Bolt's own level is fixed at DEBUG and never filters.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const forward =
    (level: keyof Logger) =>
    (...parts: unknown[]) => {
      const message = parts.filter((p): p is string => typeof p === "string").join(" ");
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
