import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PRODUCTION_ROOTS } from "./layers.js";

export const root = join(import.meta.dirname, "..", "..");

/** Every production TypeScript file, as a path from the repository root. */
export function productionFiles(): string[] {
  return PRODUCTION_ROOTS.flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
      .map((name) => join(dir, name)),
  ).sort();
}

export const readSource = (path: string): string => readFileSync(join(root, path), "utf8");
