import { readFileSync } from "node:fs";
import { type AppManifest, AppManifestUtils } from "@microsoft/app-manifest";
import { describe, expect, it } from "vitest";
import { MANIFEST_TEMPLATE, renderManifest } from "../../scripts/teams-package/app-package.js";

/**
 * The Teams app manifest against Microsoft's own JSON schema for the version it declares ($schema), as
 * @microsoft/app-manifest ships every published version inside the package: no network needed.
 */
const template = readFileSync(MANIFEST_TEMPLATE, "utf8");
const rendered = (): AppManifest =>
  JSON.parse(renderManifest(template, { MICROSOFT_APP_ID: "11111111-2222-3333-4444-555555555555" }));

describe("the Teams app manifest", () => {
  it("is valid against the official schema of the version it declares", async () => {
    const manifest = rendered();
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/en-us/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it("would be caught with a typo in a property name or a value the schema does not allow", async () => {
    const typo = rendered() as unknown as { bots: Record<string, unknown>[] };
    const [bot] = typo.bots;
    typo.bots = [{ ...bot, scope: bot?.scopes, scopes: ["personal", "channel"] }];
    const errors = await AppManifestUtils.validateAgainstSchema(typo as unknown as AppManifest);
    expect(errors.join("\n")).toMatch(/additional properties/);
    expect(errors.join("\n")).toMatch(/scopes\/1 must be equal to one of the allowed values/);
  });
});
