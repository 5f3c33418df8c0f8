import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { defaultModel, defaultModelInput } from "../../src/engine/default-model/index.js";
import { parseModel } from "../../src/engine/parse-model.js";
import { loadModelFile, ModelFileError } from "../../src/model-file.js";

describe("model files", () => {
  it("round-trips the default model through YAML and JSON", () => {
    const yaml = parseModel(stringify(defaultModelInput), "yaml");
    const json = parseModel(JSON.stringify(defaultModelInput), "json");
    expect(yaml).toEqual({ ok: true, model: defaultModel });
    expect(json).toEqual({ ok: true, model: defaultModel });
  });

  it("names the path of every offending field", () => {
    const broken = structuredClone(defaultModelInput);
    const [first, second] = broken.deep;
    if (!first || !second || !broken.quick[1]) throw new Error("default model too small");
    first.level = 7;
    second.dimension = "astrology";
    broken.quick[1].options = broken.quick[1].options.slice(0, 4);
    const result = parseModel(JSON.stringify(broken), "json");
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^deep\[0\]\.level: /),
        expect.stringMatching(/^quick\[1\]\.options: .*five options/),
      ]),
    );
    expect(errors.join("\n")).toContain('deep[1].dimension: unknown dimension "astrology"');
  });

  it("reports syntax errors instead of throwing", () => {
    const result = parseModel("levels: [1, 2\n  oops: :", "yaml");
    expect(result).toMatchObject({ ok: false, errors: [expect.stringContaining("not valid YAML")] });
  });

  it("loads .yaml and .json files and rejects a bad one with its file name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "model-"));
    writeFileSync(join(dir, "m.yaml"), stringify(defaultModelInput));
    writeFileSync(join(dir, "m.json"), JSON.stringify(defaultModelInput));
    writeFileSync(join(dir, "bad.yml"), "id: x\n");
    expect((await loadModelFile(join(dir, "m.yaml"))).deep).toHaveLength(defaultModel.deep.length);
    expect((await loadModelFile(join(dir, "m.json"))).id).toBe(defaultModel.id);
    const error = await loadModelFile(join(dir, "bad.yml")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFileError);
    expect((error as ModelFileError).message).toContain("bad.yml");
    expect((error as ModelFileError).errors.some((e) => e.startsWith("levels:"))).toBe(true);
  });

  it("ships the exported default model in docs/ up to date", async () => {
    const exported = await loadModelFile(join(import.meta.dirname, "..", "..", "docs", "default-model.yaml"));
    expect(exported).toEqual(defaultModel);
  });
});
