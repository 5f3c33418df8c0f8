#!/usr/bin/env node
// `node test/fakes/chart-clients.mjs <link> <count>`: that many clients fetching one chart link at once, started by
// chart-fetchers.ts, which waits for "ready" and then writes a line to say go. They stand in for people's chat
// clients on other machines, so on the bench's machine they take as little CPU as an HTTP/1.1 client can: a raw
// socket each, one request, and the body's bytes counted, not kept. (fetch, measured side by side: about 250 ms
// of CPU for 100 chart images, taken from the app and the load generator on two cores.)
// Prints each client's HTTP status as JSON, or 0 when the connection failed or the body came short.
import { connect } from "node:net";

const [link = "", count = "0"] = process.argv.slice(2);
const url = new URL(link);

function get() {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let head = "";
    let status = 0;
    let length = -1;
    let received = 0;
    socket.on("connect", () =>
      socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`),
    );
    socket.on("data", (chunk) => {
      if (length >= 0) {
        received += chunk.length;
        return;
      }
      // latin1 keeps one character per byte, so what follows the head counts as body bytes.
      head += chunk.toString("latin1");
      const end = head.indexOf("\r\n\r\n");
      if (end < 0) return;
      status = Number(head.slice(9, 12));
      length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      received = head.length - end - 4;
    });
    socket.on("error", () => {});
    socket.on("close", () => resolve(length >= 0 && received >= length ? status : 0));
  });
}

process.stdin.once("data", async () => {
  const statuses = await Promise.all(Array.from({ length: Number(count) }, get));
  console.log(JSON.stringify(statuses));
  process.exit(0);
});
console.log("ready");
