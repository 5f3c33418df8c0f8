import { createHmac } from "node:crypto";
import { request } from "node:http";

export const BENCH_SECRET = "bench-signing-secret-0123456789";

/** POST a Slack-signed form body; resolves with the status and the time to the response head, in ms. */
export function postSigned(url: string, body: string): Promise<{ status: number; ms: number }> {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", BENCH_SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(ts),
          "x-slack-signature": signature,
        },
      },
      (res) => {
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: elapsed }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

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
    trigger_id: "1.2.3",
  }).toString();
}
