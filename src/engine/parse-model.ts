import { parseDocument } from "yaml";
import type { z } from "zod";
import { type AssessmentModel, modelSchema } from "./model-schema.js";

export type ModelFormat = "json" | "yaml";
export type ParsedModel = { ok: true; model: AssessmentModel } | { ok: false; errors: string[] };

/** `deep[3].level` from zod's ["deep", 3, "level"]: the way people find a field in a YAML or JSON file by eye. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out === "" ? String(key) : `${out}.${String(key)}`;
  }, "");
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${pathOf(issue.path) || "(model)"}: ${issue.message}`);
}

type Syntax = { ok: true; data: unknown } | { ok: false; errors: string[] };

function readYaml(text: string): Syntax {
  const doc = parseDocument(text);
  if (doc.errors.length === 0) return { ok: true, data: doc.toJS() };
  return {
    ok: false,
    // yaml appends "at line L, column C:" and a code frame to its messages; keep the line and column, drop the frame.
    errors: doc.errors.map((error) => {
      const message = (error.message.split("\n")[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, "");
      const at = error.linePos?.[0];
      return at
        ? `YAML syntax error at line ${at.line}, column ${at.col}: ${message}`
        : `YAML syntax error: ${message}`;
    }),
  };
}

function readJson(text: string): Syntax {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node 20 reports a character offset, not a line; turn it into the line and column an editor shows.
    const offset = /at position (\d+)/.exec(message)?.[1];
    if (offset === undefined) return { ok: false, errors: [`JSON syntax error: ${message}`] };
    const before = text.slice(0, Number(offset)).split("\n");
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    const what = message.replace(/ (in JSON )?at position \d+.*$/, "");
    return { ok: false, errors: [`JSON syntax error at line ${line}, column ${column}: ${what}`] };
  }
}

/** Parse and validate a model file's text. Pure: the caller reads the file. */
export function parseModel(text: string, format: ModelFormat): ParsedModel {
  if (text.trim() === "") return { ok: false, errors: ["the file is empty"] };
  const syntax = format === "json" ? readJson(text) : readYaml(text);
  if (!syntax.ok) return syntax;
  const parsed = modelSchema.safeParse(syntax.data);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, errors: formatIssues(parsed.error.issues) };
}
