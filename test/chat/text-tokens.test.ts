import { describe, expect, it } from "vitest";
import { mapStrings } from "../../src/chat/text-tokens.js";

const message = {
  kind: "notice",
  text: "Run [cmd] in the channel",
  lines: ["no token here", "[cmd] again"],
  buttons: [{ label: "Start", action: { a: "start", c: "C1" } }],
  count: 3,
};
const upper = (text: string) => text.replace("[cmd]", "/mlops-assess");

describe("mapping every string of a message", () => {
  it("changes the strings the map changes, wherever they sit, and leaves the message it was given as it was", () => {
    const before = structuredClone(message);
    const mapped = mapStrings(message, upper);
    expect(mapped).toEqual({
      ...message,
      text: "Run /mlops-assess in the channel",
      lines: ["no token here", "/mlops-assess again"],
    });
    expect(message).toEqual(before);
  });

  it("shares what holds no changed string, so a message without tokens is not copied at all", () => {
    const mapped = mapStrings(message, upper);
    expect(mapped.buttons).toBe(message.buttons);
    expect(mapped.lines).not.toBe(message.lines);
    expect(mapStrings(message, (text) => text)).toBe(message);
  });

  it("tells the map which object each string sits in", () => {
    const parents: unknown[] = [];
    mapStrings({ type: "mrkdwn", text: "a", nested: [{ type: "plain_text", text: "b" }] }, (text, parent) => {
      parents.push([text, parent.type]);
      return text;
    });
    expect(parents).toEqual([
      ["mrkdwn", "mrkdwn"],
      ["a", "mrkdwn"],
      ["plain_text", "plain_text"],
      ["b", "plain_text"],
    ]);
  });
});
