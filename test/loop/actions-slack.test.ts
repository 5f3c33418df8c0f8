import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonsIn, CHANNEL } from "../adapters/slack/harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { deleteKeys, uniquePrefix } from "../store/redis-helpers.js";
import { type SlackLoop, screenOf, slackUser, startSlackLoop } from "./slack-loop.js";

/**
 * The improvement loop on Slack, over HTTP into the whole app with a real Redis: a next step adopted from the
 * team summary becomes an action, `actions` lists it, the owner is asked at the next reminder, marks it done, and
 * the next summary and the export say so.
 */
const prefix = uniquePrefix("loop-slack");
let loop: SlackLoop;

beforeAll(async () => {
  loop = await startSlackLoop(prefix);
});
afterAll(async () => {
  await deleteKeys(loop.redis, prefix);
  await loop.close();
});

const inChannel = (method = "chat.postMessage") => loop.run.api.calls(method).filter((c) => c.body.channel === CHANNEL);
const lastWith = (calls: RecordedCall[], text: string) => calls.findLast((c) => screenOf(c).includes(text));

describe("adopted next steps on Slack", () => {
  it("adopt, list, asked at the reminder, done, shown in the next summary and the export", async () => {
    const { run } = loop;
    await loop.say("ann", "start");
    await run.answerEverything(slackUser("ann"), 2);
    await loop.say("ann", "close");
    const summary = lastWith(inChannel(), "Next steps");
    // Titled with the channel's name (from the command's channel_name) and the day the round closed.
    expect(screenOf(summary)).toMatch(/#support-agent-dev · \d{1,2} [A-Z][a-z]{2} \d{4}/);
    const adoptButtons = buttonsIn(summary as RecordedCall).filter((b) => b.label.startsWith("Adopt"));
    // One per next step that names a practice, numbered like the steps.
    expect(adoptButtons.map((b) => [b.actionId, b.label])).toEqual([
      ["ma:step:1", "Adopt 1"],
      ["ma:step:2", "Adopt 2"],
      ["ma:step:3", "Adopt 3"],
    ]);

    // Ben adopts the first next step: he owns it, due in 30 days (the clock says 2026-11-23).
    await loop.click("ben", summary, "Adopt 1");
    const adopted = lastWith(inChannel(), "adopted");
    expect(screenOf(adopted)).toMatch(/u0ben adopted ".+" as a team action, due 2026-12-23/i);
    const title = /adopted "(.+)" as a team action/.exec(screenOf(adopted))?.[1] ?? "";
    // A double click adopts once.
    await loop.click("ben", summary, "Adopt 1");
    expect(inChannel().filter((c) => screenOf(c).includes("adopted")).length).toBe(1);

    // `actions` lists it with Done / Drop / Change, privately.
    await loop.say("cat", "actions");
    const listed = run.api.calls("chat.postEphemeral").findLast((c) => screenOf(c).includes(title));
    expect(screenOf(listed)).toContain("due 2026-12-23");
    expect(screenOf(listed)).toMatch(/Done[\s\S]*Drop[\s\S]*Change/);

    // The next reminder lists it, and Ben alone is asked privately whether it happened.
    await loop.say("ann", "schedule weekly mon 09:00 UTC");
    run.setNow(new Date("2026-11-30T09:01:00Z"));
    await run.app.tickNudges();
    await loop.settle();
    const reminder = lastWith(inChannel(), "Time to reassess");
    expect(screenOf(reminder)).toContain(`Open actions: ${title} (U0BEN, due 2026-12-23)`);
    const asked = run.api.calls("chat.postMessage").filter((c) => screenOf(c).includes(`Did "${title}" happen?`));
    expect(asked.map((c) => c.body.channel)).toEqual([await run.dmOf(slackUser("ben"))]);
    // A second tick in the same slot asks nobody again.
    await run.app.tickNudges();
    await loop.settle();
    expect(run.api.calls("chat.postMessage").filter((c) => screenOf(c).includes("happen?")).length).toBe(1);

    // Ben says it is done, from his DM: the question is replaced, the channel hears it.
    await loop.click("ben", asked[0], "Done");
    expect(screenOf(run.api.calls("chat.update").at(-1))).toContain(`"${title}": done.`);
    expect(screenOf(lastWith(inChannel(), "marked"))).toContain(`marked "${title}" done`);
    await loop.say("ann", "actions");
    expect(screenOf(run.api.calls("chat.postEphemeral").at(-1))).toContain("No open actions");

    // The next round's summary says what moved since the last one, in the thread under it.
    await loop.say("ann", "start");
    await run.answerEverything(slackUser("ann"), 3);
    await loop.say("ann", "close");
    const next = inChannel().findLast((c) => !run.api.inThread(c) && screenOf(c).includes("Details in the thread"));
    const details = screenOf(inChannel().find((c) => c.body.thread_ts === next?.response?.ts));
    expect(details).toMatch(
      new RegExp(
        `Adopted since last round: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(done\\) -> .+ L\\d -> L\\d`,
      ),
    );

    // History and both export formats carry the action.
    await loop.say("ann", "history");
    expect(screenOf(lastWith(inChannel(), "What changed since the round before"))).toContain(
      `Action: ${title} (done) · U0BEN · due 2026-12-23`,
    );
    await loop.say("ann", "export");
    const csv = run.api
      .calls("file_upload")
      .map((c) => String(c.body.content))
      .find((c) => c.includes("record"));
    // record, …, dimension, level, person_id, person_name, question, label, answer, url, due
    expect(csv).toMatch(/^action,.*,U0BEN,U0BEN,[\w-]+,[^,]+,done,,2026-12-23$/m);
    await loop.say("ann", "export json");
    const json = run.api
      .calls("file_upload")
      .map((c) => String(c.body.content))
      .findLast((c) => c.startsWith("{"));
    const exported = JSON.parse(json ?? "{}") as {
      actions?: { title: string; state: string; owner: { id: string } }[];
    };
    expect(exported.actions).toEqual([
      expect.objectContaining({ title, state: "done", owner: { id: "U0BEN", name: "U0BEN" } }),
    ]);
  });

  it("changes an action's owner and due date in a modal; a past date is refused next to the field", async () => {
    const { run } = loop;
    await loop.say("ann", "summary");
    const summary = lastWith(inChannel(), "Next steps");
    await loop.click("ann", summary, "Adopt 1");
    const adopted = lastWith(inChannel(), "ann adopted") ?? lastWith(inChannel(), "U0ANN adopted");
    await loop.click("ann", adopted, "Change owner or date");
    const opened = run.api.calls("views.open").at(-1);
    const view = opened?.body.view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] };
    const owner = view.blocks.find((b) => b.block_id === "owner")?.element;
    const due = view.blocks.find((b) => b.block_id === "due")?.element;
    expect(owner).toMatchObject({ type: "users_select", initial_user: "U0ANN" });
    expect(due).toMatchObject({ type: "datepicker", initial_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    const refused = await loop.submit("ann", opened, { owner: "U0CAT", due: "2020-01-01" });
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.text)).toEqual({
      response_action: "errors",
      errors: { due: "Pick today or a later day" },
    });

    const saved = await loop.submit("ann", opened, { owner: "U0CAT", due: "2027-01-15" });
    expect(saved.text).toBe("");
    await loop.say("ann", "actions");
    // The picker gives an id and no name: people read "someone", never the id (a Slack mention would name them).
    expect(run.api.calls("chat.postEphemeral").map(screenOf).join("\n")).toContain("someone · due 2027-01-15");
  });
});
