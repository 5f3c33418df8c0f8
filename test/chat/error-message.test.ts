import { describe, expect, it } from "vitest";
import { SlackResponseUrlError } from "../../adapters/slack/slack-api.js";
import { RequestBodyError } from "../../adapters/teams/http.js";
import { ConfigError } from "../../app/config.js";
import { errorMessage } from "../../src/chat/error-message.js";
import { DeliveryError } from "../../src/chat/ports.js";
import { CodedError, InvariantError } from "../../src/errors.js";
import { ModelFileError } from "../../src/model-file.js";
import { CronError } from "../../src/schedule/cron.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { StoreConflictError, StoreDataError, StoreUnavailableError } from "../../src/store/store.js";
import { createTranscript, textOf } from "../flows/harness.js";

describe("one error base", () => {
  it("gives every error the app raises a code, its class name and the cause it wraps", () => {
    const cause = new Error("ECONNREFUSED");
    const errors: CodedError[] = [
      new ConfigError(["PORT: too big"]),
      new DeliveryError("unreachable", "gone", undefined, { cause }),
      new ModelFileError("model.yaml", ["levels: 4 given"]),
      new CronError("minute 61 is not in 0-59"),
      new StoreDataError("k", "n: expected number"),
      new StoreUnavailableError(cause),
      new StoreConflictError("k", 50),
      new RequestBodyError(413, "too big"),
      new SlackResponseUrlError(500),
      new InvariantError("a reply with nowhere to go"),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(CodedError);
      expect(error.code).toMatch(/^[a-z_]+$/);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new Set(errors.map((e) => e.code)).size).toBe(errors.length);
    expect(new StoreUnavailableError(cause).cause).toBe(cause);
    expect(new DeliveryError("failed", "x", undefined, { cause }).cause).toBe(cause);
  });
});

describe("what a person reads when something fails", () => {
  it("says what happened for the failures people can act on, and one apology for everything else", () => {
    expect(errorMessage(new StoreUnavailableError(new Error("down")))).toMatchObject({
      kind: "error",
      code: "store_unavailable",
      text: expect.stringContaining("can't reach my storage"),
    });
    expect(errorMessage(new StoreConflictError("k", 50))).toMatchObject({
      code: "store_conflict",
      lines: [expect.stringContaining("Please try again")],
    });
    const unexpected = errorMessage(new TypeError("x is undefined"));
    expect(unexpected).toMatchObject({ code: "unexpected", text: expect.stringContaining("Something went wrong") });
    expect(errorMessage(new StoreDataError("k", "bad")).text).toBe(unexpected.text);
    expect(JSON.stringify(errorMessage(new Error("secret detail")))).not.toContain("secret detail");
  });

  it("tells a person whose change lost every compare-and-set race to try again, not that something unexpected broke", async () => {
    const store = createMemoryStore();
    const busy = { ...store, update: () => Promise.reject(new StoreConflictError("k", 50)) };
    const replies = await createTranscript(busy).say("alice", "");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.message).toMatchObject({ kind: "error", code: "store_conflict" });
    expect(textOf(replies)).toContain("Several changes to the same thing arrived at once");
  });
});
