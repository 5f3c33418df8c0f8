import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findCommand } from "../../flows/commands/registry.js";
import {
  buildAppPackage,
  MANIFEST_TEMPLATE,
  manifestSchema,
  renderManifest,
} from "../../scripts/teams-package/app-package.js";
import { COLOR_ICON_SIZE, colorIcon, OUTLINE_ICON_SIZE, outlineIcon } from "../../scripts/teams-package/icons.js";

/** The Teams app package: a valid manifest (v1.19 or later), the two icons Teams wants, in a ZIP any unzip can read. */
const BOT = "11111111-2222-3333-4444-555555555555";
const template = readFileSync(MANIFEST_TEMPLATE, "utf8");

/**
 * Read a ZIP with an independent reader, Python's zipfile: it checks every entry's CRC (testzip) and hands back the
 * names in order with their contents.
 */
const PYTHON_UNZIP = [
  "import base64, io, json, sys, zipfile",
  "archive = zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))",
  "assert archive.testzip() is None, archive.testzip()",
  "print(json.dumps([[i.filename, base64.b64encode(archive.read(i)).decode()] for i in archive.infolist()]))",
].join("\n");

function unzip(archive: Buffer): Map<string, Buffer> {
  const run = spawnSync("python3", ["-c", PYTHON_UNZIP], { input: archive, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  const entries: [string, string][] = JSON.parse(run.stdout);
  return new Map(entries.map(([name, data]) => [name, Buffer.from(data, "base64")]));
}

/** Width and height from a PNG's header (its signature first). */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe("manifest", () => {
  it("fills in the ids and passes the manifest limits", () => {
    const manifest = manifestSchema.parse(JSON.parse(renderManifest(template, { MICROSOFT_APP_ID: BOT })));
    expect(manifest.id).toBe(BOT);
    expect(manifest.bots[0]?.botId).toBe(BOT);
    expect(manifest.bots[0]?.scopes).toEqual(["personal", "team", "groupChat"]);
    expect(JSON.stringify(manifest)).not.toContain("${{");
    const separate = JSON.parse(
      renderManifest(template, { MICROSOFT_APP_ID: BOT, TEAMS_APP_ID: "aaaaaaaa-2222-3333-4444-555555555555" }),
    );
    expect([separate.id, separate.bots[0].botId]).toEqual(["aaaaaaaa-2222-3333-4444-555555555555", BOT]);
  });

  it("suggests only commands the router understands, titles within 32 characters", () => {
    const manifest = manifestSchema.parse(JSON.parse(renderManifest(template, { MICROSOFT_APP_ID: BOT })));
    const lists = manifest.bots[0]?.commandLists ?? [];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(["groupChat", "personal", "team"]);
    for (const { title } of lists.flatMap((l) => l.commands)) {
      expect(title.length).toBeLessThanOrEqual(32);
      expect(findCommand(title).known, `${title} is understood`).toBe(true);
    }
  });

  it("refuses to build without a valid bot id, and with an unknown placeholder", () => {
    expect(() => renderManifest(template, {})).toThrow(/Microsoft App ID/);
    expect(() => renderManifest(template, { MICROSOFT_APP_ID: "not-a-guid" })).toThrow(/GUID/);
    const placeholder = (name: string) => ["$", "{{", name, "}}"].join("");
    const unknown = template.replace(placeholder("BOT_ID"), placeholder("BOT"));
    expect(() => renderManifest(unknown, { MICROSOFT_APP_ID: BOT })).toThrow(/unknown placeholder/);
  });
});

describe("icons", () => {
  it("are 192x192 in colour and 32x32 white on transparent", () => {
    const color = colorIcon();
    expect([color.width, color.height]).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    expect(pngSize(color.png)).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    const outline = outlineIcon();
    expect([outline.width, outline.height]).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    expect(pngSize(outline.png)).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    const colours = (pixels: Buffer) => {
      const seen = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) seen.add(pixels.subarray(i, i + 4).toString("hex"));
      return [...seen].sort();
    };
    expect(colours(outline.pixels)).toEqual(["00000000", "ffffffff"]);
    expect(colours(color.pixels)).toEqual(["1f3a5fff", "ffffffff"]);
  });
});

describe("package", () => {
  it("zips manifest.json and both icons at the top level, readable back with matching CRCs", () => {
    const files = unzip(buildAppPackage({ MICROSOFT_APP_ID: BOT }));
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}").id).toBe(BOT);
    expect(files.get("color.png")?.equals(colorIcon().png)).toBe(true);
    expect(files.get("outline.png")?.equals(outlineIcon().png)).toBe(true);
  });

  it("is reproducible: the same inputs give the same bytes", () => {
    expect(buildAppPackage({ MICROSOFT_APP_ID: BOT }).equals(buildAppPackage({ MICROSOFT_APP_ID: BOT }))).toBe(true);
  });
});
