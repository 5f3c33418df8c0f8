import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  APP_PACKAGE_DIR,
  buildAppPackage,
  manifestSchema,
  renderManifest,
} from "../../../adapters/teams/app-package.js";
import { crc32 } from "../../../adapters/teams/crc32.js";
import { COLOR_ICON_SIZE, colorIcon, OUTLINE_ICON_SIZE, outlineIcon } from "../../../adapters/teams/icons.js";
import { findCommand } from "../../../flows/commands/registry.js";

/** The Teams app package: a valid manifest (v1.19 or later), the two icons Teams wants, in a ZIP any unzip can read. */
const BOT = "11111111-2222-3333-4444-555555555555";
const template = readFileSync(join(APP_PACKAGE_DIR, "manifest.json"), "utf8");

/** Read a ZIP back from its central directory, checking sizes and CRCs (no unzip tool needed). */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const [crc, compressed, size] = [
      archive.readUInt32LE(at + 16),
      archive.readUInt32LE(at + 20),
      archive.readUInt32LE(at + 24),
    ];
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = archive.readUInt32LE(at + 42);
    expect(archive.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const body = archive.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect([data.length, crc32(data)], name).toEqual([size, crc]);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

/** Width, height and RGBA pixels of one of our PNGs (8-bit RGBA, filter type 0 on every row). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString("ascii");
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.concat(
    Array.from({ length: height }, (_, y) => rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))),
  );
  return { width, height, pixels };
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
  it("are the committed output of the generator", () => {
    expect(readFileSync(join(APP_PACKAGE_DIR, "color.png")).equals(colorIcon())).toBe(true);
    expect(readFileSync(join(APP_PACKAGE_DIR, "outline.png")).equals(outlineIcon())).toBe(true);
  });

  it("are 192x192 in colour and 32x32 white on transparent", () => {
    const color = decodePng(colorIcon());
    expect([color.width, color.height]).toEqual([COLOR_ICON_SIZE, COLOR_ICON_SIZE]);
    const outline = decodePng(outlineIcon());
    expect([outline.width, outline.height]).toEqual([OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE]);
    const colours = new Set<string>();
    for (let i = 0; i < outline.pixels.length; i += 4) colours.add(outline.pixels.subarray(i, i + 4).toString("hex"));
    expect([...colours].sort()).toEqual(["00000000", "ffffffff"]);
  });
});

describe("package", () => {
  it("zips manifest.json and both icons at the top level, readable back with matching CRCs", () => {
    const files = unzip(buildAppPackage({ MICROSOFT_APP_ID: BOT }));
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(JSON.parse(files.get("manifest.json")?.toString("utf8") ?? "{}").id).toBe(BOT);
    expect(files.get("color.png")?.equals(colorIcon())).toBe(true);
  });

  it("is reproducible: the same inputs give the same bytes", () => {
    expect(buildAppPackage({ MICROSOFT_APP_ID: BOT }).equals(buildAppPackage({ MICROSOFT_APP_ID: BOT }))).toBe(true);
  });
});
