import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../app/config.js";

describe("configuration", () => {
  it("starts from nothing with sensible defaults (memory store, no platforms)", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ PORT: 3000, LOG_LEVEL: "info", KEY_PREFIX: "ma", ROUND_DAYS: 14 });
    expect(config.REDIS_URL).toBeUndefined();
  });

  it("lists every problem at once", () => {
    const error = (() => {
      try {
        readConfig({ PORT: "x", SLACK_BOT_TOKEN: "abc", REDIS_URL: "http://nope", MICROSOFT_APP_ID: "id" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    for (const name of ["PORT", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "REDIS_URL", "MICROSOFT_APP_PASSWORD"]) {
      expect(problems).toContain(`${name}:`);
    }
  });

  it("accepts TLS Redis, Sentinel and Cluster settings", () => {
    expect(readConfig({ REDIS_URL: "rediss://user:pw@redis.example:6380" }).REDIS_URL).toContain("rediss://");
    expect(
      readConfig({ REDIS_SENTINELS: "10.0.0.1:26379, 10.0.0.2:26379", REDIS_SENTINEL_NAME: "mymaster" })
        .REDIS_SENTINELS,
    ).toEqual([
      { host: "10.0.0.1", port: 26379 },
      { host: "10.0.0.2", port: 26379 },
    ]);
    expect(readConfig({ REDIS_CLUSTER_NODES: "a:7000,b:7001" }).REDIS_CLUSTER_NODES).toHaveLength(2);
  });

  it("refuses every half-set pair, each named, in one message", () => {
    const halves: [set: Record<string, string>, missing: string][] = [
      [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET"],
      [{ SLACK_SIGNING_SECRET: "0123456789" }, "SLACK_BOT_TOKEN"],
      [{ SLACK_BOT_ID: "B1" }, "SLACK_BOT_USER_ID"],
      [{ SLACK_BOT_USER_ID: "U1" }, "SLACK_BOT_ID"],
      [{ MICROSOFT_APP_ID: "id" }, "MICROSOFT_APP_PASSWORD"],
      [{ MICROSOFT_APP_PASSWORD: "pw" }, "MICROSOFT_APP_ID"],
      [{ MICROSOFT_APP_TENANT_ID: "tenant" }, "MICROSOFT_APP_ID"],
      [{ REDIS_SENTINELS: "s:26379" }, "REDIS_SENTINEL_NAME"],
      [{ REDIS_SENTINEL_NAME: "mymaster" }, "REDIS_SENTINELS"],
      [{ PUBLIC_URL: "https://bot.example" }, "CHART_SECRET"],
      [{ CHART_SECRET: "0123456789abcdef" }, "PUBLIC_URL"],
      [{ CHART_PORT: "3100" }, "CHART_SECRET"],
      [{ CHART_PUBLIC_URL: "https://charts.bot.example" }, "CHART_SECRET"],
    ];
    for (const [env, missing] of halves) {
      const error = (() => {
        try {
          readConfig(env);
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      const [given] = Object.keys(env);
      expect((error as ConfigError).problems).toContain(`${missing}: required when ${given} is set`);
    }
    // All of them at once: one message lists every missing partner.
    const error = (() => {
      try {
        readConfig(Object.assign({}, ...halves.filter((_, i) => i % 2 === 0).map(([env]) => env)));
      } catch (e) {
        return e;
      }
    })();
    expect((error as ConfigError).message).toMatch(/SLACK_SIGNING_SECRET[\s\S]*SLACK_BOT_USER_ID[\s\S]*CHART_SECRET/);
  });

  it("switches Slack to multi-workspace mode only with the whole OAuth set, named in full when half-set", () => {
    const full = {
      SLACK_SIGNING_SECRET: "0123456789",
      SLACK_CLIENT_ID: "1111111111.2222222222",
      SLACK_CLIENT_SECRET: "0123456789abcdef0123",
      SLACK_STATE_SECRET: "0123456789abcdef",
      SLACK_INSTALLATION_KEY: "ab".repeat(32),
    };
    const config = readConfig(full);
    expect(config.SLACK_INSTALLATION_KEY).toEqual(Buffer.alloc(32, 0xab));
    expect(config.UNINSTALL_RETENTION_DAYS).toBe(30);
    expect(readConfig({ ...full, SLACK_INSTALLATION_KEY: Buffer.alloc(32, 1).toString("base64") })).toBeDefined();
    const problems = (env: Record<string, string>) => {
      try {
        readConfig(env);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    };
    expect(problems({ SLACK_CLIENT_ID: full.SLACK_CLIENT_ID })).toEqual([
      "SLACK_CLIENT_SECRET: required when SLACK_CLIENT_ID is set",
      "SLACK_STATE_SECRET: required when SLACK_CLIENT_ID is set",
      "SLACK_INSTALLATION_KEY: required when SLACK_CLIENT_ID is set",
      "SLACK_SIGNING_SECRET: required when SLACK_CLIENT_ID is set",
    ]);
    expect(problems({ ...full, SLACK_BOT_TOKEN: "xoxb-1", SLACK_BOT_ID: "B1", SLACK_BOT_USER_ID: "U1" })).toEqual([
      "SLACK_BOT_TOKEN: leave empty when SLACK_CLIENT_ID is set (each workspace's bot comes from its install)",
      "SLACK_BOT_ID: leave empty when SLACK_CLIENT_ID is set (each workspace's bot comes from its install)",
      "SLACK_BOT_USER_ID: leave empty when SLACK_CLIENT_ID is set (each workspace's bot comes from its install)",
    ]);
    expect(problems({ ...full, SLACK_INSTALLATION_KEY: "too-short" })[0]).toMatch(
      /^SLACK_INSTALLATION_KEY: use 32 random bytes/,
    );
    expect(problems({ ...full, UNINSTALL_RETENTION_DAYS: "-1" })[0]).toMatch(/^UNINSTALL_RETENTION_DAYS/);
    expect(readConfig({ ...full, UNINSTALL_RETENTION_DAYS: "0" }).UNINSTALL_RETENTION_DAYS).toBe(0);
  });

  it("treats blank values as unset", () => {
    expect(readConfig({ SLACK_BOT_TOKEN: " ", SLACK_SIGNING_SECRET: "", PORT: "" }).PORT).toBe(3000);
  });
});
