import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A CPU limit for one replica, as a container runtime sets one (`docker run --cpus`, Kubernetes `limits.cpu`):
 * a cgroup whose CFS quota is `cores` of a CPU. Two replicas on a two-core machine that also runs the load
 * generator, the fake Slack API and Redis cannot show how the design scales, because the machine runs out first;
 * two replicas held to half a core each can, as long as the rest still fits. Needs root and a cgroup file system
 * (v2, or v1's cpu controller); `undefined` when there is neither.
 */
export interface CpuLimit {
  /** A shell command prefix that moves the shell into the cgroup, then execs the real command there. */
  wrap(command: string, args: string[]): { command: string; args: string[] };
  remove(): void;
}

const V2_ROOT = "/sys/fs/cgroup";
const V1_CPU = "/sys/fs/cgroup/cpu";
/**
 * The quota is spent per 20 ms rather than the usual 100 ms: with 100 ms a replica that used its half runs
 * nothing for 50 ms at a time, and those stalls, not the limit, decided the numbers from run to run.
 */
const PERIOD_US = 20_000;

function writableCgroupRoot(): { dir: string; version: 1 | 2 } | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const v2 = join(V2_ROOT, "cgroup.controllers");
  if (existsSync(v2) && readFileSync(v2, "utf8").split(/\s+/).includes("cpu")) return { dir: V2_ROOT, version: 2 };
  if (existsSync(join(V1_CPU, "cpu.cfs_quota_us"))) return { dir: V1_CPU, version: 1 };
  return undefined;
}

export function createCpuLimit(name: string, cores: number): CpuLimit | undefined {
  const root = writableCgroupRoot();
  if (!root) return undefined;
  const dir = join(root.dir, name);
  const quota = Math.round(cores * PERIOD_US);
  try {
    mkdirSync(dir, { recursive: true });
    if (root.version === 2) writeFileSync(join(dir, "cpu.max"), `${quota} ${PERIOD_US}`);
    else {
      writeFileSync(join(dir, "cpu.cfs_period_us"), String(PERIOD_US));
      writeFileSync(join(dir, "cpu.cfs_quota_us"), String(quota));
    }
  } catch {
    return undefined;
  }
  const procs = join(dir, "cgroup.procs");
  return {
    // The shell joins the cgroup before it execs, so every process the command starts (tsx starts one) is inside.
    wrap: (command, args) => ({
      command: "/bin/sh",
      args: ["-c", `echo $$ > '${procs}' && exec "$0" "$@"`, command, ...args],
    }),
    remove: () => {
      try {
        rmdirSync(dir);
      } catch {
        // Still busy or already gone: the kernel keeps an empty cgroup harmlessly until the next run reuses it.
      }
    },
  };
}
