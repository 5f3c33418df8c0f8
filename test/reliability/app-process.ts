import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "./own-redis.js";

/**
 * `npm start` as a child process (as test/app/process.test.ts runs it), to be killed with SIGKILL: no shutdown
 * hook runs, in-flight requests die with the process, exactly as when a container is OOM-killed.
 */
const root = join(import.meta.dirname, "..", "..");

export interface AppProcess {
  /** http://127.0.0.1:<port> */
  origin: string;
  kill(): Promise<void>;
}

export async function spawnApp(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  // tsx's loader inside this node process: the `tsx` command would run the app in a grandchild that a SIGKILL of
  // the command leaves running (SIGKILL cannot be forwarded).
  const child = spawn(process.execPath, ["--import", "tsx", "app/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (child.exitCode !== null || tries > 300) {
      child.kill("SIGKILL");
      throw new Error(`the app did not become ready on ${origin}: ${errors}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    origin,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}

/** The running app, and the processes that take over from it one after another when it is killed. */
export interface ReplacedApp {
  /** The process serving now. */
  current(): AppProcess;
  /** SIGKILL the current process; the next one (already started) serves from now on. */
  killAndReplace(): Promise<void>;
  close(): Promise<void>;
}

/** Replacements are started up front, as an orchestrator's would be, so no kill waits for a start. */
export async function appWithReplacements(env: Record<string, string>, replacements: number): Promise<ReplacedApp> {
  const waiting = Array.from({ length: replacements }, () => spawnApp(env));
  let serving = await spawnApp(env);
  return {
    current: () => serving,
    async killAndReplace() {
      await serving.kill();
      const next = waiting.shift();
      if (!next) throw new Error("no replacement process left");
      serving = await next;
    },
    async close() {
      await serving.kill();
      for (const next of waiting) await (await next.catch(() => undefined))?.kill();
    },
  };
}
