/**
 * Slack mrkdwn turns `<...>` into mentions and links (`<!channel>`, `<https://x|y>`) and `&` into entities. Every
 * piece of text that comes from people or from the model goes through `escapeMrkdwn`, so it can only ever show as
 * text (Slack doc "Formatting text: escaping"). Our own markup (`*bold*`, code spans) is added around escaped text.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Shorten escaped mrkdwn to `max` characters without cutting an entity (`&amp;`) in half. */
export function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1).replace(/&[a-z]*$/, "")}…`;
}

/** Shorten plain text (headers, button labels): it is shown literally, so nothing to escape. */
export function fitPlain(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) return "-";
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1)}…`;
}
