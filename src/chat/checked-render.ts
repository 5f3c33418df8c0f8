import type { z } from "zod";
import type { Logger } from "./ports.js";

/**
 * The one policy for rendered messages, on every platform: what a renderer made is checked against the platform's
 * limits (a zod schema); a message that breaks them is logged and goes out as its plain text instead (`fallback`),
 * never dropped and never sent broken (the platform would refuse it and the person would see nothing).
 */
export function checkedRender<T>(
  rendered: T,
  limits: z.ZodType<T>,
  fallback: () => T,
  log: { logger: Logger; what: string; kind?: string },
): T {
  const checked = limits.safeParse(rendered);
  if (checked.success) return checked.data;
  log.logger.error(
    { kind: log.kind, issues: checked.error.issues.slice(0, 5) },
    `${log.what} breaks the platform's limits: sent as text`,
  );
  return fallback();
}
