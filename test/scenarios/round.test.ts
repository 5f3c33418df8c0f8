import { describe, expect, it } from "vitest";
import { defaultModel } from "../../src/engine/default-model/index.js";
import type { ChatDriver, StartDriver } from "./chat-driver.js";
import { startSlackDriver } from "./slack-driver.js";
import { startTeamsDriver } from "./teams-driver.js";

/**
 * One round, written once, played on Slack and on Teams through the whole app over HTTP: Ann opens it in the
 * channel, Ben joins from the invitation, both answer privately, Ann posts the summary. Both platforms must show
 * the people the same result.
 */
interface RoundOutcome {
  /** "Level N": the team's headline on the channel's summary. */
  headline: string | undefined;
  /** Each of the model's dimensions the summary names, with the level it shows for it ("Team & ownership L1"). */
  dimensions: string[];
  ann: string;
}

async function playRound(driver: ChatDriver): Promise<RoundOutcome> {
  await driver.say("ann", "start");
  await driver.join("ben");
  await driver.answerAll("ann", 2);
  await driver.answerAll("ben", 4);
  await driver.say("ann", "summary");
  const channel = driver.channelScreen();
  // Whose (as far as the platform said) and when: the round is still open.
  expect(channel, driver.platform).toMatch(/ · as of \d{1,2} [A-Z][a-z]{2} \d{4}/);
  expect(channel, driver.platform).not.toMatch(/\bann\b|\bben\b/i);
  return {
    headline: /Level \d/.exec(channel)?.[0],
    dimensions: defaultModel.dimensions.flatMap((d) => {
      // The row: the name, then its level in the next column ("Team & ownership" … "L2").
      const level = new RegExp(`${d.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\W*L(\\d)`).exec(channel)?.[1];
      return level === undefined ? [] : [`${d.name} L${level}`];
    }),
    ann: driver.privateScreen("ann"),
  };
}

const platforms: [string, StartDriver][] = [
  ["slack", startSlackDriver],
  ["teams", startTeamsDriver],
];

describe("a two-person round, the same on every platform", () => {
  it("ends with the same team result on Slack and Teams", async () => {
    const outcomes: Record<string, RoundOutcome> = {};
    for (const [platform, start] of platforms) {
      const driver = await start();
      try {
        outcomes[platform] = await playRound(driver);
      } finally {
        await driver.close();
      }
    }
    const [slack, teams] = [outcomes.slack, outcomes.teams];
    expect(slack?.headline).toMatch(/^Level \d$/);
    expect(slack?.dimensions.map((d) => d.replace(/ L\d$/, ""))).toEqual(defaultModel.dimensions.map((d) => d.name));
    expect(teams?.headline).toBe(slack?.headline);
    expect(teams?.dimensions).toEqual(slack?.dimensions);
    expect(slack?.ann).toContain("Your MLOps maturity");
    expect(teams?.ann).toContain("Your MLOps maturity");
  });
});
