import { z } from "zod";
import { ellipsize } from "./short-text.js";
import { mapStrings } from "./text-tokens.js";

/**
 * A link in outbound text (evidence people attached). Flows write `linkTo(url, label)`; each renderer makes it a real
 * link its platform's way (Slack `<url|label>`, Teams `[label](url)`, the terminal the address itself). The url and
 * label travel hex-encoded between two private-use characters, so escaping (Slack's &lt;, Teams' \_) cannot touch
 * them; a token that does not decode to an http(s) address shows nothing.
 */
const OPEN = "\uE004";
const CLOSE = "\uE005";
const TOKEN = /\uE004([0-9a-f]*)\uE005/g;

const linkSchema = z.object({ url: z.url({ protocol: /^https?$/ }), label: z.string().min(1).max(200) });
export type Link = z.infer<typeof linkSchema>;

export function linkTo(url: string, label: string): string {
  return `${OPEN}${Buffer.from(JSON.stringify({ url, label }), "utf8").toString("hex")}${CLOSE}`;
}

/** What a link shows as text: a short form of its address ("ci.example.com/runs/42"). */
export function shortAddress(url: string, max = 40): string {
  const short = url.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
  return ellipsize(short, max);
}

function decode(hex: string): Link | undefined {
  try {
    const parsed = linkSchema.safeParse(JSON.parse(Buffer.from(hex, "hex").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Links in one text, written by `write`; a token that does not decode to a web address shows nothing. */
export function writeLinksIn(text: string, write: (link: Link) => string): string {
  return text.includes(OPEN)
    ? text.replace(TOKEN, (_, hex: string) => {
        const link = decode(hex);
        return link ? write(link) : "";
      })
    : text;
}

/** Every link token in every string of a value (a copy), written by `write(link, the object the string sits in)`. */
export function writeLinks<T>(value: T, write: (link: Link, parent: Readonly<Record<string, unknown>>) => string): T {
  return mapStrings(value, (text, parent) => writeLinksIn(text, (link) => write(link, parent)));
}

/** An address safe inside `<…|…>` (Slack) and `(…)` (Markdown): the few characters that end them, percent-encoded. */
export function linkSafeUrl(url: string): string {
  return url.replace(/[\s<>|()[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
