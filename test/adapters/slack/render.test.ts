import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderHome } from "../../../adapters/slack/render-home.js";
import { renderMessage, renderThreaded } from "../../../adapters/slack/render-message.js";
import { homeViewSchema, slackMessageSchema } from "../../../adapters/slack/render-schema.js";
import { decodeAction } from "../../../src/chat/actions.js";
import { command } from "../../../src/chat/command-words.js";
import { linkTo } from "../../../src/chat/links.js";
import { buttonsOfBlocks, mrkdwnOf } from "./read-blocks.js";
import { invitation, ladderLabels, notice, question, summary, worstCases } from "./sample-messages.js";

const buttons = buttonsOfBlocks;

describe("Block Kit limits", () => {
  it.each(worstCases())("%s is a valid Slack message", (_, message) => {
    const rendered = renderMessage(message);
    const checked = slackMessageSchema.safeParse(rendered);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
  });

  it("holds for any question message whatever its fields hold, since deliveries send questions unchecked", () => {
    // Everything QuestionMessage allows (ids as long as addresses and button actions allow, any text, any number
    // of options), so a new field or a renderer change that can break Block Kit fails here, not in Slack.
    // size "max": fast-check otherwise keeps strings short, and it is the long ones that break limits.
    const text = (maxLength: number) => fc.string({ unit: "grapheme", maxLength, size: "max" });
    const id = (maxLength: number) => fc.string({ minLength: 1, maxLength, size: "max" });
    const answer = fc.record({ a: fc.constant("answer" as const), c: id(512), r: id(128), q: id(128), v: id(32) });
    const navigation = fc
      .tuple(id(512), id(128), fc.subarray(["back", "skip", "cancel"] as const))
      .map(([c, r, as]) =>
        as.map((a) => ({ label: a, action: { a, c, r }, ...(a === "cancel" ? { style: "danger" as const } : {}) })),
      );
    const anyQuestion = fc.record(
      {
        kind: fc.constant("question" as const),
        progress: fc.record({
          index: fc.integer({ min: 1, max: 100_000 }),
          total: fc.integer({ min: 1, max: 100_000 }),
          section: text(400),
        }),
        prompt: text(6000),
        current: text(400),
        options: fc.array(fc.record({ label: id(300), action: answer, selected: fc.boolean() }), {
          maxLength: 80,
          size: "max",
        }),
        navigation,
        note: text(5000),
      },
      { requiredKeys: ["kind", "progress", "prompt", "options", "navigation"] },
    );
    fc.assert(
      fc.property(anyQuestion, (message) => {
        const checked = slackMessageSchema.safeParse(renderMessage(message));
        expect(checked.success ? [] : checked.error.issues).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("puts all of them at once in a valid Home view", () => {
    const view = renderHome(worstCases().map(([, m]) => m));
    const checked = homeViewSchema.safeParse(view);
    expect(checked.success ? [] : checked.error.issues).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("the schema itself rejects what Slack rejects", () => {
    const ok = renderMessage(question(["Yes", "No"]));
    const tooMany = { ...ok, blocks: Array.from({ length: 51 }, () => ok.blocks[0]) };
    const longButton = {
      ...ok,
      blocks: [
        {
          type: "actions",
          elements: [{ ...buttons(ok.blocks)[0], text: { type: "plain_text", text: "x".repeat(76) } }],
        },
      ],
    };
    const duplicateIds = { ...ok, blocks: [...ok.blocks, ...ok.blocks.filter((b) => b.type === "actions")] };
    for (const bad of [tooMany, longButton, duplicateIds])
      expect(slackMessageSchema.safeParse(bad).success).toBe(false);
  });
});

describe("escaping", () => {
  it("renders a person named <!channel> as text, never as a mention", () => {
    const rendered = renderMessage(invitation(["<!channel>"], false, "<!channel>"));
    const json = JSON.stringify(rendered);
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).not.toContain("<!channel>");
  });

  it.each(worstCases())("%s carries no raw < > and no bare & in any mrkdwn", (_, message) => {
    for (const text of mrkdwnOf(renderMessage(message))) {
      expect(text).not.toMatch(/[<>]/);
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
  });

  it("holds for any text anywhere in a message", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.string({ maxLength: 400 }), (a, b) => {
        const messages = [
          question([a || "x", b || "y"], { prompt: a, note: b, current: a }),
          summary(3, 10, { title: a, explanation: b, notes: [a, b] }),
          invitation([a, b], false, a || "someone"),
          { ...notice([a, b]), text: b },
        ];
        for (const m of messages) {
          const rendered = renderMessage(m);
          expect(slackMessageSchema.safeParse(rendered).success).toBe(true);
          for (const text of mrkdwnOf(rendered)) expect(text).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
        }
      }),
    );
  });
});

describe("question", () => {
  it("shows progress, the prompt and one button per short option carrying its words, then back / skip / cancel", () => {
    const q = question(["Yes, automated", "Yes, manual or partial", "No", "N/A", "Not sure"]);
    const { blocks, text } = renderMessage(q);
    expect(blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "3/8 · Monitoring &amp; feedback" }],
    });
    expect(blocks[1]).toMatchObject({ type: "section", text: { text: `*${q.prompt}*` } });
    expect(text).toContain("3/8");
    // The current answer is ticked, not green: a primary button reads as "recommended". Cancel is not red.
    expect(buttons(blocks).map((b) => [b.action_id, b.text.text, b.style])).toEqual([
      ["ma:answer:1", "Yes, automated", undefined],
      ["ma:answer:2", "Yes, manual or partial", undefined],
      ["ma:answer:3", "✓ No", undefined],
      ["ma:answer:4", "N/A", undefined],
      ["ma:answer:5", "Not sure", undefined],
      ["ma:nav:back", "Back", undefined],
      ["ma:nav:skip", "Skip", undefined],
      ["ma:nav:cancel", "Cancel", undefined],
    ]);
    expect(buttons(blocks).map((b) => decodeAction(b.value))).toEqual([
      ...q.options.map((o) => o.action),
      ...q.navigation.map((n) => n.action),
    ]);
    expect(buttons(blocks)[2]?.accessibility_label).toBe("Keep your answer: No");
  });

  it("asks before Cancel sends anything", () => {
    const cancel = buttons(renderMessage(question(["Yes", "No"])).blocks).find((b) => b.action_id === "ma:nav:cancel");
    expect(cancel?.confirm).toMatchObject({
      title: { text: "Cancel this assessment?" },
      confirm: { text: "Yes, cancel" },
      deny: { text: "Keep going" },
      style: "danger",
    });
  });

  it("prints each ladder option whole on its own line, with a button beside it that names its level", () => {
    const q = question(ladderLabels);
    const ladder = { ...q, options: q.options.map((o, i) => ({ ...o, level: i as 0 | 1 | 2 | 3 | 4 })) };
    const withNotSure = {
      ...ladder,
      options: [...ladder.options, { label: "Not sure", action: ladder.options[0]!.action, selected: false }],
    };
    const { blocks } = renderMessage(withNotSure);
    const rows = blocks.filter((b) => b.type === "section" && b.accessory);
    expect(rows.map((b) => (b.type === "section" ? [b.text?.text, b.accessory?.text.text] : []))).toEqual([
      ...ladderLabels.map((label, level) => [`L${level} · ${label}`, level === 2 ? "✓ L2" : `Choose L${level}`]),
      ["Not sure", "Choose"],
    ]);
    for (const row of rows) {
      if (row.type !== "section") continue;
      expect(row.accessory?.accessibility_label, "a screen reader hears the answer, not a number").toMatch(
        /^(Answer|Keep your answer): /,
      );
    }
  });
});

describe("summary", () => {
  it("threads the details: the first screen points to the thread, the reply carries what it leaves out", () => {
    const { message, thread } = renderThreaded(summary(6));
    const first = mrkdwnOf(message);
    expect(first.at(-1)).toMatch(/^Details in the thread: /);
    expect(message.blocks.map((b) => b.type)).not.toContain("divider");
    expect(first.join("\n")).not.toContain("*What blocks the next level:*");
    const details = mrkdwnOf(thread ?? { text: "", blocks: [] }).join("\n");
    expect(details).toContain("*Details*");
    expect(details).toContain("*What blocks the next level:* Model deployment is manual");
    expect(details).toContain("5 completed · 2 in progress");
    expect(thread?.text).toMatch(/^Details · #ml-platform · 5 Dec 2026/);
    // A message with nothing to add has no thread and no pointer to one.
    const { explanation: _, participation: __, ...plain } = summary(1);
    const level = { id: "d0", name: "Data", level: 4, levelName: "Full MLOps", progress: 0 };
    const bare = renderThreaded({
      ...plain,
      dimensions: [{ ...level, disagreement: false, unresolved: false }],
      nextSteps: [],
      notes: [],
    });
    expect(bare.thread).toBeUndefined();
    expect(mrkdwnOf(bare.message).join("\n")).not.toContain("in the thread");
  });

  it("heads with the overall level, then one short two-column row per dimension, the target said once", () => {
    const { blocks } = renderMessage(summary(6));
    expect(blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Level 2 · Automated training", emoji: true },
    });
    const body = mrkdwnOf({ text: "", blocks }).join("\n");
    expect(body).toContain("average L2.4 across 6 dimensions · ↑ was L1");
    expect(body).toContain("Level = the weakest dimension's, from 0 (none) to 4 (full MLOps) · target L3");
    expect(body.match(/target L3/g)).toHaveLength(1);
    expect(body, "no code-span bars: Slack draws them red").not.toMatch(/`[█░ ?]+`/);
    const fields = blocks.flatMap((b) => (b.type === "section" ? (b.fields ?? []).map((f) => f.text) : []));
    // Dimension 0 is unrated: a question mark, never level 0.
    expect(fields.slice(0, 2)).toEqual([expect.stringMatching(/^\*&lt;!channel&gt; /), "? not rated"]);
    expect(fields[3]).toBe("L1");
    expect(fields[7]).toBe("L3 ↓ was L4");
    expect(body).toContain("*3. Step 3: put models in a registry &lt;@U0ADMIN&gt;*\nModel management, towards L3");
    // Details follow the first screen: what blocks, how and why, spread, disagreement, participation.
    const details = body.slice(body.indexOf("*Details*"));
    expect(details).toContain("*What blocks the next level:* Model deployment is manual");
    expect(details).toContain("answers L0–L4, ⚠ disagreement");
    expect(details).toContain("5 completed · 2 in progress");
  });
});

describe("invitation and notices", () => {
  it("invites with a primary button while open, and drops the button once closed", () => {
    const open = renderMessage(invitation(["Ann", "Bo"]));
    expect(buttons(open.blocks)).toMatchObject([{ text: { text: "Take the assessment" }, style: "primary" }]);
    expect(decodeAction(buttons(open.blocks)[0]?.value)).toEqual({ a: "join", c: "C1", r: "round-1", m: "quick" });
    expect(mrkdwnOf(open).join("\n")).toContain(
      "Started by *Jane &lt;!channel&gt;* · Quick · Closes Sat, 12 Dec 2026, 09:30 CET · 2 answered · 3 in progress",
    );
    expect(buttons(renderMessage(invitation(["Ann"], true)).blocks)).toEqual([]);
  });

  it("says when a closed round closed, how many answered, and that unfinished answers are not counted", () => {
    const closed = mrkdwnOf(renderMessage(invitation(["Ann"], true))).join("\n");
    expect(closed).toContain(
      "Closed on Sat, 12 Dec 2026: 1 answered · 3 did not finish: their answers are not counted",
    );
    expect(closed).not.toContain("in progress");
    expect(closed).not.toContain("Closes");
  });

  it("shows a notice's lines and buttons, and marks problems, with what to do next on its own line", () => {
    const rendered = renderMessage(notice(["`/mlops-assess target <0-4>`: the level"], "error"));
    expect(mrkdwnOf(rendered)[1]).toBe(
      ":warning: Here is what I can do:\n`/mlops-assess target &lt;0-4&gt;`: the level",
    );
    expect(buttons(rendered.blocks).map((b) => b.action_id)).toEqual(["ma:button:1"]);
  });

  it("writes the commands flows name as the slash command", () => {
    const rendered = renderMessage(notice([`${command("target <0-4>")}: the level`, `${command()} starts a round`]));
    expect(mrkdwnOf(rendered)[1]).toBe(
      "Here is what I can do:\n• `/mlops-assess target &lt;0-4&gt;`: the level\n• `/mlops-assess` starts a round",
    );
  });

  it("keeps action ids unique per message in the Home tab", () => {
    const view = renderHome([question(["a", "b"]), question(["c", "d"])]);
    const ids = buttons(view.blocks).map((b) => b.action_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain("ma:h1:answer:2");
  });
});

describe("links", () => {
  it("makes evidence a real Slack link, its label escaped and its address unable to end the link early", () => {
    const rendered = renderMessage({
      kind: "notice",
      text: `Evidence: ${linkTo("https://ci.example.com/a|b>(1)", "ci <x> & co")}`,
      lines: [],
      buttons: [],
    });
    expect(mrkdwnOf(rendered)[1]).toBe("Evidence: <https://ci.example.com/a%7Cb%3E%281%29|ci &lt;x&gt; &amp; co>");
  });
});
