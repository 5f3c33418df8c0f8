import { resolve } from "node:path";
import { chromium } from "playwright-core";

/** Widths the gallery is photographed at: a phone, and a desktop client's message column. */
export const WIDTHS = [400, 900] as const;

/** An element's height in CSS pixels, and how much of it comes before its details (Slack's divider), if it has any. */
export interface Measured {
  height: number;
  beforeDetails?: number;
}

/**
 * A screenshot of each element (`<out>/<id>-<width>.png`) at each width, and its measured height. Headless
 * Chromium with the flags this machine needs (no sandbox as root, no background networking on a closed network).
 */
export async function screenshots(options: {
  chromium: string;
  page: string;
  out: string;
  ids: readonly string[];
}): Promise<Record<string, Record<number, Measured>>> {
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const heights: Record<string, Record<number, Measured>> = {};
  try {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`file://${resolve(options.page)}`);
      await page.waitForSelector("body[data-ready=yes]");
      await page.waitForLoadState("load");
      for (const id of options.ids) {
        const element = page.locator(`#${id}`);
        const measured = await element.evaluate((node): Measured => {
          const top = node.getBoundingClientRect().top;
          const divider = node.querySelector(".divider");
          return {
            height: Math.round(node.getBoundingClientRect().height),
            ...(divider ? { beforeDetails: Math.round(divider.getBoundingClientRect().top - top) } : {}),
          };
        });
        heights[id] = { ...heights[id], [width]: measured };
        await element.screenshot({ path: `${options.out}/${id}-${width}.png` });
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return heights;
}
