import { describe, expect, it } from "vitest";
import { adaptiveCard, execute, textBlock } from "../../../adapters/teams/render-elements.js";
import { fallbackText, renderCard } from "../../../adapters/teams/render-message.js";
import { adaptiveCardSchema, CARD_LIMITS, cardBytes } from "../../../adapters/teams/render-schema.js";
import { escapeCardText } from "../../../adapters/teams/text.js";
import type { ButtonAction } from "../../../src/chat/actions.js";
import { command } from "../../../src/chat/command-words.js";
import { linkTo } from "../../../src/chat/links.js";
import type { OutboundMessage } from "../../../src/chat/outbound.js";
import { invitation, ladderLabels, notice, question, summary, worstCases } from "../slack/sample-messages.js";
import { buttonsOf, textOf } from "./harness.js";

/** Neutral messages as Adaptive Cards: every card passes the schema (version, actions, Teams' 28 KB limit). */
const valid = (message: OutboundMessage) => {
  const card = renderCard(message);
  const checked = adaptiveCardSchema.safeParse(card);
  expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues.slice(0, 3))).toBe(true);
  return card;
};

describe("every card", () => {
  it.each([
    ["question", question(["No", "Partly", "Yes"])],
    ["ladder question", question(ladderLabels)],
    ["summary", summary()],
    ["invitation", invitation(["Ann", "Bo"])],
    ["closed invitation", invitation(["Ann"], true)],
    ["notice", notice(["one", "two"])],
    ...worstCases(),
  ])("%s is a valid Adaptive Card 1.5 under Teams' size limit", (_, message) => {
    const card = valid(message);
    expect(card).toMatchObject({
      type: "AdaptiveCard",
      version: "1.5",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    });
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_LIMITS.cardBytes);
    for (const button of buttonsOf(card)) {
      expect(button.title.length).toBeGreaterThan(0);
      expect(button.action, `button ${button.title} carries a decodable action`).toBeDefined();
    }
  });

  it("keeps every option's button even when the card had to be shortened to fit", () => {
    const [, huge] = worstCases().find(([name]) => name.startsWith("question with 300-char")) ?? [];
    const card = valid(huge as OutboundMessage);
    expect(buttonsOf(card).filter((b) => b.action?.a === "answer")).toHaveLength(6);
    expect(cardBytes(renderCard(summary(48, 2000)))).toBeLessThanOrEqual(CARD_LIMITS.cardBytes);
  });
});

describe("question card", () => {
  it("shows progress and prompt, one Action.Execute per option with a Submit fallback, then back/skip/cancel", () => {
    const message = question(["No", "Partly", "Yes"]);
    const card = valid(message);
    expect(textOf(card)).toMatch(/^3\/8 · Monitoring & feedback\nHow do you find out/);
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => b.title)).toEqual(["No", "Partly", "✓ Yes", "Back", "Skip", "Yes, cancel"]);
    expect(buttons.every((b) => b.type === "Action.Execute" && b.fallbackType === "Action.Submit")).toBe(true);
    expect(buttons.map((b) => b.action)).toEqual([
      ...message.options.map((o) => o.action),
      ...message.navigation.map((n) => n.action),
    ]);
    expect(JSON.stringify(card)).toContain('"verb":"ma"');
  });

  it("ticks the current answer without colouring it, and asks in a second card before Cancel", () => {
    const card = valid(question(["No", "Partly", "Yes"], { current: "Partly" }));
    expect(textOf(card)).toContain("Your answer so far: **Partly**");
    // The sample marks the third option as the one chosen before: a tick, not a green "recommended" button.
    expect(buttonsOf(card).map((b) => [b.title, b.style])).toEqual([
      ["No", undefined],
      ["Partly", undefined],
      ["✓ Yes", undefined],
      ["Back", undefined],
      ["Skip", undefined],
      ["Yes, cancel", "destructive"],
    ]);
    const cancel = JSON.stringify(card.body.at(-1));
    expect(cancel).toContain('"type":"Action.ShowCard","title":"Cancel"');
    expect(cancel).toContain("Cancel this assessment?");
  });

  it("shows each sentence-long ladder option whole as a tappable row named by its level, with a tooltip", () => {
    const q = question(ladderLabels);
    const card = valid({ ...q, options: q.options.map((o, i) => ({ ...o, level: i as 0 | 1 | 2 | 3 | 4 })) });
    const rows = card.body.filter((e) => e.type === "Container" && e.selectAction);
    expect(rows.map((row) => textOf(row))).toEqual(
      ladderLabels.map((label, level) =>
        level === 2 ? `✓ L2 · ${escapeCardText(label)} (your answer)` : `L${level} · ${escapeCardText(label)}`,
      ),
    );
    for (const row of rows) {
      if (row.type !== "Container") continue;
      expect(row.selectAction?.tooltip).toMatch(/^(Answer|Keep your answer): L\d · /);
    }
  });

  it("puts at most six buttons in a row", () => {
    const card = valid(question(Array.from({ length: 14 }, (_, i) => `Option ${i + 1}`)));
    const rows = card.body
      .filter((e) => e.type === "ActionSet")
      .map((e) => (e.type === "ActionSet" ? e.actions.length : 0));
    expect(rows).toEqual([6, 6, 2, 3]);
  });
});

