import { describe, expect, it } from "vitest";
import { CONTEXT_QUESTION_ID } from "../../src/engine/answers.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { practicesAt } from "../../src/engine/model-index.js";
import type { AssessmentModel } from "../../src/engine/model-schema.js";
import { questionsFor } from "../../src/engine/questions.js";
import { fixtureModel } from "./fixture-model.js";

/** What scoring and explaining look up once per model must be exactly what filtering the model gives. */
describe.each([
  ["default model", defaultModel],
  ["fixture model", fixtureModel],
] as [string, AssessmentModel][])("lookups built once for the %s", (_, model) => {
  it("finds a dimension's practices at a level exactly as filtering the deep list does, in order", () => {
    for (const d of [...model.dimensions.map((x) => x.id), "no-such-dimension"]) {
      for (const level of [0, 1, 2, 3, 4, 5]) {
        expect(practicesAt(model, d, level)).toEqual(model.deep.filter((p) => p.dimension === d && p.level === level));
      }
    }
  });

  it("hands out one questionnaire per mode and context, which no caller can change", () => {
    const quick = questionsFor(model, "quick");
    expect(questionsFor(model, "quick", { anything: "2" })).toBe(quick);
    expect(() => (quick as unknown[]).push({})).toThrow(TypeError);
    expect(() => {
      (quick[0] as { prompt: string }).prompt = "changed";
    }).toThrow(TypeError);
    expect(quick[0]?.prompt).toBe(model.quick.find((q) => q.dimension === model.dimensions[0]?.id)?.prompt);

    const everything = questionsFor(model, "deep");
    const context = model.context;
    if (!context) {
      // No context question: everyone is asked every practice, and nothing about how they serve.
      expect(everything.map((q) => q.id)).toEqual(
        model.dimensions.flatMap((d) =>
          model.deep
            .filter((p) => p.dimension === d.id)
            .sort((a, b) => a.level - b.level)
            .map((p) => p.id),
        ),
      );
      return;
    }
    context.options.forEach((option, i) => {
      const chosen = questionsFor(model, "deep", { [CONTEXT_QUESTION_ID]: String(i) });
      expect(questionsFor(model, "deep", { [CONTEXT_QUESTION_ID]: String(i), other: "no" })).toBe(chosen);
      // Practices that do not apply to the chosen context are not asked; the context question always is.
      const asked = new Set(chosen.map((q) => q.id));
      for (const p of model.deep) expect(asked.has(p.id)).toBe(p.appliesTo.some((t) => option.applies.includes(t)));
      expect(chosen[0]?.id).toBe(CONTEXT_QUESTION_ID);
    });
    expect(everything.length).toBe(model.deep.length + 1);
  });
});
