import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { type AssessmentModel, modelSchema } from "./model-schema.js";

export type ParsedModel = { ok: true; model: AssessmentModel } | { ok: false; errors: string[] };

/** `deep[3].level` from zod's ["deep", 3, "level"]. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${pathOf(issue.path) || "(model)"}: ${issue.message}`);
}

/** Parse and validate a model file's text. Pure: the caller reads the file. */
export function parseModel(text: string, format: "json" | "yaml"): ParsedModel {
  let data: unknown;
  try {
    data = format === "json" ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`not valid ${format.toUpperCase()}: ${error instanceof Error ? error.message : String(error)}`],
    };
  }
  const parsed = modelSchema.safeParse(data);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, errors: formatIssues(parsed.error.issues) };
}
