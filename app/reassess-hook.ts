import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { REASSESS_HOOK_PATH } from "../flows/commands/webhook.js";
import { channelAddress } from "../flows/context.js";
import { findDimension, type RecheckBody, recheckBodySchema, recheckPost } from "../flows/hooks/recheck-request.js";
import { createWebhookRepo, githubSecretOf } from "../flows/hooks/webhook-repo.js";
import type { Clock, Logger, Notifier } from "../src/chat/ports.js";
import type { AssessmentModel } from "../src/engine/model-schema.js";
import type { Keys } from "../src/store/keys.js";
import type { Store } from "../src/store/store.js";
import type { RequestHandler } from "./http-server.js";

/** A re-check request is a few fields; anything bigger is not one (and is not read into memory). */
export const HOOK_BODY_LIMIT = 8 * 1024;
/** GitHub's events that mean "what runs in production changed": both ask for a Deployment & release re-check. */
const DEPLOYMENT_DIMENSION = "deployment-release";

export { REASSESS_HOOK_PATH };

function reply(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

class TooLarge extends Error {}

async function readLimited(req: IncomingMessage): Promise<Buffer> {
  if (Number(req.headers["content-length"] ?? 0) > HOOK_BODY_LIMIT) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > HOOK_BODY_LIMIT) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const releaseEvent = z.object({
  action: z.string(),
  release: z.object({ tag_name: z.string(), name: z.string().nullish(), html_url: z.string().optional() }),
});
const deploymentStatusEvent = z.object({
  deployment_status: z.object({
    state: z.string(),
    target_url: z.string().nullish(),
    environment: z.string().optional(),
  }),
  deployment: z.object({ environment: z.string().optional() }).optional(),
});
const link = (url: string | null | undefined) => (url && /^https?:\/\//.test(url) ? { url: url.slice(0, 500) } : {});

/** GitHub's `release` and `deployment_status` as a re-check request; undefined for events that ask for none. */
function fromGithub(event: string, payload: unknown): RecheckBody | undefined {
  if (event === "release") {
    const r = releaseEvent.safeParse(payload);
    if (!r.success) return undefined;
    const name = r.data.release.name || r.data.release.tag_name;
    return {
      dimension: DEPLOYMENT_DIMENSION,
      reason: `GitHub release ${name} ${r.data.action}`.slice(0, 200),
      ...link(r.data.release.html_url),
    };
  }
  if (event === "deployment_status") {
    const d = deploymentStatusEvent.safeParse(payload);
    if (!d.success) return undefined;
    const where = d.data.deployment_status.environment ?? d.data.deployment?.environment ?? "an environment";
    return {
      dimension: DEPLOYMENT_DIMENSION,
      reason: `GitHub deployment to ${where}: ${d.data.deployment_status.state}`.slice(0, 200),
      ...link(d.data.deployment_status.target_url),
    };
  }
  return undefined;
}

function signedByGithub(req: IncomingMessage, token: string, body: Buffer): boolean {
  const given = String(req.headers["x-hub-signature-256"] ?? "");
  const expected = `sha256=${createHmac("sha256", githubSecretOf(token)).update(body).digest("hex")}`;
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/**
 * POST /hooks/reassess/<token>: an event (a release, an incident) asks the token's team to re-check a dimension.
 * 413 over 8 KB, 404 for a token nobody holds, 400 naming what is wrong, 429 with Retry-After past ten an hour,
 * 202 once the channel has the post. GitHub deliveries (X-GitHub-Event) must carry a valid X-Hub-Signature-256.
 */
export function createReassessHook(deps: {
  store: Store;
  keys: Keys;
  model: AssessmentModel;
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
}): RequestHandler {
  const hooks = createWebhookRepo(deps.store, deps.keys);
  const { model, logger } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readLimited(req);
    } catch (error) {
      if (error instanceof TooLarge) return reply(res, 413, { error: `requests are at most ${HOOK_BODY_LIMIT} bytes` });
      throw error;
    }
    const token = (req.url ?? "").split("?")[0]?.slice(REASSESS_HOOK_PATH.length) ?? "";
    const team = await hooks.find(token);
    if (!team) return reply(res, 404, { error: "not found" });

    let payload: unknown;
    try {
      payload = JSON.parse(raw.toString("utf8"));
    } catch {
      return reply(res, 400, { error: "the body is not JSON", problems: [{ field: "(body)", message: "not JSON" }] });
    }
    const githubEvent = req.headers["x-github-event"];
    let request: RecheckBody;
    if (typeof githubEvent === "string") {
      if (!signedByGithub(req, token, raw)) return reply(res, 401, { error: "X-Hub-Signature-256 does not match" });
      const mapped = fromGithub(githubEvent, payload);
      if (!mapped) return reply(res, 202, { status: "ignored", event: githubEvent });
      request = mapped;
    } else {
      const parsed = recheckBodySchema.safeParse(payload);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => ({ field: i.path.join(".") || "(body)", message: i.message }));
        return reply(res, 400, { error: "invalid request", problems });
      }
      request = parsed.data;
    }
    const dimension = request.dimension === undefined ? undefined : findDimension(model, request.dimension);
    if (request.dimension !== undefined && !dimension) {
      const known = model.dimensions.map((d) => d.id).join(", ");
      return reply(res, 400, {
        error: "invalid request",
        problems: [{ field: "dimension", message: `unknown dimension "${request.dimension}"; one of ${known}` }],
      });
    }
    const admitted = await hooks.admit(team, deps.clock());
    if (!admitted.ok) {
      return reply(
        res,
        429,
        { error: "more than ten re-checks this hour" },
        { "retry-after": String(admitted.retryAfterSec) },
      );
    }
    const channel = channelAddress(team, team.channel);
    await deps.notifier.deliver(channel, recheckPost(model, team.channel, request, dimension));
    logger.info({ team, dimension: dimension?.id }, "re-check requested by webhook");
    reply(res, 202, { status: "accepted", ...(dimension ? { dimension: dimension.id } : {}) });
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "re-check webhook failed");
      if (!res.headersSent) reply(res, 503, { error: "could not take the request now; try again" });
    });
  };
}
