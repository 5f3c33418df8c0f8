import * as zlib from "node:zlib";

/**
 * An opaque drawing of at most 256 colours as an 8-bit palette PNG, pixel for pixel the same; anything else gives
 * undefined (the caller keeps resvg's RGBA PNG). A chart is flat colours and their anti-aliased edges on white: the
 * summary chart has about 135 colours and is 44.5 KB this way instead of resvg's 109.4 KB, which every phone showing
 * it downloads and every fetch of its link writes. Encoding it takes 13 ms, less than resvg's own PNG encoder (35 ms).
 */
export function palettePng(rgba: Uint8Array, width: number, height: number): Uint8Array | undefined {
  // Read four bytes as one number: on little-endian machines (all Node runs on) alpha is the top byte.
  if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) return undefined;
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const indexOf = new Map<number, number>();
  // Each row: its filter type (0, none: indices do not predict well from their neighbours), then one byte a pixel.
  const rows = new Uint8Array((width + 1) * height);
  let previous = -1;
  let previousIndex = 0;
  let at = 0;
  for (let y = 0; y < height; y++) {
    rows[at++] = 0;
    for (let x = 0; x < width; x++) {
      const colour = pixels[y * width + x] ?? 0;
      // Neighbouring pixels mostly share a colour: the map is asked only where the colour changes.
      if (colour !== previous) {
        let index = indexOf.get(colour);
        if (index === undefined) {
          if (colour >>> 24 !== 255 || indexOf.size === 256) return undefined;
          index = indexOf.size;
          indexOf.set(colour, index);
        }
        previous = colour;
        previousIndex = index;
      }
      rows[at++] = previousIndex;
    }
  }
  const palette = new Uint8Array(indexOf.size * 3);
  for (const [colour, index] of indexOf) {
    palette[index * 3] = colour & 255;
    palette[index * 3 + 1] = (colour >>> 8) & 255;
    palette[index * 3 + 2] = (colour >>> 16) & 255;
  }
  const header = new Uint8Array(13);
  const size = new DataView(header.buffer);
  size.setUint32(0, width);
  size.setUint32(4, height);
  // Bit depth 8, colour type 3 (palette); compression, filter method and interlace all 0.
  header[8] = 8;
  header[9] = 3;
  const chunks: Array<[string, Uint8Array]> = [
    ["IHDR", header],
    ["PLTE", palette],
    // zlib's default level: level 9 made the summary chart 8% smaller (40.8 KB) for five times the time (64 ms).
    ["IDAT", zlib.deflateSync(rows, { level: 6 })],
    ["IEND", new Uint8Array(0)],
  ];
  let bytes = 8;
  for (const [, data] of chunks) bytes += 12 + data.length;
  const png = new Uint8Array(bytes);
  png.set([137, 80, 78, 71, 13, 10, 26, 10]);
  let offset = 8;
  for (const [type, data] of chunks) {
    // Each chunk: its length, its type, its data, and a CRC of type and data.
    const chunk = new DataView(png.buffer, offset, 12 + data.length);
    chunk.setUint32(0, data.length);
    for (let i = 0; i < 4; i++) png[offset + 4 + i] = type.charCodeAt(i);
    png.set(data, offset + 8);
    chunk.setUint32(8 + data.length, zlib.crc32(png.subarray(offset + 4, offset + 8 + data.length)));
    offset += 12 + data.length;
  }
  return png;
}
