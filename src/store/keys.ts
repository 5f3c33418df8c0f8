/**
 * Every Redis key and TTL, in one place. Keys are scoped by platform and workspace/tenant, so data of one
 * workspace can never be addressed from another, and carry a hash tag ({...}) so that all keys of one team
 * (or one workspace) live in one Redis Cluster slot and multi-key operations (MGET, Lua) work there.
 */
import type { TeamScope } from "../chat/address.js";
import { InvariantError } from "../errors.js";
import { DAY_MS } from "../time-units.js";

export type { TeamScope };
export type WorkspaceScope = Pick<TeamScope, "platform" | "workspace">;

/** Slack retries an event up to ~5 minutes after the first delivery; one hour leaves room for slow retries. */
export const EVENT_DEDUPE_TTL_MS = 60 * 60 * 1000;
/**
 * An assessment (finished or not) is kept 180 days: long enough to resume after holidays and to recompute the
 * team result of a round that stays open for a quarter, short enough not to keep people's answers forever.
 */
export const RESPONSE_TTL_MS = 180 * DAY_MS;
/** The "current assessment" pointer must not outlive, nor die before, the assessment it points to. */
export const ACTIVE_POINTER_TTL_MS = RESPONSE_TTL_MS;
/**
 * A person's sent-reminder marker outlives the longest catch-up window so it is never re-sent. A team's markers
 * expire with their cadence instead (the gap to the next reminder; see nudge-runner.ts).
 */
export const NUDGE_SENT_TTL_MS = 120 * DAY_MS;
/** Cached DM channel ids and user profiles: refreshed daily so renamed people and new time zones show up. */
export const PROFILE_CACHE_TTL_MS = DAY_MS;
/** Who is an admin is believed this long: a demoted admin loses admin powers within five minutes. */
export const ADMIN_FACT_TTL_MS = 5 * 60 * 1000;
/** Slack's signature window: a signed request older than this is refused, so replays are remembered as long. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;
/** Platform membership of a channel (a join from outside it): confirmed this long, then asked again. */
export const MEMBERSHIP_CACHE_TTL_MS = 5 * 60 * 1000;
/** Teams conversation references are needed for as long as the bot is installed: a year, refreshed on use. */
export const CONVERSATION_REF_TTL_MS = 365 * DAY_MS;
/** An export link works this long: long enough to click it, short enough not to leave answers lying around. */
export const DOWNLOAD_TTL_MS = 60 * 60 * 1000;
/** History keeps this many closed rounds per team (years of quarterly rounds). */
export const HISTORY_MAX_ROUNDS = 40;

