import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { join } from "node:path";

/**
 * `count` concurrent GETs of `link` from a process of their own (chart-clients.mjs beside this file), so receiving
 * the images does not slow whoever is timing the acks (the bench's load generator, a test). The process is started
 * first and waits for `go()`: starting a process blocks the one that starts it for about 10 ms, which inside the
 * measured window would show up as slow acks.
 */
export async function fetchesReady(link: string, count: number): Promise<{ go(): Promise<number[]> }> {
  const clients = join(import.meta.dirname, "chart-clients.mjs");
  const child = spawn(process.execPath, [clients, link, String(count)], { stdio: ["pipe", "pipe", "inherit"] });
  // The fetching clients stand in for people's chat clients on other machines: on this one they must not take the
  // CPU the app and the load generator need (receiving 100 PNGs is work the app would never see).
  if (child.pid !== undefined) setPriority(child.pid, 19);
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const check = () => (out.startsWith("ready\n") ? resolve() : undefined);
    child.stdout.on("data", check);
    child.once("exit", () => reject(new Error(`the chart fetcher exited before it was ready: ${out}`)));
  });
  const done = new Promise<number[]>((resolve, reject) => {
    child.once("exit", () => {
      try {
        resolve(JSON.parse(out.slice("ready\n".length)) as number[]);
      } catch {
        reject(new Error(`chart fetches printed ${out}`));
      }
    });
  });
  return {
    go() {
      child.stdin.end("go\n");
      return done;
    },
  };
}
