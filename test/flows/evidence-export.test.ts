import { describe, expect, it } from "vitest";
import { teamExportSchema } from "../../flows/export/team-export.js";
import { snapshotOf } from "../../flows/summary/team-result.js";
import { linkTo } from "../../src/chat/links.js";
import type { FileMessage, InvitationMessage, Reply, SummaryMessage } from "../../src/chat/outbound.js";
import { aggregate } from "../../src/engine/compare.js";
import { defaultModel } from "../../src/engine/default-model/index.js";
import { score } from "../../src/engine/score.js";
import { createMemoryStore } from "../../src/store/memory-store.js";
import { roundsFromCsv } from "./csv-export-reader.js";
import {
  answerAll,
  channel,
  createTranscript,
  historyIn,
  messages,
  option,
  questionIn,
  testClock,
  textOf,
} from "./harness.js";

const fileIn = (replies: Reply[]): FileMessage => {
  const file = replies.map((r) => r.message).find((m): m is FileMessage => m.kind === "file");
  if (!file) throw new Error(`expected a file in ${JSON.stringify(replies.map((r) => r.message.kind))}`);
  return file;
};

const BOB = "=HYPERLINK(bob)";

/** Two closed rounds: a confidential one, then an attributed one with evidence. */
async function twoRounds() {
  const time = testClock();
  const t = createTranscript(createMemoryStore(), { clock: time.clock, minRespondentsForSpread: 1 });
  const first = await t.say("alice", "");
  await answerAll(t, "alice", first, [2, 2, 2, 2, 2, 2, 2, 2]);
  await t.say("alice", "close");
  await t.say("alice", "privacy attributed");
  time.advanceDays(90);

  const second = await t.say("alice", "");
  const join = (messages(second, "invitation")[0] as InvitationMessage).button?.action;
  // alice backs her first answer with a link, mid-questionnaire.
  const next = await t.click("alice", option(questionIn(second), 4));
  expect(textOf(await t.say("alice", "evidence https://ci.example.com/runs/42?tab=log"))).toContain("Attached to");
  await answerAll(t, "alice", next, [4, 3, 3, 3, 3, 3, 3]);
  await answerAll(
    t,
    BOB,
    await t.click(BOB, join ?? { a: "resume", c: "", r: "" }, channel()),
    [5, 5, 5, 5, 5, 5, 5, 5],
  );
  const summary = messages(await t.say("alice", "summary"), "summary")[0] as SummaryMessage;
  await t.say("alice", "close");
  return { t, summary };
}

describe("evidence", () => {
  it("attaches a link to an answer by its question number while the round is open", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock });
    await answerAll(t, "alice", await t.say("alice", ""), [2, 2, 2, 2, 2, 2, 2, 2]);
    // By question number, as its progress line shows it.
    expect(textOf(await t.say("alice", "evidence 7 https://grafana.example.com/d/drift"))).toContain(
      'Attached to "Which best describes what you know about your models once they are in production?"',
    );
    expect(textOf(await t.say("alice", "evidence"))).toContain("https://grafana.example.com/d/drift");
  });

  it("attaches a link to the latest answer, shows it in the team summary and refuses what is not a web link", async () => {
    const { t, summary } = await twoRounds();
    // A link each renderer makes real (Slack <url|label>, Teams [label](url)), labelled with its short address.
    const link = linkTo("https://ci.example.com/runs/42?tab=log", "ci.example.com/runs/42?tab=log");
    expect(summary.notes).toContain(`Evidence for Team & ownership: ${link} (alice)`);
    expect(textOf(await t.say("alice", "evidence"))).toContain("https://ci.example.com/runs/42?tab=log");
    expect(textOf(await t.say("alice", "evidence javascript:alert(1)"))).toContain("not a link I can attach");
    // The round is closed now: its links can be listed, not added (issue 18: closed rounds stay as they closed).
    expect(textOf(await t.say("alice", "evidence 7 https://grafana.example.com/d/drift"))).toMatch(
      /^This round closed on \d{1,2} [A-Z][a-z]{2} \d{4}: your answers count in its summary/,
    );
    expect(textOf(await t.say("alice", "evidence"))).not.toContain("https://grafana.example.com/d/drift");
    expect(textOf(await t.say("alice", "evidence 12 https://x.example.com"))).toContain("Question 12 has no answer");
    expect(textOf(await t.say("carol", "evidence https://x.example.com"))).toContain("no assessment");
  });
});

describe("export", () => {
  it("exports JSON that reads back into the same rounds, and whose answers re-score to the recorded levels", async () => {
    const { t } = await twoRounds();
    const file = fileIn(await t.say("bob", "export json"));
    expect(file).toMatchObject({
      mimeType: "application/json",
      filename: expect.stringMatching(/^mlops-assess-C1-.*\.json$/),
    });
    const data = teamExportSchema.parse(JSON.parse(file.content));
    const history = historyIn(await t.say("bob", "history"));
    expect(data.rounds).toHaveLength(history.series.rounds.length);
    const [confidential, attributed] = data.rounds;
    // Confidential: levels and no answers, no names.
    expect(confidential?.responses).toBeUndefined();
    expect(JSON.stringify(confidential)).not.toContain("alice");
    // Attributed: each person's answers, which score back into exactly the levels history kept.
    expect(attributed?.responses?.map((r) => r.person.id).sort()).toEqual([BOB, "alice"]);
    const results = (attributed?.responses ?? []).map((r) => score(defaultModel, r.mode, r.answers));
    const team = aggregate(defaultModel, "quick", results);
    expect(team && snapshotOf(team)).toEqual(attributed?.snapshot);
    expect(attributed?.evidence).toEqual([
      expect.objectContaining({ url: "https://ci.example.com/runs/42?tab=log", by: "alice", answer: "3" }),
    ]);
  });

  it("exports CSV that reads back into the same rounds as the JSON export, formula-looking cells defused", async () => {
    const { t } = await twoRounds();
    const json = teamExportSchema.parse(JSON.parse(fileIn(await t.say("bob", "export json")).content));
    const csv = fileIn(await t.say("bob", "export"));
    expect(csv.mimeType).toBe("text/csv");
    expect(csv.content.split("\n")[0]).toMatch(/^record,round_id,mode,privacy/);
    expect(roundsFromCsv(csv.content)).toEqual(json.rounds);
    expect(csv.content).toContain(`'${BOB}`);
    expect(csv.content).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(textOf(await t.say("bob", "export xml"))).toContain("CSV or JSON");
  });

  it("says there is nothing to export before a round has closed", async () => {
    const t = createTranscript(createMemoryStore(), { clock: testClock().clock });
    expect(textOf(await t.say("alice", "export csv"))).toContain("No closed rounds");
  });
});

describe("history", () => {
  it("gives the chart its series: one point per closed round, every dimension's level, and the target", async () => {
    const { t } = await twoRounds();
    await t.say("alice", "target 3");
    const history = historyIn(await t.say("alice", "history"));
    expect(history.series.dimensions).toEqual(defaultModel.dimensions.map((d) => d.name));
    expect(history.series.rounds.map((r) => r.overall)).toEqual([1, 2]);
    // The lower median of alice (L3, L3, then L2) and bob (L4 everywhere).
    expect(history.series.rounds[1]?.levels).toEqual([3, 3, 2, 2, 2, 2, 2, 2]);
    expect(history.series.target).toBe(3);
    expect(history.lines.join("\n")).toContain("What changed since the round before:");
  });
});
