/**
 * TextBlock text is Markdown to Teams: `*`/`_` make emphasis, `[x](y)` a link, a line starting with `- ` or `1. ` a
 * list, and `{{DATE(…)}}` is replaced by a date. Every piece of text that comes from people or from the model goes
 * through `escapeCardText`, so it can only ever show as itself; our own markup is added around escaped pieces.
 * Only what TextBlock interprets is escaped: a backslash before anything else would show on some clients.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\\*_[\]`~]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*\d+)\.(?=\s)/gm, "$1\\.")
    .replace(/\{\{/g, "{\u200b{");
}

/** Shorten plain text to `max` characters (whole code points, so an emoji is never cut in half). */
export function shorten(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return "-";
  const chars = Array.from(trimmed);
  return chars.length <= max ? trimmed : `${chars.slice(0, Math.max(1, max - 1)).join("")}…`;
}

/** Plain text from people or the model, shortened and escaped: what goes into a TextBlock. */
export const safe = (text: string, max: number): string => escapeCardText(shorten(text, max));
