import { describe, expect, it } from "vitest";
import { channelRef } from "../../src/chat/channel-refs.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { channel, createTranscript, dm, messages, option, questionIn } from "./harness.js";

describe("the person's home", () => {
  it("offers to resume, then shows the last result and the team's latest level", async () => {
    const t = createTranscript(createMemoryStore());
    const home = () => t.bot.handle({ kind: "home", address: dm("D-ana"), user: { id: "ana" }, raw: null });
    expect(JSON.stringify(await home())).toContain("What I can do:");

    let replies = await t.say("ana", "", channel("C7"));
    const first = await home();
    expect(first[0]?.message).toMatchObject({
      kind: "notice",
      buttons: [{ label: "Resume", action: { a: "resume", c: "C7" } }],
    });

    for (let i = 0; i < 8; i++) replies = await t.click("ana", option(questionIn(replies), 4));
    await t.say("ana", "close", channel("C7"));
    const after = await home();
    expect(messages(after, "summary")[0]).toMatchObject({ title: "Your last result", overall: { level: 3 } });
    // The team is named by a channel token, which each renderer names its platform's way.
    expect(JSON.stringify(after)).toContain(`${channelRef("C7")}: Level 3 Automated model deployment`);
  });
});
