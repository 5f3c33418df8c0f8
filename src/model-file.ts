import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import type { AssessmentModel } from "./engine/model-schema.js";
import { type ModelFormat, parseModel } from "./engine/parse-model.js";
import { CodedError } from "./errors.js";

/** An organisation's model file that cannot be used; the message lists every problem with its field path. */
export class ModelFileError extends CodedError {
  readonly code = "model_file_invalid";
  constructor(
    readonly file: string,
    readonly errors: string[],
  ) {
    super(`${file}: invalid assessment model\n${errors.map((e) => `  - ${e}`).join("\n")}`);
  }
}

const FORMATS: Record<string, ModelFormat> = { ".json": "json", ".yaml": "yaml", ".yml": "yaml" };

export async function loadModelFile(file: string): Promise<AssessmentModel> {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format) throw new ModelFileError(file, ["use a .json, .yaml or .yml file"]);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ModelFileError(file, [`cannot read the file: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = parseModel(text, format);
  if (!parsed.ok) throw new ModelFileError(file, parsed.errors);
  return parsed.model;
}
