import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsOf } from "../adapters/teams/harness.js";
import { deleteKeys, uniquePrefix } from "../store/redis-helpers.js";
import { CHANNEL, cardText, personalChat, startTeamsLoop, type TeamsLoop } from "./teams-loop.js";

/**
 * The improvement loop on Teams, over /api/messages into the whole app with the fake Bot Connector and a real
 * Redis: adopt from the summary card, `actions`, the owner asked at the next reminder, done, the next summary.
 */
const prefix = uniquePrefix("loop-teams");
let loop: TeamsLoop;

beforeAll(async () => {
  loop = await startTeamsLoop(prefix);
});
afterAll(async () => {
  await deleteKeys(loop.redis, prefix);
  await loop.close();
});

const lastWith = (cards: unknown[], text: string) => cards.findLast((c) => cardText(c).includes(text));

describe("adopted next steps on Teams", () => {
  it("adopt, list, asked at the reminder, done, and what moved in the next summary", async () => {
    const { run } = loop;
    await loop.say("ann", "start");
    await run.answerAll("ann", 1);
    await loop.say("ann", "close");
    const summary = lastWith(loop.cards(CHANNEL), "Next steps");
    expect(
      buttonsOf(summary)
        .filter((b) => b.title.startsWith("Adopt"))
        .map((b) => b.title),
    ).toEqual(["Adopt 1", "Adopt 2", "Adopt 3"]);

    await loop.click("ben", CHANNEL, summary, "Adopt 1");
    const adopted = cardText(lastWith(loop.cards(CHANNEL), "adopted"));
    expect(adopted).toMatch(/ben adopted ".+" as a team action, due 2026-12-23/);
    const title = /adopted "(.+)" as a team action/.exec(adopted)?.[1] ?? "";

    await loop.say("cat", "actions");
    const listed = lastWith(loop.cards(personalChat("cat")), title);
    expect(cardText(listed)).toContain(`${title} · ben · due 2026-12-23`);
    expect(buttonsOf(listed).map((b) => b.title)).toEqual(["Done", "Drop", "Change"]);

    await loop.say("ann", "schedule weekly mon 09:00 UTC");
    loop.setNow(new Date("2026-11-30T09:01:00Z"));
    await run.app.tickNudges();
    expect(cardText(lastWith(loop.cards(CHANNEL), "Time to reassess"))).toContain(
      `Open actions: ${title} (ben, due 2026-12-23)`,
    );
    const asked = lastWith(loop.cards(personalChat("ben")), "happen?");
    expect(cardText(asked)).toContain(`Did "${title}" happen?`);
    expect(buttonsOf(asked).map((b) => b.title)).toEqual(["Done", "Still on it", "Dropped"]);

    const answered = await loop.click("ben", personalChat("ben"), asked, "Done");
    expect(cardText(answered)).toContain(`"${title}": done.`);
    expect(cardText(lastWith(loop.cards(CHANNEL), "marked"))).toContain(`ben marked "${title}" done.`);

    await loop.say("ann", "start");
    await run.answerAll("ann", 3);
    await loop.say("ann", "close");
    expect(cardText(lastWith(loop.cards(CHANNEL), "Adopted since last round"))).toMatch(
      /Adopted since last round: .+ \(done\) -> .+ L\d -> L\d/,
    );
  });

  it("changes owner and due date in a card with a choice of people and a date input", async () => {
    await loop.say("ann", "summary");
    const summary = lastWith(loop.cards(CHANNEL), "Next steps");
    await loop.click("ann", CHANNEL, summary, "Adopt 1");
    const adopted = lastWith(loop.cards(CHANNEL), "ann adopted");
    await loop.click("ann", CHANNEL, adopted, "Change owner or date");
    const form = loop.cards(personalChat("ann")).at(-1) as { attachments: { content: { body: unknown[] } }[] };
    const inputs = form.attachments[0]?.content.body.filter((e) =>
      String((e as { type: string }).type).startsWith("Input."),
    );
    expect(inputs).toEqual([
      expect.objectContaining({ type: "Input.ChoiceSet", id: "owner", value: "29:ann" }),
      expect.objectContaining({ type: "Input.Date", id: "due", value: "2026-12-30" }),
    ]);
    const refused = await loop.click("ann", personalChat("ann"), form, "Save", { owner: "29:ann", due: "2020-01-01" });
    expect(cardText(refused)).toContain("Nothing was saved");
    expect(cardText(refused)).toContain("Pick today or a later day");
    await loop.click("ann", personalChat("ann"), form, "Save", { owner: "29:ann", due: "2027-02-01" });
    expect(cardText(lastWith(loop.cards(personalChat("ann")), "is now"))).toMatch(/is now ann's, due 2027-02-01/);
  });
});
