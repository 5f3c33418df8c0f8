import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, deleteKeys, REDIS_URL, uniquePrefix } from "../../store/redis-helpers.js";

/** The demo as a person runs it: `npm run demo` with answers piped in, one per line. */
const root = join(import.meta.dirname, "..", "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

function demo(lines: string[], args: string[] = [], env: Record<string, string> = {}) {
  const run = spawnSync(tsx, ["app/demo.ts", ...args], {
    cwd: root,
    input: lines.map((l) => `${l}\n`).join(""),
    encoding: "utf8",
    env: { ...process.env, REDIS_URL: "", ...env },
    timeout: 30_000,
  });
  return { out: run.stdout, err: run.stderr, code: run.status };
}

describe("npm run demo", () => {
  it("prints Level 0 when every answer is the least mature option (typed as its level, 0)", () => {
    const { out, code } = demo(Array(8).fill("0"));
    expect(code).toBe(0);
    expect(out).toContain("1/8 · Team & ownership");
    expect(out).toContain("Overall: Level 0 · No MLOps");
    expect(out).toContain("Next steps:");
  });

  it("prints Level 4 when every answer is the most mature option", () => {
    const { out, code } = demo(Array(8).fill("4"));
    expect(code).toBe(0);
    expect(out).toContain("Overall: Level 4 · Full MLOps automated operations");
  });

  it("prints the weakest link for a mix, and explains the blocking dimension", () => {
    const { out } = demo(["3", "3", "3", "1", "3", "3", "3", "3"]);
    expect(out).toContain("Overall: Level 1 · DevOps, no MLOps");
    expect(out).toMatch(/Why: Training automation holds the overall level down/);
    expect(out).toMatch(/1\. .*\(Training automation, towards L2\)/);
  });

  it("answers an invalid line with one clear line, without printing the question again", () => {
    const { out } = demo(["9", "hello", ...Array(8).fill("2")]);
    expect(out).toContain("Please type 0, 1, 2, 3, 4, n, b (back), s (skip) or c (cancel).");
    expect(out.split("1/8 · Team & ownership")).toHaveLength(2);
    expect(out).toContain("Overall: Level 2 · Automated training");
  });

  it("goes back and skips", () => {
    const { out } = demo(["4", "b", "0", "s", ...Array(6).fill("4"), "4"]);
    // Answer 1 was changed to option 1; question 2 skipped, so it is not claimed.
    expect(out).toContain("(your answer)");
    expect(out).toContain("Overall: Level 0 · No MLOps");
    expect(out).toContain("You skipped 1 question(s)");
  });

  it("exits non-zero saying how far it got when input ends early", () => {
    const { err, code } = demo(["1", "2"]);
    expect(code).toBe(1);
    expect(err).toContain("Input ended at question 3/8");
  });

  it("runs the deep mode end to end", () => {
    const { out, code } = demo(Array(40).fill("1"), ["--mode", "deep"]);
    expect(code).toBe(0);
    // No serving-context question first: 40 statements, each answered "Yes, fully".
    expect(out).toContain("1/40 · Team & ownership");
    expect(out).toContain("40/40 · Governance & compliance");
    expect(out).toContain("Overall: Level 4 · Full MLOps automated operations");
  });

  it("rejects an invalid model file with the offending paths", () => {
    const { err, code } = demo([], ["--model", "package.json"]);
    expect(code).toBe(2);
    expect(err).toContain("invalid assessment model");
    expect(err).toContain("levels:");
  });
});

describe("npm run demo with REDIS_URL", () => {
  let redis: Redis;
  const prefix = uniquePrefix("demo");
  beforeAll(async () => {
    redis = await connectRedis();
  });
  afterAll(async () => {
    await deleteKeys(redis, prefix);
    await redis.quit();
  });

  it("keeps progress in Redis and resumes at the next unanswered question", () => {
    const env = { REDIS_URL, KEY_PREFIX: prefix };
    const team = "platform-team";
    const first = demo(["2", "2", "2"], ["--user", "ana", "--team", team], env);
    expect(first.code).toBe(1);
    expect(first.err).toContain("Run again with the same --user and --team to resume");
    const second = demo(Array(5).fill("2"), ["--user", "ana", "--team", team], env);
    expect(second.out).toContain("4/8 · Training automation");
    expect(second.out).not.toContain("1/8 ·");
    expect(second.out).toContain("Overall: Level 2");
  });

  it("resumes after the first run was killed mid-way (SIGKILL, no clean shutdown)", async () => {
    const env = { ...process.env, REDIS_URL, KEY_PREFIX: prefix };
    const child = spawn(tsx, ["app/demo.ts", "--user", "kim", "--team", "killed-team"], { cwd: root, env });
    let out = "";
    let answered = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      // Answer each question once it is fully shown; once question 4 appears, pull the plug.
      if (out.includes("4/8 ·")) child.kill("SIGKILL");
      else if (out.split("n) Not sure").length - 1 > answered) {
        answered += 1;
        child.stdin.write("3\n");
      }
    });
    await new Promise((resolve) => child.on("exit", resolve));
    expect(out).toContain("4/8 ·");
    const second = demo(Array(5).fill("3"), ["--user", "kim", "--team", "killed-team"], {
      REDIS_URL,
      KEY_PREFIX: prefix,
    });
    expect(second.out).toContain("4/8 · Training automation");
    expect(second.out).not.toContain("1/8 ·");
    expect(second.out).toContain("Overall: Level 3");
  });
});
