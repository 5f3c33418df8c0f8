import type { ChildProcess } from "node:child_process";

/**
 * Every process the bench starts, so a failed run stops them all: left running, they keep their ports (the next
 * run cannot start) and hold the bench's output pipe open (a `| tail` never ends).
 */
const running = new Set<ChildProcess>();

export function tracked<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

/** SIGTERM, not SIGKILL: a tsx launcher passes SIGTERM on to the app it started, while SIGKILL would orphan it. */
export function stopAll(): void {
  for (const child of running) child.kill("SIGTERM");
}
