import { describe, expect, it } from "vitest";
import { createQuestionRenders } from "../../../adapters/slack/question-renders.js";
import { renderMessage } from "../../../adapters/slack/render-message.js";
import { decodeAction } from "../../../src/chat/actions.js";
import { buttonsOfBlocks } from "./read-blocks.js";
import { ladderLabels, question } from "./sample-messages.js";

const ticked = (q: ReturnType<typeof question>, chosen: number) => ({
  ...q,
  options: q.options.map((o, i) => ({ ...o, selected: i === chosen })),
});

describe("questions rendered once per state", () => {
  it("show each person exactly what rendering their question afresh shows", () => {
    const renders = createQuestionRenders();
    const states = [
      question(["Yes", "Partly", "No"]),
      ticked(question(["Yes", "Partly", "No"]), 0),
      question(ladderLabels),
      question(ladderLabels, { note: "Skipped questions count as not rated." }),
      question(ladderLabels, { current: ladderLabels[1] }),
    ];
    // Twice over, interleaved: a kept render must never stand in for another state.
    for (const state of [...states, ...states]) expect(renders(state)).toEqual(renderMessage(state));
  });

  it("tick the answer this person gave, not the one the last person was shown", () => {
    const renders = createQuestionRenders();
    const tickedButtons = (chosen: number) =>
      buttonsOfBlocks(renders(ticked(question(["Yes", "Partly", "No"]), chosen)).blocks)
        .filter((b) => b.text.text.startsWith("✓"))
        .map((b) => b.text.text);
    expect(tickedButtons(0)).toEqual(["✓ Yes"]);
    expect(tickedButtons(2)).toEqual(["✓ No"]);
    expect(tickedButtons(0)).toEqual(["✓ Yes"]);
  });

  it("keep buttons of another round pointing at that round", () => {
    const renders = createQuestionRenders();
    const inRound = (round: string) => {
      const q = question(["Yes", "No"]);
      return { ...q, options: q.options.map((o) => ({ ...o, action: { ...o.action, r: round } })) };
    };
    const roundsOf = (round: string) =>
      buttonsOfBlocks(renders(inRound(round)).blocks)
        .map((b) => {
          const action = b.value ? decodeAction(b.value) : undefined;
          return action && "r" in action ? action.r : undefined;
        })
        .filter((r) => r !== "round-1");
    expect(roundsOf("round-2")).toEqual(["round-2", "round-2"]);
    expect(roundsOf("round-3")).toEqual(["round-3", "round-3"]);
  });

  it("hand out a render nobody can change for the next person", () => {
    const renders = createQuestionRenders();
    const shown = renders(question(["Yes", "No"]));
    expect(() => {
      (shown.blocks as unknown[]).push({ type: "divider" });
    }).toThrow(TypeError);
    expect(renders(question(["Yes", "No"]))).toEqual(renderMessage(question(["Yes", "No"])));
  });
});
