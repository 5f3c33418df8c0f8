import { createHmac } from "node:crypto";
import { Agent, request } from "node:http";

export const BENCH_SECRET = "bench-signing-secret-0123456789";
/** The replicas serve /metrics (their CPU seconds) on their port behind this bearer token. */
export const BENCH_METRICS_TOKEN = "bench-metrics-token-0123456789";

/**
 * Connections a load balancer keeps open to the replicas behind it (nginx upstream keepalive, an ALB's target
 * connections): it reuses them rather than opening one per request.
 */
// With a timeout set, node:http retires an idle connection before the server's advertised keep-alive ends.
export const loadBalancerConnections = new Agent({ keepAlive: true, maxSockets: 64, timeout: 30_000 });

/** A form body with the headers Slack signs it with; signed ahead, it stays valid for five minutes. */
export interface SignedRequest {
  body: string;
  headers: Record<string, string | number>;
}

export function sign(body: string): SignedRequest {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", BENCH_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": Buffer.byteLength(body),
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
    },
  };
}

/**
 * POST a signed request; resolves with the status and the time to the response head, in ms. Without an agent
 * every request opens a connection of its own, as Slack's own deliveries may.
 */
export function post(url: string, signed: SignedRequest, agent?: Agent): Promise<{ status: number; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent: agent ?? false, headers: signed.headers }, (res) => {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: elapsed }));
    });
    req.on("error", reject);
    req.end(signed.body);
  });
}

/** Sign and POST a form body at once. */
export const postSigned = (url: string, body: string, agent?: Agent) => post(url, sign(body), agent);

/** Slack gives every invocation its own trigger_id; the same body twice would be a replay, answered once. */
let invocations = 0;

export function commandBody(user: string, text: string, channel = "CBENCH0001"): string {
  return new URLSearchParams({
    token: "x",
    team_id: "TBENCH0001",
    team_domain: "bench",
    channel_id: channel,
    channel_name: "bench",
    user_id: user,
    user_name: user,
    command: "/mlops-assess",
    text,
    api_app_id: "ABENCH",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:1/never",
    trigger_id: `1.2.${++invocations}`,
  }).toString();
}
