import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { createTranscript, textOf } from "./harness.js";

describe("levels", () => {
  it("tells anyone what each of the model's five levels means, privately", async () => {
    const t = createTranscript(createMemoryStore());
    const replies = await t.say("bob", "levels");
    expect(replies.map((r) => r.delivery.to)).toEqual(["private"]);
    const lines = textOf(replies).split("\n").slice(1);
    expect(lines).toEqual(defaultModel.levels.map((l) => `Level ${l.level} ${l.name}: ${l.summary}`));
    expect(lines).toHaveLength(5);
  });
});
