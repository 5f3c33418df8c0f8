import type { Installation } from "@slack/bolt";
import { describe, expect, it, onTestFinished } from "vitest";
import { z } from "zod";
import { createSlackInstallations, NotInstalledError } from "../../adapters/slack/installations.js";
import { createKeys } from "../../src/store/keys.js";
import { createSealer, SealBrokenError } from "../../src/store/sealed.js";
import type { StoreFixture } from "./store.contract.js";

const KEY = Buffer.alloc(32, 7);

const workspaceInstall = (team: string, token: string): Installation<"v2", false> => ({
  team: { id: team, name: `Team ${team}` },
  enterprise: undefined,
  user: { id: "UINSTALLER", token: undefined, scopes: undefined },
  bot: { token, id: `B${team}`, userId: `U${team}BOT`, scopes: ["commands", "chat:write"] },
  isEnterpriseInstall: false,
  appId: "A1",
  authVersion: "v2",
});

const orgInstall = (enterprise: string, token: string): Installation<"v2", true> => ({
  team: undefined,
  enterprise: { id: enterprise, name: "Grid" },
  user: { id: "UADMIN", token: undefined, scopes: undefined },
  bot: { token, id: "BORG", userId: "UORGBOT", scopes: ["commands"] },
  isEnterpriseInstall: true,
  authVersion: "v2",
});

/** The installation store over any Store: memory and Redis pass the same expectations. */
export function describeSlackInstallationsContract(name: string, makeStore: () => Promise<StoreFixture>) {
  const setup = async () => {
    const { store, prefix, cleanup } = await makeStore();
    onTestFinished(cleanup);
    const keys = createKeys(prefix);
    return { store, keys, installations: createSlackInstallations({ store, keys, sealer: createSealer(KEY) }) };
  };

  describe(`Slack installations contract: ${name}`, () => {
    it("stores a workspace install and gives back its bot, scopes and installer; the token never in the clear", async () => {
      const { store, keys, installations } = await setup();
      await installations.storeInstallation(workspaceInstall("T1", "xoxb-secret-one"));
      const back = await installations.fetchInstallation({
        teamId: "T1",
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(back.bot).toEqual({
        token: "xoxb-secret-one",
        id: "BT1",
        userId: "UT1BOT",
        scopes: ["commands", "chat:write"],
      });
      expect(back.user.id).toBe("UINSTALLER");
      expect(back.team?.id).toBe("T1");
      expect(await installations.botFor("T1")).toEqual({ token: "xoxb-secret-one", botId: "BT1", botUserId: "UT1BOT" });
      const raw = JSON.stringify(await store.get(keys.slackInstallation("T1"), z.unknown()));
      expect(raw).not.toContain("xoxb-secret-one");
      expect(raw).not.toContain("UINSTALLER");
    });

    it("keeps workspaces apart and refuses an unknown one", async () => {
      const { installations } = await setup();
      await installations.storeInstallation(workspaceInstall("T1", "xoxb-one"));
      await installations.storeInstallation(workspaceInstall("T2", "xoxb-two"));
      expect((await installations.botFor("T2"))?.token).toBe("xoxb-two");
      expect(await installations.botFor("T3")).toBeUndefined();
      await expect(
        installations.fetchInstallation({ teamId: "T3", enterpriseId: undefined, isEnterpriseInstall: false }),
      ).rejects.toBeInstanceOf(NotInstalledError);
    });

    it("serves an org-wide install to its workspaces, by query and once a workspace is linked", async () => {
      const { installations } = await setup();
      await installations.storeInstallation(orgInstall("E1", "xoxb-org"));
      const viaOrg = await installations.fetchInstallation({
        teamId: "T9",
        enterpriseId: "E1",
        isEnterpriseInstall: true,
      });
      expect(viaOrg.bot?.token).toBe("xoxb-org");
      expect(await installations.botFor("T9")).toBeUndefined();
      await installations.linkToOrg("T9", "E1");
      expect((await installations.botFor("T9"))?.token).toBe("xoxb-org");
      expect(await installations.workspacesOf({ enterpriseId: "E1", isEnterpriseInstall: true })).toEqual(["T9"]);
    });

    it("deletes an installation at once", async () => {
      const { installations } = await setup();
      await installations.storeInstallation(workspaceInstall("T1", "xoxb-one"));
      await installations.deleteInstallation?.({ teamId: "T1", enterpriseId: undefined, isEnterpriseInstall: false });
      expect(await installations.botFor("T1")).toBeUndefined();
    });

    it("refuses a sealed installation read with another key, or copied under another workspace's name", async () => {
      const { store, keys, installations } = await setup();
      await installations.storeInstallation(workspaceInstall("T1", "xoxb-one"));
      const otherKey = createSlackInstallations({ store, keys, sealer: createSealer(Buffer.alloc(32, 8)) });
      await expect(otherKey.botFor("T1")).rejects.toBeInstanceOf(SealBrokenError);
      await store.set(keys.slackInstallation("T2"), await store.get(keys.slackInstallation("T1"), z.unknown()));
      await expect(installations.botFor("T2")).rejects.toBeInstanceOf(SealBrokenError);
    });
  });
}
