import { describe, expect, it } from "vitest";
import { resolveSpecifier } from "./layers.js";
import { productionFiles, readSource } from "./production-files.js";
import { sourceFacts } from "./source-facts.js";

/**
 * No import cycles in production code, type imports included: a cycle is two files that can only be understood
 * together. Reported as strongly connected groups of files (Tarjan), so one message names every file involved.
 */
function importGraph(files: string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => [
      file,
      sourceFacts(file, readSource(file))
        .imports.filter((s) => s.startsWith("."))
        .map((s) => resolveSpecifier(file, s))
        .filter((target) => known.has(target)),
    ]),
  );
}

function cyclicGroups(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1 || graph.get(node)?.includes(node)) groups.push(group.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return groups;
}

describe("import cycles", () => {
  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cyclicGroups(graph)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });

  it("has none in app/, adapters/, flows/ and src/", () => {
    const graph = importGraph(productionFiles());
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    expect(cyclicGroups(graph)).toEqual([]);
  });
});
