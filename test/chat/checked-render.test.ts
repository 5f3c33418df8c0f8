import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedRender } from "../../src/chat/checked-render.js";
import { recordingLogger } from "../fakes/recording-logger.js";

/** One policy for every platform: within the limits, sent as rendered; past them, logged and sent as text. */
describe("checked rendering", () => {
  const limits = z.object({ text: z.string().max(10) });

  it("sends what fits as rendered, without a log line", () => {
    const logger = recordingLogger();
    expect(checkedRender({ text: "short" }, limits, () => ({ text: "fallback" }), { logger, what: "card" })).toEqual({
      text: "short",
    });
    expect(logger.lines).toEqual([]);
  });

  it("sends what breaks the limits as its fallback text, and says so in the log with the issues", () => {
    const logger = recordingLogger();
    const sent = checkedRender({ text: "far too long for this" }, limits, () => ({ text: "as text" }), {
      logger,
      what: "teams card",
      kind: "summary",
    });
    expect(sent).toEqual({ text: "as text" });
    expect(logger.lines).toEqual([
      {
        level: "error",
        message: "teams card breaks the platform's limits: sent as text",
        fields: { kind: "summary", issues: [expect.objectContaining({ path: ["text"] })] },
      },
    ]);
  });
});
