import { pino } from "pino";

/**
 * JSON logs (pino). Secrets never reach them: tokens, passwords, signatures and auth headers are redacted
 * wherever they appear in the objects we log.
 */
export const REDACTED_PATHS = [
  "*.token",
  "*.botToken",
  "*.signingSecret",
  "*.appPassword",
  "*.password",
  "*.authorization",
  "*.Authorization",
  'headers["x-slack-signature"]',
  'headers["authorization"]',
  "req.headers.authorization",
  'req.headers["x-slack-signature"]',
  "config.slack.botToken",
  "config.slack.signingSecret",
  "config.teams.appPassword",
];

/** `stream` defaults to stdout; the demo logs to stderr so the conversation on stdout stays clean. */
export function createLogger(options: { level?: string; stream?: pino.DestinationStream } = {}) {
  const settings = {
    level: options.level ?? "info",
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    base: { service: "mlops-assess" },
  };
  return options.stream ? pino(settings, options.stream) : pino(settings);
}

export type AppLogger = ReturnType<typeof createLogger>;
