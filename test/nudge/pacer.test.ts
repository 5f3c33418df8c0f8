import { describe, expect, it } from "vitest";
import { createPacer, MIN_INTERVAL_MS } from "../../flows/nudge/pacer.js";
import { DeliveryError } from "../../src/chat/ports.js";

/** A virtual clock: sleeping advances it, so pacing is measured exactly and instantly. */
function virtualTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe("outbound pacing", () => {
  it("keeps at least a second between messages to one channel", async () => {
    const time = virtualTime();
    const pacer = createPacer(time);
    const at: number[] = [];
    await Promise.all([1, 2, 3].map(() => pacer.send("C1", async () => void at.push(time.now()))));
    expect(at).toEqual([0, MIN_INTERVAL_MS, 2 * MIN_INTERVAL_MS]);
  });

  it("honours Retry-After for the limited channel without holding up the others", async () => {
    const sent: string[] = [];
    const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
    const pacer = createPacer({ sleep: realSleep });
    let limited = true;
    const a = pacer.send("A", async () => {
      if (limited) {
        limited = false;
        throw new DeliveryError("rate-limited", "429", 300);
      }
      sent.push("A");
    });
    const b = pacer.send("B", async () => void sent.push("B"));
    await b;
    expect(sent).toEqual(["B"]);
    const started = Date.now();
    await a;
    expect(sent).toEqual(["B", "A"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it("gives up on anything that is not a rate limit", async () => {
    const pacer = createPacer(virtualTime());
    await expect(
      pacer.send("C", async () => {
        throw new DeliveryError("unreachable", "gone");
      }),
    ).rejects.toMatchObject({ reason: "unreachable" });
  });
});
