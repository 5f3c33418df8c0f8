import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { defaultModel, defaultModelInput } from "../../src/engine/default-model/index.js";
import { parseModel } from "../../src/engine/parse-model.js";
import { loadModelFile, ModelFileError } from "../../src/model-file.js";

const errorsOf = (result: ReturnType<typeof parseModel>) => (result.ok ? [] : result.errors);

describe("parseModel", () => {
  it("round-trips the default model through YAML and JSON", () => {
    expect(parseModel(stringify(defaultModelInput), "yaml")).toEqual({ ok: true, model: defaultModel });
    expect(parseModel(JSON.stringify(defaultModelInput), "json")).toEqual({ ok: true, model: defaultModel });
    expect(parseModel(stringify(defaultModel), "yaml")).toEqual({ ok: true, model: defaultModel });
  });

  it("names the path of every offending field", () => {
    const broken = structuredClone(defaultModelInput);
    const [first, second] = broken.deep;
    const quick = broken.quick[1];
    const rubric = broken.dimensions[0]?.rubric;
    if (!first || !second || !quick || !rubric) throw new Error("default model too small for this test");
    first.level = 7;
    second.dimension = "astrology";
    quick.options = quick.options.slice(0, 4);
    rubric[2] = "   ";

    const result = parseModel(JSON.stringify(broken), "json");
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual(
      expect.arrayContaining([
        "deep[0].level: Too big: expected number to be <=4",
        "quick[1].options: give exactly five options, one per level 0-4, least mature first",
        'deep[1].dimension: unknown dimension "astrology"',
        expect.stringMatching(/^dimensions\[0\]\.rubric\[2\]: /),
      ]),
    );
  });

  it("reports a file that is not a model at all", () => {
    expect(errorsOf(parseModel("just a string", "yaml"))).toEqual([expect.stringMatching(/^\(model\): /)]);
    expect(errorsOf(parseModel("id: x\n", "yaml"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^levels: /), expect.stringMatching(/^deep: /)]),
    );
    expect(errorsOf(parseModel("  \n", "json"))).toEqual(["the file is empty"]);
  });

  it("reports YAML syntax errors with their line and column instead of throwing", () => {
    const errors = errorsOf(parseModel("id: x\nid: y\n", "yaml"));
    expect(errors).toEqual(["YAML syntax error at line 2, column 1: Map keys must be unique"]);
    expect(errorsOf(parseModel("levels: [1, 2\n  oops: :", "yaml"))[0]).toMatch(
      /^YAML syntax error at line \d+, column \d+: /,
    );
  });

  it("reports JSON syntax errors with their line and column when the parser gives a position", () => {
    const errors = errorsOf(parseModel('{\n  "id": "x",\n  "version": "1"\n  "name": "y"\n}', "json"));
    expect(errors).toEqual([expect.stringMatching(/^JSON syntax error at line 4, column 3: /)]);
    expect(errorsOf(parseModel('{"id": }', "json"))).toEqual([expect.stringMatching(/^JSON syntax error/)]);
  });
});

describe("loadModelFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlops-model-"));

  it("loads .yaml, .yml and .json files", async () => {
    writeFileSync(join(dir, "m.yaml"), stringify(defaultModelInput));
    writeFileSync(join(dir, "m.yml"), stringify(defaultModelInput));
    writeFileSync(join(dir, "m.json"), JSON.stringify(defaultModelInput));
    expect(await loadModelFile(join(dir, "m.yaml"))).toEqual(defaultModel);
    expect(await loadModelFile(join(dir, "m.yml"))).toEqual(defaultModel);
    expect(await loadModelFile(join(dir, "m.json"))).toEqual(defaultModel);
  });

  it("throws a ModelFileError that starts with the file and lists every problem, one per line", async () => {
    const file = join(dir, "bad.yml");
    writeFileSync(file, "id: x\n");
    const error = await loadModelFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    const { code, errors, message } = error as ModelFileError;
    expect(code).toBe("model_file_invalid");
    expect(message.startsWith(file)).toBe(true);
    expect(errors.some((e) => e.startsWith("levels:"))).toBe(true);
    for (const e of errors) expect(message.split("\n")).toContain(`  - ${e}`);
  });

  it("refuses unknown extensions and missing files with the same error", async () => {
    await expect(loadModelFile(join(dir, "model.toml"))).rejects.toMatchObject({
      code: "model_file_invalid",
      errors: ["use a .json, .yaml or .yml file"],
    });
    await expect(loadModelFile(join(dir, "absent.json"))).rejects.toMatchObject({
      code: "model_file_invalid",
      errors: [expect.stringMatching(/^cannot read the file/)],
    });
  });

  it("ships docs/default-model.yaml up to date with the default model", async () => {
    const exported = await loadModelFile(join(import.meta.dirname, "..", "..", "docs", "default-model.yaml"));
    expect(exported).toEqual(defaultModel);
  });
});
