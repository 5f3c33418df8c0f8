import type { z } from "zod";
import { CodedError, InvariantError } from "../errors.js";

/**
 * The one storage contract for conversations, rounds, schedules and history. Two implementations
 * (memory for the demo, Redis for production) pass the same contract suite in test/contracts/.
 *
 * Values are JSON: whatever goes in comes back through JSON.parse and is validated by the caller's zod schema,
 * so data written by an older release or by hand is caught at the boundary instead of deep in a flow.
 * Keys are built by keys.ts only; multi-key operations take keys that share one hash tag (Redis Cluster slot).
 */
export interface Store {
  /** Read and validate a value; undefined when absent. Invalid stored data throws StoreDataError. */
  get<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined>;
  /** Read several values of one kind at once (one round trip); keys must share a hash tag. */
  getMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<(T | undefined)[]>;
  /** Write a value, optionally expiring after ttlMs. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Write only when absent (dedupe, exactly-once claims). True when this call wrote it. */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(...keys: string[]): Promise<void>;
  /**
   * Delete every key that starts with `prefix`, of any kind (a departed workspace's data). Walks the whole keyspace
   * (SCAN on every primary), so it is for rare clean-ups, never the request path. Returns how many keys went.
   */
  deleteByPrefix(prefix: string): Promise<number>;

  /**
   * Atomic read-modify-write with optimistic concurrency (versioned compare-and-set, retried on conflict).
   * `change` gets the current value (undefined when absent) and returns the new value, or undefined to leave it.
   * Returns the value now stored and whether this call changed it.
   */
  update<T>(
    key: string,
    schema: z.ZodType<T>,
    change: (current: T | undefined) => T | undefined,
    ttlMs?: number,
  ): Promise<Updated<T>>;

  /**
   * `update`, allowed only while another key's value says so (an answer, only while its round is open). The guard
   * is read with the value and the write happens only if the guard is still what `allows` saw: one check, no window
   * between it and the write. The guard key must share the updated key's hash tag.
   */
  updateGuarded<T, G>(
    key: string,
    schema: z.ZodType<T>,
    change: Change<T>,
    ttlMs: number | undefined,
    guard: UpdateGuard<G>,
  ): Promise<GuardedUpdate<T>>;

  /** Token lock (SET NX PX + compare-and-delete). Returns the token, or null when someone else holds it. */
  acquireLock(key: string, ttlMs: number): Promise<string | null>;
  /** Release only when the token still matches; false when the lock expired or was taken over. */
  releaseLock(key: string, token: string): Promise<boolean>;

  /** Unordered set of strings (respondents, teams of a workspace). */
  addToSet(key: string, members: readonly string[], ttlMs?: number): Promise<void>;
  removeFromSet(key: string, members: readonly string[]): Promise<void>;
  setMembers(key: string): Promise<string[]>;

  /** Sorted set of due items (score = due time in epoch ms). Adding an existing member moves it. */
  schedule(key: string, member: string, dueAtMs: number): Promise<void>;
  unschedule(key: string, member: string): Promise<void>;
  /** Due time of a member, or undefined. */
  dueAt(key: string, member: string): Promise<number | undefined>;
  /**
   * Atomically claim up to `limit` members due at or before nowMs: each claimed member is pushed to
   * nowMs + leaseMs, so a claimer that dies leaves it to be claimed again once the lease runs out.
   * The claimer then reschedules (next due) or unschedules it.
   */
  claimDue(key: string, nowMs: number, limit: number, leaseMs: number): Promise<string[]>;

  /** Is the backing service reachable (readiness)? */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** An update's change: the new value from the current one (undefined when absent), or undefined to leave it. */
export type Change<T> = (current: T | undefined) => T | undefined;

/** What an update left: the value now stored, and whether this call changed it. */
export interface Updated<T> {
  value: T | undefined;
  changed: boolean;
}

/** What a guarded update did: refused (its guard said no, and nothing was written), or what an update does. */
export type GuardedUpdate<T> = { refused: true } | ({ refused: false } & Updated<T>);

/** `updateGuarded`, with the guard optional: how a store implements both methods at once. */
export type UpdateAt = <T, G>(
  key: string,
  schema: z.ZodType<T>,
  change: Change<T>,
  ttlMs: number | undefined,
  guard?: UpdateGuard<G>,
) => Promise<GuardedUpdate<T>>;

/** An update run without a guard, by the code stores share with `updateGuarded`: it cannot have been refused. */
export function unguarded<T>(result: GuardedUpdate<T>): Updated<T> {
  if (result.refused) throw new InvariantError("an update without a guard was refused");
  return { value: result.value, changed: result.changed };
}

/** The key whose value decides whether `updateGuarded` may write, and the rule. */
export interface UpdateGuard<G> {
  key: string;
  schema: z.ZodType<G>;
  /** Whether the change may go ahead while the guard key holds `current` (undefined when absent). */
  allows(current: G | undefined): boolean;
}

/** Stored data that does not match its schema: the caller decides how to recover; nothing is silently dropped. */
export class StoreDataError extends CodedError {
  readonly code = "store_data_invalid";
  constructor(
    readonly key: string,
    readonly issues: string,
  ) {
    super(`Stored value at ${key} is invalid: ${issues}`);
  }
}

/** The backing service could not be reached in time (fail fast on the request path). */
export class StoreUnavailableError extends CodedError {
  readonly code = "store_unavailable";
  constructor(cause: unknown, message = "The store is unavailable") {
    super(message, { cause });
  }
}

/** A read-modify-write lost the race every time it was retried: too many writers to one key at once. */
export class StoreConflictError extends CodedError {
  readonly code = "store_conflict";
  constructor(
    readonly key: string,
    attempts: number,
  ) {
    super(`update of ${key} kept conflicting after ${attempts} attempts`);
  }
}
