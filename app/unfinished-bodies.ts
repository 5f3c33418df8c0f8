import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Requests whose body has not fully arrived, per client address, at most `perAddress` at once. A client that
 * opens sockets and trickles (or never sends) the bodies it announced would otherwise hold a socket, a parser and a
 * buffer each until the request timeout. When an address opens one more, its oldest unfinished request is answered
 * 408 and closed: refusing the newest instead would let a client that shares its address with Slack (a proxy that
 * does not buffer bodies) lock Slack out, whereas Slack's own bodies arrive with their headers and are never the
 * oldest for more than a moment.
 */
export interface UnfinishedBodies {
  /** Count this request until its body has arrived or it is gone, making room by closing the address's oldest. */
  admit(req: IncomingMessage, res: ServerResponse): void;
  /** Bodies still arriving from this address. */
  of(address: string): number;
}

interface Arriving {
  req: IncomingMessage;
  res: ServerResponse;
}

export function createUnfinishedBodies(perAddress: number, onEvicted: (address: string) => void): UnfinishedBodies {
  const open = new Map<string, Set<Arriving>>();

  function evict(address: string, oldest: Arriving): void {
    onEvicted(address);
    const { req, res } = oldest;
    if (!res.headersSent) res.writeHead(408, { "content-type": "application/json", connection: "close" });
    // The handler still reading this body then gets an aborted stream, and answers nothing more (headers are sent).
    res.end(JSON.stringify({ error: "request body too slow" }), () => req.socket.destroy());
  }

  return {
    admit(req, res) {
      if (req.complete) return;
      const address = req.socket.remoteAddress ?? "unknown";
      const arriving = open.get(address) ?? new Set<Arriving>();
      open.set(address, arriving);
      const mine: Arriving = { req, res };
      if (arriving.size >= perAddress) {
        const [oldest] = arriving;
        if (oldest) {
          arriving.delete(oldest);
          evict(address, oldest);
        }
      }
      arriving.add(mine);
      const release = () => {
        arriving.delete(mine);
        if (arriving.size === 0 && open.get(address) === arriving) open.delete(address);
      };
      // "end" once the last byte is read; "close" if the client went away (or was timed out) before that.
      req.once("end", release);
      req.once("close", release);
    },
    of: (address) => open.get(address)?.size ?? 0,
  };
}
