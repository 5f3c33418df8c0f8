import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { teamExportSchema } from "../../../flows/export/team-export.js";
import type { ConnectorCall } from "../../fakes/fake-bot-connector.js";
import { personalChat, startTeamsApp, type TeamsAppRun } from "./app-harness.js";
import { CHANNEL, cardOf, recorded } from "./harness.js";

/** history, export and org end to end on Teams: mentions POSTed to /api/messages, cards read off the fake connector. */
let run: TeamsAppRun;

beforeEach(async () => {
  run = await startTeamsApp({
    TEAMS_ENABLED: "true",
    PUBLIC_URL: "https://mlops-assess.example.com",
    CHART_SECRET: "chart-secret-for-tests-only",
    MIN_RESPONDENTS_FOR_SPREAD: "1",
    ADMIN_USER_IDS: "29:root",
  });
});
afterEach(() => run.close());

async function closedRound() {
  expect((await run.say("alice", "assess")).status).toBe(200);
  await run.answerAll("alice", 2);
  expect((await run.say("alice", "close")).status).toBe(200);
}

/** The first card posted to a conversation after `action` (creating a 1:1 chat carries none). */
async function nextCard(conversation: string, action: () => Promise<Response>) {
  const posted = () => run.connector.calls(conversation).filter((c) => c.method === "POST");
  const before = posted().length;
  expect((await action()).status).toBe(200);
  await expect.poll(() => posted().length).toBeGreaterThan(before);
  return cardOf(posted()[before] as ConnectorCall);
}

/** Fetch one of our links from the app itself, as the Teams client would from the public address. */
const fetchOwn = (link: string) => {
  const url = new URL(link);
  expect(url.origin).toBe("https://mlops-assess.example.com");
  return fetch(`${run.origin}${url.pathname}${url.search}`);
};

describe("reports on Teams", () => {
  it("posts the history card in the channel with its chart image", async () => {
    await closedRound();
    const card = await nextCard(CHANNEL, () => run.say("alice", "history"));
    expect(JSON.stringify(card)).toMatch(/"MLOps maturity over time · \d{1,2} [A-Z][a-z]{2} \d{4}"/);
    const image = card?.body.find((e) => e.type === "Image") as { url: string; altText: string } | undefined;
    expect(image?.altText).toMatch(/Level 2/);
    const png = await fetchOwn(String(image?.url));
    expect(png.headers.get("content-type")).toBe("image/png");
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString("ascii"),
    ).toBe("PNG");
  });

  it("sends the export to the person's 1:1 chat as a download link that serves the file once fetched", async () => {
    await closedRound();
    const card = await nextCard(personalChat("bob"), () => run.say("bob", "export json"));
    const text = JSON.stringify(card);
    const link = /\[Download (mlops-assess-[\w.-]+\.json)\]\((https:[^)]+)\)/.exec(text);
    expect(link?.[1]).toMatch(/\.json$/);
    const download = await fetchOwn(String(link?.[2]));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="${link?.[1]}"`);
    const data = teamExportSchema.parse(await download.json());
    expect(data.team.channel).toBe(CHANNEL);
    expect(data.rounds[0]).toMatchObject({ privacy: "confidential", respondents: 1, snapshot: { overall: 2 } });
    expect(JSON.stringify(data)).not.toContain("29:alice");
    // A made-up id is not a file.
    expect((await fetch(`${run.origin}/downloads?id=${"x".repeat(43)}`)).status).toBe(410);
    expect((await fetch(`${run.origin}/downloads?id=../../etc`)).status).toBe(404);
  });

  it("shows the org roll-up only to an id in ADMIN_USER_IDS, naming teams by the names stored at install", async () => {
    // The install announces the team's and the channel's names ("Acme Corp", "Chat SDK").
    const install = recorded("vercel-chat_conversationUpdate_botAdded_team.json");
    expect((await run.post({ ...install, serviceUrl: run.connector.serviceUrl })).status).toBe(200);
    await closedRound();
    const refused = await nextCard(personalChat("bob"), () => run.say("bob", "org"));
    expect(JSON.stringify(refused)).toContain("Ask one of your workspace admins");
    expect(JSON.stringify(refused)).not.toMatch(/ADMIN|29:bob/);
    const org = await nextCard(personalChat("root"), () => run.say("root", "org"));
    expect(JSON.stringify(org)).toContain("MLOps maturity across 1 team(s)");
    // Never the id ("19:…@thread.tacv2" means nothing to people, and clips the card).
    expect(JSON.stringify(org)).toContain("Acme Corp › Chat SDK: L2");
    expect(JSON.stringify(org)).not.toContain(CHANNEL);
  });
});