describe("summary card", () => {
  it("heads with the level, one short row per dimension, next steps by name, the rest behind Details", () => {
    const message = summary(4, 12);
    const card = valid(message);
    const text = textOf(card.body.filter((e) => e.type !== "ActionSet"));
    expect(text.split("\n")[0]).toBe("Level 2 · Automated training");
    expect(text).toContain("average L2.4 across 4 dimensions · ↑ was L1");
    expect(text.match(/target L3/g), "the target is said once").toHaveLength(1);
    const rows = card.body.filter((e) => e.type === "ColumnSet");
    expect(rows).toHaveLength(4);
    expect(textOf(rows[0]).split("\n")[1]).toBe("? not rated");
    expect(textOf(rows[2])).toMatch(/\nL2$/);
    expect(text).toContain("Next steps");
    expect(text).not.toContain("answers L0–L4");
    const details = textOf(card.body.at(-1));
    expect(details).toContain("**What blocks the next level:**");
    expect(details).toContain("answers L0–L4, ⚠ disagreement");
    expect(details).toContain("5 completed · 2 in progress");
    expect(details).toContain("- Two people were not sure about monitoring.");
    expect(buttonsOf(card).map((b) => b.title)).toEqual(["Start a new round"]);
    expect(JSON.stringify(card.body.at(-1))).toContain('"type":"Action.ShowCard","title":"Details"');
    expect(card.msteams).toEqual({ width: "Full" });
  });
});

describe("invitation card", () => {
  it("offers Take the assessment while open, and shows who answered (never what)", () => {
    const card = valid(invitation(["Ann", "Bo"]));
    expect(buttonsOf(card).map((b) => [b.title, b.action?.a])).toEqual([["Take the assessment", "join"]]);
    expect(textOf(card)).toContain("Answered: Ann, Bo");
    expect(textOf(card)).toContain("Quick · Closes Sat, 12 Dec 2026, 09:30 CET · 2 answered · 3 in progress");
    expect(buttonsOf(valid(invitation(["Ann"], true)))).toEqual([]);
  });

  it("says when a closed round closed, how many answered, and that unfinished answers are not counted", () => {
    const closed = textOf(valid(invitation(["Ann"], true)));
    expect(closed).toContain(
      "Closed on Sat, 12 Dec 2026: 1 answered · 3 did not finish: their answers are not counted",
    );
    expect(closed).not.toContain("in progress");
  });
});

describe("text from people", () => {
  it("escapes what TextBlock would interpret as Markdown or a date function", () => {
    expect(escapeCardText("*bold* _it_ [x](https://evil) `code` ~s~")).toBe(
      "\\*bold\\* \\_it\\_ \\[x\\](https://evil) \\`code\\` \\~s\\~",
    );
    expect(escapeCardText("- not a list\n1. not numbered\n+ nor this")).toBe(
      "\\- not a list\n1\\. not numbered\n\\+ nor this",
    );
    expect(escapeCardText("{{DATE(2026-01-01T00:00:00Z, SHORT)}}")).toBe("{\u200b{DATE(2026-01-01T00:00:00Z, SHORT)}}");
    expect(escapeCardText("a - b, 3.5 & <at>x</at>")).toBe("a - b, 3.5 & <at>x</at>");
  });

  it("shows a hostile name in a notice as text", () => {
    const card = valid({ kind: "notice", text: "[click](https://evil) *now*", lines: ["- injected"], buttons: [] });
    expect(textOf(card)).toBe("\\[click\\](https://evil) \\*now\\*\n- \\- injected");
  });
});

describe("command hints", () => {
  it("name commands as the words sent to the bot in Teams, not as the Slack slash command", () => {
    const card = valid({
      kind: "notice",
      text: `Start with ${command()}.`,
      lines: [`${command("status")}: who has answered`, `${command("schedule quarterly")}: reminders`],
      buttons: [],
    });
    // Quotes, not code spans: Teams shows an escaped code span's backticks literally.
    expect(textOf(card)).toBe("Start with “assess”.\n- “status”: who has answered\n- “schedule quarterly”: reminders");
  });

  it("spells them in the notification text too", () => {
    expect(fallbackText({ kind: "notice", text: `Try ${command("status")}.`, lines: [], buttons: [] })).toBe(
      "Try “status”.",
    );
  });
});

describe("card schema", () => {
  const action: ButtonAction = { a: "skip", c: "C1", r: "r1" };

  it("rejects a card over the size limit, a wrong version and buttons without a decodable action", () => {
    const big = adaptiveCard(Array.from({ length: 300 }, () => textBlock("x".repeat(100))));
    expect(adaptiveCardSchema.safeParse(big).success).toBe(false);
    expect(adaptiveCardSchema.safeParse({ ...adaptiveCard([textBlock("hi")]), version: "1.2" }).success).toBe(false);
    const broken = execute("Skip", action);
    const card = adaptiveCard([{ type: "ActionSet", actions: [{ ...broken, data: { ma: "nope" } }] }]);
    expect(adaptiveCardSchema.safeParse(card).success).toBe(false);
    const untitled = adaptiveCard([{ type: "ActionSet", actions: [{ ...broken, title: "" }] }]);
    expect(adaptiveCardSchema.safeParse(untitled).success).toBe(false);
    expect(adaptiveCardSchema.safeParse(adaptiveCard([{ type: "ActionSet", actions: [broken] }])).success).toBe(true);
  });
});

describe("links", () => {
  it("makes evidence a Markdown link Teams renders, with the label escaped, and the address in the notification", () => {
    const message: OutboundMessage = {
      kind: "notice",
      text: `Evidence: ${linkTo("https://ci.example.com/runs/4_2 (x)", "runs *42*")}`,
      lines: [],
      buttons: [],
    };
    expect(textOf(valid(message))).toBe("Evidence: [runs \\*42\\*](https://ci.example.com/runs/4_2%20%28x%29)");
    expect(fallbackText(message)).toBe("Evidence: runs *42* (https://ci.example.com/runs/4_2 (x))");
  });
});
