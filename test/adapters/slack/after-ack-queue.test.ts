import net from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { createAfterAckQueue } from "../../../adapters/slack/after-ack-queue.js";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("work after the ack", () => {
  it("never runs more than its bound at once, runs everything, first come first served", async () => {
    const queue = createAfterAckQueue({ concurrency: 3 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const all = Array.from({ length: 20 }, (_, i) =>
      queue.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
      }),
    );
    await Promise.all(all);
    expect(most).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("frees the slot when the work fails, and says when it is idle", async () => {
    const queue = createAfterAckQueue({ concurrency: 1 });
    const failed = queue.run(async () => {
      await tick();
      throw new Error("Slack said no");
    });
    let ranAfter = false;
    const next = queue.run(async () => {
      ranAfter = true;
    });
    let idle = false;
    const idleNow = queue.idle().then(() => {
      idle = true;
    });
    expect(idle).toBe(false);
    await expect(failed).rejects.toThrow("Slack said no");
    await next;
    await idleNow;
    expect(ranAfter).toBe(true);
    expect(idle).toBe(true);
  });

  it("runs one person's work one at a time in arrival order, other people's alongside, past failures", async () => {
    const queue = createAfterAckQueue({ concurrency: 8 });
    const log: string[] = [];
    const step =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await tick();
        log.push(`${name} end`);
        if (fail) throw new Error(`${name} failed`);
      };
    const first = queue.run(step("ana 1", true), "T1:ana");
    const second = queue.run(step("ana 2"), "T1:ana");
    const other = queue.run(step("bo 1"), "T1:bo");
    // Idle only once everything is done, including work still waiting behind its person's earlier work.
    const doneWhenIdle = queue.idle().then(() => [...log]);
    await expect(first).rejects.toThrow("ana 1 failed");
    await Promise.all([second, other]);
    expect(log.indexOf("ana 2 start")).toBeGreaterThan(log.indexOf("ana 1 end"));
    expect(log.indexOf("bo 1 start")).toBeLessThan(log.indexOf("ana 1 end"));
    expect(await doneWhenIdle).toContain("ana 2 end");
  });
  it("takes in a request that already arrived before it starts a reply (its ack does not wait behind the reply)", async () => {
    const order: string[] = [];
    const server = net.createServer((socket) => socket.on("data", () => order.push("request read")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void server.close());
    const { port } = server.address() as net.AddressInfo;
    const client = net.connect(port, "127.0.0.1");
    onTestFinished(() => void client.destroy());
    await new Promise((resolve) => client.once("connect", resolve));
    await tick(); // the server has accepted the connection
    async function replyWhileARequestWaits(afterPendingIo: boolean) {
      order.length = 0;
      const queue = createAfterAckQueue({ concurrency: 1, afterPendingIo });
      client.write("POST /slack/events");
      // The next request is in the server's socket by now, but the loop is still busy with this one's ack.
      const busyUntil = Date.now() + 20;
      while (Date.now() < busyUntil) {}
      await queue.run(async () => {
        order.push("reply rendered");
      });
      await tick();
      return [...order];
    }
    expect(await replyWhileARequestWaits(false)).toEqual(["reply rendered", "request read"]);
    expect(await replyWhileARequestWaits(true)).toEqual(["request read", "reply rendered"]);
  });
});