/**
 * Ids come from platforms and, through buttons, from clients. encodeURIComponent escapes ":", "{" and "}"
 * (and "%" itself, so the encoding is injective): an id can never make two scopes' keys equal or split a hash tag.
 * It throws on a lone surrogate (half a UTF-16 pair), which no platform sends but a forged request can: that one
 * becomes `%u` + its four hex digits, which encodeURIComponent never writes (its `%` takes two hex digits).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ANY_SURROGATE = /[\ud800-\udfff]/;

function part(id: string): string {
  // Every key of every request goes through here; ids without surrogates (nearly all) skip the scan below.
  if (!ANY_SURROGATE.test(id)) return encodeURIComponent(id);
  let encoded = "";
  let from = 0;
  for (const lone of id.matchAll(LONE_SURROGATE)) {
    encoded += `${encodeURIComponent(id.slice(from, lone.index))}%u${lone[0].charCodeAt(0).toString(16)}`;
    from = lone.index + 1;
  }
  return encoded + encodeURIComponent(id.slice(from));
}

export function createKeys(prefix = "ma") {
  // A brace in the prefix would become the hash tag Redis Cluster hashes on, putting every key in one slot.
  if (prefix === "" || /[{}]/.test(prefix))
    throw new InvariantError(`Key prefix must be non-empty and brace-free: "${prefix}"`);
  const ws = (s: WorkspaceScope) => `${prefix}:{${part(s.platform)}:${part(s.workspace)}}`;
  const team = (s: TeamScope) => `${prefix}:{${part(s.platform)}:${part(s.workspace)}:${part(s.channel)}}`;
  return {
    prefix,
    /** The team's latest round (open, or closed until the next one opens). */
    openRound: (s: TeamScope) => `${team(s)}:round`,
    respondents: (s: TeamScope, roundId: string) => `${team(s)}:respondents:${part(roundId)}`,
    /** One person's assessment state in one round. */
    response: (s: TeamScope, roundId: string, userId: string) => `${team(s)}:response:${part(roundId)}:${part(userId)}`,
    history: (s: TeamScope) => `${team(s)}:history`,
    settings: (s: TeamScope) => `${team(s)}:settings`,
    /** The team's adopted next steps (open, done, dropped), kept with its history. */
    actions: (s: TeamScope) => `${team(s)}:actions`,
    /** The team's re-check webhook: the hash of its token (never the token). */
    webhook: (s: TeamScope) => `${team(s)}:webhook`,
    /** Times of the webhook's recent accepted requests (the hourly limit). */
    webhookHits: (s: TeamScope) => `${team(s)}:webhook-hits`,
    /** Tracked bot messages (the round invitation) -> platform message id, for updates in place. */
    message: (s: TeamScope, track: string) => `${team(s)}:message:${part(track)}`,
    /** Held for a few seconds after a round's invitation was refreshed: later completions wait for the next window. */
    invitationRefreshed: (s: TeamScope, roundId: string) => `${team(s)}:invitation-refreshed:${part(roundId)}`,
    /** The team's reassessment cadence and nudge state. */
    schedule: (s: TeamScope) => `${team(s)}:schedule`,
    nudgeSent: (s: TeamScope, slot: string) => `${team(s)}:nudge-sent:${part(slot)}`,

    /** Pointer to the person's current assessment, so `resume` works from anywhere. */
    activeAssessment: (s: WorkspaceScope, userId: string) => `${ws(s)}:active:${part(userId)}`,
    teams: (s: WorkspaceScope) => `${ws(s)}:teams`,
    eventSeen: (s: WorkspaceScope, eventId: string) => `${ws(s)}:event:${part(eventId)}`,
    /** Whether a person belongs to a channel, as the platform said a moment ago. */
    membership: (s: TeamScope, userId: string) => `${team(s)}:member:${part(userId)}`,
    conversationRef: (s: WorkspaceScope, conversationId: string) => `${ws(s)}:conversation:${part(conversationId)}`,
    userProfile: (s: WorkspaceScope, userId: string) => `${ws(s)}:user:${part(userId)}`,
    /** A person's own settings (reminder snooze). */
    preferences: (s: WorkspaceScope, userId: string) => `${ws(s)}:prefs:${part(userId)}`,

    /** The Enterprise Grid organisation whose org-wide install serves this workspace (Slack). */
    workspaceOrg: (s: WorkspaceScope) => `${ws(s)}:org`,
    /**
     * The two prefixes under which every key of the workspace lives: its own keys, and every team's. What a purge
     * deletes. Installations and the departure record sit elsewhere, so a purge can never take a reinstall's token.
     */
    workspaceData: (s: WorkspaceScope): [string, string] => [
      `${ws(s)}:`,
      `${prefix}:{${part(s.platform)}:${part(s.workspace)}:`,
    ],
    /** A workspace that uninstalled the app: when, and when its data goes (cleared by a reinstall). */
    departure: (s: WorkspaceScope) => `${prefix}:departed:{${part(s.platform)}:${part(s.workspace)}}`,
    /** Global: departed workspaces by the time their data is deleted (score = purge time in epoch ms). */
    purgesDue: () => `${prefix}:purges-due`,
    /** A Slack workspace's installation (sealed: it holds the bot token). */
    slackInstallation: (teamId: string) => `${prefix}:slack-install:{team:${part(teamId)}}`,
    /** An Enterprise Grid org-wide installation (sealed). */
    slackOrgInstallation: (enterpriseId: string) => `${prefix}:slack-install:{org:${part(enterpriseId)}}`,
    /** The workspaces an org-wide installation has served, so its uninstall reaches each one's data. */
    slackOrgWorkspaces: (enterpriseId: string) => `${prefix}:slack-install:{org:${part(enterpriseId)}}:workspaces`,
    /** An OAuth state that has been used once (a replay finds it). */
    oauthStateUsed: (stateDigest: string) => `${prefix}:oauth-state-used:${part(stateDigest)}`,

    /** Global: all due reminders in one sorted set (single-key operations only). */
    nudgesDue: () => `${prefix}:nudges-due`,
    lock: (name: string) => `${prefix}:lock:${part(name)}`,
    /** Global: a webhook token's hash -> its team (single-key lookups only; the token itself is never stored). */
    webhookToken: (hash: string) => `${prefix}:webhook-token:${part(hash)}`,
    /** A file waiting to be downloaded through its link (Teams exports); the id is an unguessable capability. */
    download: (id: string) => `${prefix}:download:${part(id)}`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
