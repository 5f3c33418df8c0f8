import { Resvg } from "@resvg/resvg-js";

/**
 * SVG to PNG with resvg (its binary ships inside the npm package: no system libraries, no browser). Rendered at
 * twice the SVG's size so text stays crisp on high-density screens. The text needs a font on the machine: the
 * Dockerfile installs DejaVu, which is also the first family the chart asks for.
 */
export function svgToPng(svg: string, scale = 2): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
