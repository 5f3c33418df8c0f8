import { ellipsize } from "./short-text.js";

/** Whose share of a title: the date after it must survive, and a chart draws its title in two lines at most. */
const WHOSE_MAX = 48;

/**
 * Whose and when, as a chart that is forwarded or screenshotted on its own must say: "#ml-platform · 5 Dec 2026".
 * The summary and history messages and both charts title themselves through here, so they say it the same way.
 */
export function titled(whose: string, when: string): string {
  const who = ellipsize(whose, WHOSE_MAX);
  return when ? `${who} · ${when}` : who;
}
