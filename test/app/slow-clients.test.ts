import { Agent, request, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../app/http-server.js";
import { createMetrics } from "../../app/metrics.js";
import { quietLogger } from "../flows/harness.js";

/**
 * The server's limits for clients that send slowly, on a route that reads its body as the platform routes do. The
 * times are shortened here; production's are in CLIENT_LIMITS (seconds).
 */
const LIMITS = { headersMs: 300, requestMs: 600, unfinishedBodiesPerAddress: 3 };
let server: Server;
let port: number;
const sockets: Socket[] = [];

beforeEach(async () => {
  server = createHttpServer({
    readiness: async () => ({ ready: true, reasons: [], platforms: {} }),
    metrics: createMetrics(),
    logger: quietLogger,
    routes: {
      "/slack/events": (req, res) => {
        req.resume();
        req.on("end", () => res.writeHead(200).end("ok"));
        req.on("error", () => undefined);
      },
    },
    clientLimits: LIMITS,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

interface Outcome {
  status: number | undefined;
  ms: number;
}

/** A raw socket from `from` (any 127.x address reaches the loopback server) that sends `text` and waits. */
function slowClient(text: string, from = "127.0.0.2"): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port, localAddress: from });
    sockets.push(socket);
    let reply = "";
    socket.on("data", (chunk) => {
      reply += chunk.toString();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      const status = reply.match(/^HTTP\/1\.1 (\d{3})/)?.[1];
      resolve({ status: status === undefined ? undefined : Number(status), ms: performance.now() - started });
    });
    socket.write(text);
  });
}

const announced = (bytes: number) =>
  `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n{"a":`;

function post(agent?: Agent, from = "127.0.0.1"): Promise<{ status: number; reused: boolean }> {
  return new Promise((resolve, reject) => {
    const where = { host: "127.0.0.1", port, path: "/slack/events", method: "POST", localAddress: from };
    const req = request({ ...where, ...(agent ? { agent } : {}) }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on("error", reject);
    req.end('{"a":1}');
  });
}

describe("clients that send slowly", () => {
  it("answers 408 when the headers do not arrive within the header limit", async () => {
    const outcome = await slowClient("POST /slack/events HTTP/1.1\r\nHost: x\r\n");
    expect(outcome.status).toBe(408);
    expect(outcome.ms).toBeGreaterThanOrEqual(LIMITS.headersMs - 10);
    expect(outcome.ms).toBeLessThan(LIMITS.headersMs + 1500);
  });

  it("answers 408 when the announced body does not arrive within the request limit", async () => {
    const outcome = await slowClient(announced(100_000));
    expect(outcome.status).toBe(408);
    expect(outcome.ms).toBeGreaterThanOrEqual(LIMITS.requestMs - 10);
    expect(outcome.ms).toBeLessThan(LIMITS.requestMs + 1500);
  });

  it("keeps a bounded number of unfinished bodies per address, closing the oldest, and serves other addresses", async () => {
    const first = [slowClient(announced(100_000)), slowClient(announced(100_000))];
    await new Promise((r) => setTimeout(r, 50));
    const later = [1, 2, 3].map(() => slowClient(announced(100_000)));
    const [a, b] = await Promise.race([
      Promise.all(first),
      new Promise<Outcome[]>((r) => setTimeout(() => r([]), LIMITS.requestMs - 100)),
    ]);
    // Five from one address with room for three: the two oldest were closed as soon as the fourth and fifth came.
    expect([a?.status, b?.status]).toEqual([408, 408]);
    expect(a?.ms ?? Number.POSITIVE_INFINITY).toBeLessThan(LIMITS.requestMs - 100);
    expect(await post()).toMatchObject({ status: 200 });
    // A request that sends its body at once is served even from the slow clients' own address.
    expect(await post(undefined, "127.0.0.2")).toMatchObject({ status: 200 });
    expect((await Promise.all(later)).map((o) => o.status)).toEqual([408, 408, 408]);
  });

  it("keeps an idle keep-alive connection open past the header limit (the limits count from a request's first byte)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect(await post(agent)).toEqual({ status: 200, reused: false });
    await new Promise((r) => setTimeout(r, LIMITS.requestMs * 2));
    expect(await post(agent)).toEqual({ status: 200, reused: true });
    agent.destroy();
  });
});
