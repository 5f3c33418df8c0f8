import type { Logger } from "../../src/chat/ports.js";

export interface LogLine {
  level: keyof Logger;
  fields: object;
  message: string | undefined;
}

/** A logger that keeps every line, so tests can assert what an operator would read. */
export function recordingLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: keyof Logger) => (fields: object, message?: string) => void lines.push({ level, fields, message });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
