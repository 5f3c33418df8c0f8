import { describe, expect, it } from "vitest";
import { LAYERS, layerOf, violationsOf } from "./layers.js";
import { productionFiles, readSource } from "./production-files.js";

/** The house rules of the layers, as a test: a wrong import fails CI instead of waiting for review. */
const files = productionFiles();

describe("layer boundaries", () => {
  it("puts every production file in exactly one layer", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((path) => !layerOf(path))).toEqual([]);
    const overlapping = files.filter(
      (path) => LAYERS.filter((l) => l.files.some((a) => path.startsWith(a))).length > 1,
    );
    expect(overlapping).toEqual([]);
  });

  for (const layer of LAYERS) {
    it(`keeps the ${layer.name} to the folders and packages it may use`, () => {
      const own = files.filter((path) => layerOf(path) === layer);
      expect(own.length).toBeGreaterThan(0);
      expect(own.flatMap((path) => violationsOf(path, readSource(path)))).toEqual([]);
    });
  }

  it("keeps the core (src/) from importing anything above it", () => {
    const core = LAYERS.filter((l) => l.files.every((area) => area.startsWith("src/")));
    for (const layer of core) {
      expect(layer.may.filter((area) => !area.startsWith("src/"))).toEqual([]);
    }
  });

  it("lets neither chat adapter import the other", () => {
    const slack = LAYERS.find((l) => l.name === "slack adapter");
    const teams = LAYERS.find((l) => l.name === "teams adapter");
    expect(slack?.may.some((area) => area.startsWith("adapters/"))).toBe(false);
    expect(teams?.may.some((area) => area.startsWith("adapters/"))).toBe(false);
    expect(slack?.packages).not.toContain("botbuilder");
    expect(slack?.packages).not.toContain("botframework-connector");
    expect(teams?.packages).not.toContain("@slack/bolt");
  });

  it("gives the same job the same file name in both chat adapters", () => {
    const jobs = ["schema", "parse", "render-message", "render-elements", "render-schema", "text", "deliver", "errors"];
    for (const platform of ["slack", "teams"]) {
      const names = files.filter((f) => f.startsWith(`adapters/${platform}/`)).map((f) => f.split("/")[2]);
      expect(
        jobs.filter((job) => !names.includes(`${job}.ts`)),
        platform,
      ).toEqual([]);
      expect(names, platform).toContain("command-spelling.ts");
    }
  });
});
