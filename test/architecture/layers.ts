import { dirname, join, normalize } from "node:path";
import { COMPUTED, sourceFacts } from "./source-facts.js";

/**
 * The house, as data: each layer's files, the folders it may import from and the packages it may use. Anything
 * not listed is forbidden. `src/` is the core and imports nothing above it; adapters know the neutral chat model
 * and the store, never flows or each other; only `app/` sees every room.
 */
export interface Layer {
  name: string;
  /** Folders (with a trailing slash) or single files that make up the layer. */
  files: string[];
  /** Folders or files this layer may import from (its own files always). */
  may: string[];
  /** Packages it may use; `node:*` allows every Node built-in. */
  packages: string[];
  /** The layer must not read the clock, randomness or the process (the engine: `now` is passed in). */
  pure?: boolean;
}

const CORE = [
  "src/engine/",
  "src/chat/",
  "src/store/",
  "src/schedule/",
  "src/chart/",
  "src/threads/",
  "src/model-file.ts",
  "src/time-units.ts",
  "src/errors.ts",
];

export const LAYERS: Layer[] = [
  { name: "errors", files: ["src/errors.ts"], may: [], packages: [] },
  { name: "time units", files: ["src/time-units.ts"], may: [], packages: [] },
  { name: "engine", files: ["src/engine/"], may: ["src/errors.ts"], packages: ["zod", "yaml"], pure: true },
  { name: "chat model", files: ["src/chat/"], may: ["src/errors.ts"], packages: ["zod"] },
  { name: "schedule", files: ["src/schedule/"], may: ["src/errors.ts", "src/time-units.ts"], packages: ["zod"] },
  {
    name: "store",
    files: ["src/store/"],
    may: ["src/chat/", "src/errors.ts", "src/time-units.ts"],
    packages: ["zod", "ioredis", "node:crypto"],
  },
  {
    name: "threads",
    files: ["src/threads/"],
    may: [],
    packages: ["node:fs", "node:os", "node:worker_threads"],
  },
  {
    name: "chart",
    files: ["src/chart/"],
    may: ["src/chat/", "src/errors.ts", "src/threads/"],
    packages: ["zod", "@resvg/resvg-js", "node:crypto", "node:http", "node:worker_threads", "node:zlib"],
  },
  {
    name: "model file",
    files: ["src/model-file.ts"],
    may: ["src/engine/", "src/errors.ts"],
    packages: ["node:fs/promises", "node:path"],
  },
  {
    name: "flows",
    files: ["flows/"],
    may: ["src/chat/", "src/engine/", "src/store/", "src/schedule/", "src/errors.ts", "src/time-units.ts"],
    packages: ["zod", "csv-stringify", "node:crypto"],
  },
  {
    name: "slack adapter",
    files: ["adapters/slack/"],
    may: ["src/chat/", "src/store/", "src/errors.ts"],
    packages: ["zod", "@slack/bolt", "@slack/oauth", "node:*"],
  },
  {
    name: "teams adapter",
    files: ["adapters/teams/"],
    may: ["src/chat/", "src/store/", "src/errors.ts", "src/time-units.ts"],
    packages: ["zod", "botbuilder", "botframework-connector", "node:*"],
  },
  {
    name: "terminal adapter",
    files: ["adapters/terminal/"],
    may: ["src/chat/", "src/errors.ts"],
    packages: ["node:*"],
  },
  {
    name: "app",
    files: ["app/"],
    may: [...CORE, "flows/", "adapters/"],
    packages: ["zod", "pino", "prom-client", "node-cron", "node:*"],
  },
];

/** Folders holding production code: every file in them must belong to exactly one layer. */
export const PRODUCTION_ROOTS = ["app", "adapters", "flows", "src"];

const within = (path: string, area: string) => (area.endsWith("/") ? path.startsWith(area) : path === area);

export function layerOf(path: string): Layer | undefined {
  return LAYERS.find((layer) => layer.files.some((area) => within(path, area)));
}

/** A relative specifier as a path from the repository root (`.js` written for a `.ts` file). */
export function resolveSpecifier(from: string, specifier: string): string {
  return normalize(join(dirname(from), specifier)).replace(/\.js$/, ".ts");
}

function packageAllowed(layer: Layer, specifier: string): boolean {
  return layer.packages.some(
    (pkg) =>
      specifier === pkg || specifier.startsWith(`${pkg}/`) || (pkg === "node:*" && specifier.startsWith("node:")),
  );
}

/** Every way `path` (with the text `source`) breaks its layer's rules, as "path -> what" lines. */
export function violationsOf(path: string, source: string): string[] {
  const layer = layerOf(path);
  if (!layer) return [`${path} -> belongs to no layer: add it to test/architecture/layers.ts`];
  const facts = sourceFacts(path, source);
  const badImports = facts.imports.filter((specifier) => {
    if (specifier === COMPUTED) return true;
    if (!specifier.startsWith(".")) return !packageAllowed(layer, specifier);
    const target = resolveSpecifier(path, specifier);
    return ![...layer.files, ...layer.may].some((area) => within(target, area));
  });
  const badUses = layer.pure ? facts.impurities : [];
  return [...badImports, ...badUses].map((what) => `${path} -> ${what}`);
}
