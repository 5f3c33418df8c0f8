import type { CredentialCheck, Logger } from "../src/chat/ports.js";
import type { Store } from "../src/store/store.js";

/** Start-up waits this long for each platform's answer; a slower one is logged when it comes. */
export const START_WAIT_MS = 3000;
/** A platform whose credentials are not verified is asked again this often (it may come back, or be fixed). */
const RECHECK_MS = 60_000;

export type PlatformName = "Slack" | "Teams";
type PlatformState = CredentialCheck | { state: "checking" };

export interface ReadinessReport {
  ready: boolean;
  /** Why not ready (empty when ready): what an operator reads in the /readyz body. */
  reasons: string[];
  /** Each configured platform's credentials: verified, refused, unverified or checking. */
  platforms: Partial<Record<PlatformName, string>>;
}

export interface Readiness {
  /** Ask every platform once; resolves when all answered or START_WAIT_MS passed. Logs one line per platform. */
  start(): Promise<void>;
  report(): Promise<ReadinessReport>;
  stop(): void;
}

function describe(state: PlatformState): string {
  switch (state.state) {
    case "verified":
      return `verified: ${state.identity}`;
    case "checking":
      return "checking";
    default:
      return `${state.state}: ${state.reason}`;
  }
}

/**
 * /readyz tells the truth: not ready while Redis is unreachable, while a platform's credentials are known bad
 * (the platform refused them), or before the start-up check has answered. A platform that could not be asked
 * (unreachable) does not make the replica unready: every replica would be taken out for someone else's outage.
 */
export function createReadiness(options: {
  store: Store;
  platforms: Partial<Record<PlatformName, () => Promise<CredentialCheck>>>;
  logger: Logger;
}): Readiness {
  const { store, logger } = options;
  const checks = Object.entries(options.platforms) as [PlatformName, () => Promise<CredentialCheck>][];
  const states = new Map<PlatformName, PlatformState>(checks.map(([name]) => [name, { state: "checking" }]));
  let timer: NodeJS.Timeout | undefined;

  function record(name: PlatformName, state: CredentialCheck): void {
    const before = states.get(name);
    states.set(name, state);
    if (before && describe(before) === describe(state)) return;
    const fields = { platform: name.toLowerCase(), credentials: state.state };
    if (state.state === "verified") logger.info(fields, `${name}: credentials ${describe(state)}`);
    else if (state.state === "refused") {
      logger.error(fields, `${name}: credentials refused (${state.reason}); /readyz answers 503 until they work`);
    } else {
      logger.warn(fields, `${name}: credentials not verified (${state.reason}); asking again every 60 s`);
    }
  }

  const ask = (name: PlatformName, check: () => Promise<CredentialCheck>) =>
    check().then(
      (state) => record(name, state),
      (error: unknown) => record(name, { state: "unverified", reason: String(error) }),
    );

  return {
    async start() {
      const answered = Promise.all(checks.map(([name, check]) => ask(name, check)));
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([answered, new Promise((resolve) => (waited = setTimeout(resolve, START_WAIT_MS)))]);
      clearTimeout(waited);
      for (const [name, state] of states) {
        if (state.state === "checking") logger.warn({ platform: name.toLowerCase() }, `${name}: no answer yet`);
      }
      timer = setInterval(() => {
        for (const [name, check] of checks) if (states.get(name)?.state !== "verified") void ask(name, check);
      }, RECHECK_MS);
      timer.unref();
    },
    async report() {
      const reasons: string[] = [];
      const storeUp = await store.ping().catch(() => false);
      if (!storeUp) reasons.push("store unreachable");
      const platforms: ReadinessReport["platforms"] = {};
      for (const [name, state] of states) {
        platforms[name] = describe(state);
        if (state.state === "refused") reasons.push(`${name} credentials refused: ${state.reason}`);
        if (state.state === "checking") reasons.push(`${name} credentials not checked yet`);
      }
      return { ready: reasons.length === 0, reasons, platforms };
    },
    stop() {
      clearInterval(timer);
    },
  };
}
