import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/** This thread's id in the kernel (what `ps -L` and /proc/<pid>/task list); undefined off Linux. */
export function thisThreadId(): number | undefined {
  try {
    return Number(readlinkSync("/proc/thread-self").split("/").pop());
  } catch {
    return undefined;
  }
}

/**
 * Gives the calling thread alone the lowest CPU priority (nice 19), so on a busy machine its work waits for the
 * acks, not the acks for it. Linux only: setpriority takes a thread id there. Elsewhere it does nothing and says so
 * with `false`; the thread then runs at normal priority.
 */
export function lowerThisThreadPriority(): boolean {
  const tid = thisThreadId();
  if (tid === undefined) return false;
  try {
    setPriority(tid, 19);
    return true;
  } catch {
    return false;
  }
}
