import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";

/**
 * Every capability the five seeds name must have a question. The table lives in docs/seed-coverage.md so people
 * can read it; this test holds the model to it.
 */
const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "seed-coverage.md"), "utf8");
const rows = doc
  .split("\n")
  .filter((line) => line.startsWith("|") && !line.startsWith("| capability") && !/^\|[\s|:-]+$/.test(line))
  .map((line) => line.split("|").map((cell) => cell.trim()))
  .map(([, capability = "", seeds = "", questions = ""]) => ({
    capability,
    seeds: seeds.split(",").map((s) => s.trim()),
    questions: questions
      .split(",")
      .map((q) => q.trim())
      .filter(Boolean),
  }));

/** Capabilities the seeds name; the doc must list each (the model must cover each through the doc's ids). */
const REQUIRED_CAPABILITIES = [
  "model registry",
  "feature store",
  "experiment tracking",
  "automated retraining triggered by production metrics",
  "data drift monitoring",
  "CI/CD for models (automated releases)",
  "dev / test / prod environments (multi-account)",
  "failover / fallback model",
  "zero-downtime rollout",
  "audit logs and event logs",
  "approvals and sign-offs",
  "access control to production",
  "pipeline monitoring",
  "infrastructure monitoring",
  "service monitoring and alerting",
  "load testing",
  "rollback to a previous model version",
  "automatic bug tracking",
  "microservices deployment",
  "knowledge sharing",
];

describe("seed coverage", () => {
  const ids = new Set([...defaultModel.deep.map((p) => p.id), ...defaultModel.quick.map((q) => q.id)]);

  it("lists every required capability", () => {
    const listed = new Set(rows.map((r) => r.capability));
    expect(REQUIRED_CAPABILITIES.filter((c) => !listed.has(c))).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(40);
  });

  it.each(rows)("covers '$capability' with existing questions", ({ questions, seeds }) => {
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.filter((q) => !ids.has(q))).toEqual([]);
    expect(seeds.every((s) => /^00[0-4]$/.test(s))).toBe(true);
  });

  it("names a seed file as the source of every question", () => {
    const all = [...defaultModel.quick, ...defaultModel.deep];
    expect(all.filter((q) => !q.source.some((s) => s.startsWith("seeds/"))).map((q) => q.id)).toEqual([]);
  });

  it("has 8 dimensions, one quick question each, and a deep set of practices over every level", () => {
    expect(defaultModel.dimensions).toHaveLength(8);
    expect(defaultModel.quick).toHaveLength(8);
    expect(defaultModel.deep.length).toBeGreaterThanOrEqual(40);
    expect(defaultModel.levels.map((l) => l.name)).toEqual([
      "No MLOps",
      "DevOps, no MLOps",
      "Automated training",
      "Automated model deployment",
      "Full MLOps automated operations",
    ]);
  });
});
