import { describe, expect, it } from "vitest";
import { createRecentValues } from "../../src/store/recent-values.js";

describe("values this process remembers for its next update", () => {
  it("keeps at most its limit, dropping the least recently used, and tells absent from unknown", () => {
    const recent = createRecentValues(2);
    recent.remember("round", '{"id":"r1"}');
    recent.remember("alice", null);
    // The round is checked by every answer: using it keeps it while people come and go.
    expect(recent.get("round")).toBe('{"id":"r1"}');
    recent.remember("bob", '{"n":1}');
    expect(recent.get("alice")).toBeUndefined();
    expect(recent.get("round")).toBe('{"id":"r1"}');
    expect(recent.get("bob")).toBe('{"n":1}');

    recent.remember("carol", null);
    expect(recent.get("carol")).toBeNull();
    recent.forget("carol");
    expect(recent.get("carol")).toBeUndefined();
    recent.forgetAll();
    expect(recent.get("bob")).toBeUndefined();
  });
});
