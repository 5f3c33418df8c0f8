import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/** The house rules of the layers, as a test: a wrong import fails CI instead of waiting for review. */
const root = join(import.meta.dirname, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

function importsOf(path: string): string[] {
  const text = readFileSync(join(root, path), "utf8");
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)].map((m) => m[1] ?? "");
}

/** Files whose imports match `forbidden`, as "file -> import" lines. */
function violations(dirs: string[], forbidden: RegExp, resolveRelative = false): string[] {
  return dirs.flatMap((dir) =>
    sources(dir).flatMap((file) =>
      importsOf(file)
        .map((spec) => (resolveRelative && spec.startsWith(".") ? relative(root, join(root, file, "..", spec)) : spec))
        .filter((spec) => forbidden.test(spec))
        .map((spec) => `${file} -> ${spec}`),
    ),
  );
}

describe("layer boundaries", () => {
  it("keeps the engine pure: no I/O, no platform SDKs, no other layers", () => {
    expect(violations(["src/engine"], /^(node:|@slack\/|botbuilder|ioredis|node-cron|pino)/)).toEqual([]);
    expect(violations(["src/engine"], /^(flows|adapters|src\/(app|store|chat))\//, true)).toEqual([]);
  });

  it("keeps platform SDKs inside adapters/", () => {
    expect(violations(["src", "flows"], /^(@slack\/|botbuilder)/)).toEqual([]);
  });

  it("lets botbuilder live only in adapters/teams and Slack only in adapters/slack", () => {
    expect(violations(["adapters"], /^botbuilder/).filter((v) => !v.startsWith("adapters/teams/"))).toEqual([]);
    expect(violations(["adapters"], /^@slack\//).filter((v) => !v.startsWith("adapters/slack/"))).toEqual([]);
  });

  it("keeps the core (engine, chat, store) and flows from reaching up into adapters or the app", () => {
    expect(violations(["src/engine", "src/chat", "src/store", "flows"], /^(adapters|src\/app)\//, true)).toEqual([]);
    expect(violations(["src/engine", "src/chat", "src/store"], /^flows\//, true)).toEqual([]);
  });

  it("keeps flows away from Redis and cron: they speak to the Store interface", () => {
    expect(violations(["flows"], /^(ioredis|node-cron)/)).toEqual([]);
  });
});
