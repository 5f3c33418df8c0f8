import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ButtonAction, encodeAction } from "../../src/chat/actions.js";
import { createKeys } from "../../src/store/keys.js";
import { buttonsOf, cardOf } from "../adapters/teams/harness.js";
import { type ConnectorCall, type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { FORM, type PostResult, postSigned } from "../fakes/slack-signing.js";
import { REDIS_URL, redisTestScope, uniquePrefix } from "../store/redis-helpers.js";
import { type LiveApp, startLiveApp } from "./live-app.js";
import { roundIdOf } from "./round-audit.js";
import { dmOf, isResult, option, progressOf, quiet, slackPeople, textOf, until } from "./slack-people.js";
import { changes, snapshot } from "./tenant-snapshot.js";

/**
 * One app serving two Slack workspaces and two Teams tenants. B's people run rounds; then A's people try to read
 * and change B's data by naming B's channel, round and user ids wherever a request lets them: slash command
 * fields, button values, card data. Everything of B is snapshotted from Redis before and after, and every reply
 * to A is searched for B's round ids and schedule.
 */
const prefix = uniquePrefix("rel-tenant");
const keys = createKeys(prefix);
const scope = redisTestScope(prefix);

const A = { team: "T0ALPHA", channel: "C0ALPHA" };
const B = { team: "T0BRAVO", channel: "C0BRAVO" };
const B_PEOPLE = ["U0BRAVO0", "U0BRAVO1", "U0BRAVO2"];
const ALICE = "U0ALPHA0";

let live: LiveApp;
let connector: FakeBotConnector;
beforeAll(async () => {
  live = await startLiveApp(REDIS_URL, prefix);
  connector = await startFakeBotConnector();
});
afterAll(async () => {
  await live.close();
  await connector.close();
});

describe("Slack workspace A against workspace B", () => {
  it("cannot read or change anything of B, even naming B's channel, rounds and people", async () => {
    const { api } = live;
    const a = slackPeople(api, () => live.slackUrl, A);
    const b = slackPeople(api, () => live.slackUrl, B);
    const settle = () => quiet(() => api.calls().length);

    // B: a closed round in the history, a target, a schedule, a second round half answered, a snooze.
    const [opener = "", ...others] = B_PEOPLE;
    const first = await b.openRound(opener, others);
    const everyoneAnswers = async (p: string) => {
      for (let q = 0; q < 8; q++) await b.answer(p, () => 4);
    };
    await Promise.all(B_PEOPLE.map(everyoneAnswers));
    for (const text of ["close", "target 4", "schedule monthly 1 10:00 Pacific/Chatham"]) await b.command(opener, text);
    await settle();
    const invitations = () => api.calls("chat.postMessage").filter((c) => c.body.channel === B.channel && !isResult(c));
    const closed = invitations().length;
    await b.command(opener, "");
    await until(() => invitations().length > closed && progressOf(b.screen(opener))?.index === 1, "B's second round");
    const invitation2 = invitations().at(-1);
    await b.answer(opener, () => 2);
    await b.command("U0BRAVO2", "snooze 7");
    await settle();
    const bRounds = [roundIdOf(first), roundIdOf(invitation2)];
    const bQuestion = b.screen(opener)!;
    // A: a round of its own, so A's requests have real buttons and real messages to click on.
    await a.openRound(ALICE);
    // B's "invitation refreshed" markers live for a few seconds after its last completions: left to lapse first,
    // they would expire during the attack and show up as a change to B.
    const markers = `${keys.prefix}:{slack:${B.team}:*}:invitation-refreshed:*`;
    while ((await scope.admin.keys(markers)).length > 0) await new Promise((r) => setTimeout(r, 100));
    const before = await snapshot(scope.admin, keys, "slack", B.team);
    expect(before.size).toBeGreaterThan(10);
    const attackStart = api.calls().length;

    let requests = 0;
    const sent = async (request: Promise<PostResult>) => {
      requests++;
      expect((await request).status).toBe(200);
    };

    // 1. Slash commands from A that name B's channel (and B's people) in the fields Slack fills in.
    const reads = ["status", "summary", "history", "resume", "schedule"];
    const writes = ["close", "target 0", "schedule off", "schedule weekly mon 09:00 UTC", "pause", "resume nudges"];
    for (const user of [ALICE, opener]) {
      for (const text of [...reads, ...writes, "snooze 3", "forget-me confirm"])
        await sent(a.command(user, text, B.channel));
    }
    await settle();
    // 2. Clicks in A's own DM whose button values carry B's channel and round ids, by A's person and by B's ids.
    const clicksStart = api.calls().length;
    const mine = a.screen(ALICE)!;
    const values: ButtonAction[] = bRounds.flatMap((r) => [
      { a: "answer", c: B.channel, r, q: "q-data-features", v: "0" },
      { a: "back", c: B.channel, r },
      { a: "skip", c: B.channel, r },
      { a: "resume", c: B.channel, r },
      { a: "cancel", c: B.channel, r },
      { a: "join", c: B.channel, r },
    ]);
    const forged = (user: string, action: ButtonAction, userTeam = A.team) =>
      sent(a.sign(a.clickBody(user, mine, option(1), { action, userTeam })));
    for (const user of [ALICE, ...B_PEOPLE]) for (const action of values) await forged(user, action);
    // The user says they belong to B, the team says A: the team (where the click happened) decides.
    for (const action of values) await forged("U0BRAVO1", action, B.team);
    // 3. A "start" button naming B's channel: refused (the button only exists in its own channel); the same
    // button clicked where it was posted still works.
    const dmPosts = () => api.calls("chat.postMessage").filter((c) => c.body.channel === dmOf(ALICE)).length;
    const postsBefore = dmPosts();
    await forged(ALICE, { a: "start", c: B.channel });
    await settle();
    // Had it opened a round, finishing it is what would post to the round's channel: try that too.
    if (dmPosts() > postsBefore && progressOf(a.screen(ALICE))?.index === 1)
      for (let q = 0; q < 8; q++) await a.answer(ALICE, () => 1);
    await sent(
      a.sign(a.clickBody(ALICE, mine, option(1), { action: { a: "start", c: A.channel }, channel: A.channel })),
    );
    // 4. B's team id with another app's signature (what someone holding only their own app's secret can forge).
    requests++;
    const spoof = await postSigned(live.slackUrl, {
      secret: "another-apps-signing-secret-000",
      body: b.commandBody(opener, "close"),
      contentType: FORM,
    });
    await settle();

    const after = await snapshot(scope.admin, keys, "slack", B.team);
    const changed = changes(before, after);
    const toA = api.calls().slice(attackStart);
    const leaks = toA.filter((c) => bRounds.some((r) => textOf([c]).includes(r)) || textOf([c]).includes("Chatham"));
    // Replies to a command go where Slack says it was typed (here: B's channel id, named in the command); what counts
    // is whether a button value alone can make the app post there.
    const intoB = api
      .calls()
      .slice(clicksStart)
      .filter((c) => c.body.channel === B.channel);
    console.log(
      `[reliability] slack tenant isolation: ${requests} requests from A naming B; B keys ${before.size}; ` +
        `cross-tenant reads ${leaks.length}; cross-tenant writes ${changed.length} keys changed + ` +
        `${intoB.length} messages into B's channel`,
    );
    expect(spoof.status).toBe(401);
    expect(changed).toEqual([]);
    expect(leaks.map((c) => textOf([c]).slice(0, 200))).toEqual([]);
    expect(intoB.map((c) => `${c.method} ${textOf([c]).slice(0, 200)}`)).toEqual([]);
    // A saw A's (empty) world: no round, no history, nothing to resume.
    const told = textOf(toA);
    expect(told).toContain("No assessment yet here");
    expect(told).toContain("No closed rounds yet");
    expect(told).toContain("You have no assessment to carry on with");
    expect(told).toContain("That button works only in the team channel it was posted in");
    expect(told).toContain("A round is already open in this channel");
    // And B carries on as if nothing happened.
    await b.answer(opener, () => 3);
    expect(await scope.admin.get(keys.settings({ platform: "slack", workspace: B.team, channel: B.channel }))).toBe(
      JSON.stringify({ target: 4 }),
    );
    expect(b.screen(opener)).not.toBe(bQuestion);
  });
});

/** A Teams activity in a tenant, from a person, in a conversation (recorded field set, see the Teams harness). */
function teamsActivity(tenant: string, conversation: { id: string; type: "channel" | "personal" }, from: string) {
  return {
    type: "message",
    id: `m-${Math.random().toString(36).slice(2)}`,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    from: { id: from, name: from },
    recipient: { id: "28:mlops-assess-bot", name: "MLOps Assess" },
    conversation: {
      id: conversation.id,
      conversationType: conversation.type,
      tenantId: tenant,
      ...(conversation.type === "channel" ? { isGroup: true } : {}),
    },
    channelData: { tenant: { id: tenant } },
  };
}

const postTeams = async (activity: unknown) =>
  fetch(live.teamsUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });

describe("Teams tenant A against tenant B", () => {
  it("cannot read or change anything of B through card data naming B's conversation and round", async () => {
    const TA = "aaaaaaaa-0000-4000-8000-00000000000a";
    const TB = "bbbbbbbb-0000-4000-8000-00000000000b";
    const bChannel = "19:bravo0000000000000000000000000@thread.tacv2";
    const aChannel = "19:alpha0000000000000000000000000@thread.tacv2";
    const bob = "29:bravo-bob";
    const ann = "29:alpha-ann";
    const say = (tenant: string, channel: string, from: string, text: string) =>
      postTeams({
        ...teamsActivity(tenant, { id: `${channel};messageid=${Date.now()}`, type: "channel" }, from),
        text: `<at>MLOps Assess</at> ${text}`,
        entities: [{ type: "mention", mentioned: { id: "28:mlops-assess-bot" }, text: "<at>MLOps Assess</at>" }],
      });
    const click = async (tenant: string, from: string, data: unknown, conversationTenant = tenant) => {
      const base = teamsActivity(tenant, { id: `a:personal-${from}`, type: "personal" }, from);
      const response = await postTeams({
        ...base,
        conversation: { ...base.conversation, tenantId: conversationTenant },
        type: "invoke",
        name: "adaptiveCard/action",
        value: { action: { type: "Action.Execute", verb: "ma", data }, trigger: "manual" },
      });
      return (await response.json().catch(() => ({}))) as { value?: unknown };
    };
    const settle = () => quiet(() => connector.calls().length);

    // B: Bob opens a round in B's channel, answers two questions in his 1:1 chat, sets a target.
    expect((await say(TB, bChannel, bob, "assess")).status).toBe(200);
    await settle();
    let card: unknown = cardOf(connector.calls(`a:personal-${bob}`).at(-1));
    for (let i = 0; i < 2; i++) {
      const answer = buttonsOf(card).find((x) => x.action?.a === "answer");
      card = (await click(TB, bob, answer?.data)).value;
    }
    await say(TB, bChannel, bob, "target 3");
    await settle();
    const bRound = buttonsOf(card).find((x) => x.action?.a === "answer")?.action;
    if (bRound?.a !== "answer") throw new Error("no answer button in Bob's card");
    await say(TA, aChannel, ann, "assess");
    await settle();
    const before = await snapshot(scope.admin, keys, "teams", TB);
    const attackStart = connector.calls().length;

    const data = (action: ButtonAction) => ({ ma: encodeAction(action) });
    const values: ButtonAction[] = [
      { a: "answer", c: bChannel, r: bRound.r, q: bRound.q, v: "0" },
      { a: "back", c: bChannel, r: bRound.r },
      { a: "skip", c: bChannel, r: bRound.r },
      { a: "resume", c: bChannel, r: bRound.r },
      { a: "cancel", c: bChannel, r: bRound.r },
      { a: "join", c: bChannel, r: bRound.r },
      { a: "start", c: bChannel },
    ];
    const answers: unknown[] = [];
    // Ann, then Bob's own id in tenant A, then a tenant A activity whose conversation claims tenant B.
    for (const [from, conversationTenant] of [
      [ann, TA],
      [bob, TA],
      [bob, TB],
    ] as const) {
      for (const action of values) answers.push(await click(TA, from, data(action), conversationTenant));
    }
    for (const text of ["status", "summary", "history", "close", "target 0", "schedule off", "forget-me confirm"])
      await say(TA, aChannel, ann, text);
    await settle();

    const after = await snapshot(scope.admin, keys, "teams", TB);
    const changed = changes(before, after);
    const toA: unknown[] = [...connector.calls().slice(attackStart), ...answers];
    const leaks = toA.filter((c) => JSON.stringify(c).includes(bRound.r));
    // Bob's 1:1 chat id is the same in both tenants in the fake (it derives it from the member id), so only B's
    // channel can tell a message into B apart.
    const intoB = connector
      .calls()
      .slice(attackStart)
      .filter((c: ConnectorCall) => c.conversationId.startsWith(bChannel));
    console.log(
      `[reliability] teams tenant isolation: ${values.length * 3 + 7} requests from A naming B; B keys ${before.size}; ` +
        `cross-tenant reads ${leaks.length}; cross-tenant writes ${changed.length} keys changed + ${intoB.length} ` +
        "messages into B's conversations",
    );
    expect(before.size).toBeGreaterThan(3);
    expect(changed).toEqual([]);
    expect(leaks.map((c) => JSON.stringify(c).slice(0, 200))).toEqual([]);
    expect(intoB.map((c) => `${c.method} ${c.conversationId}`)).toEqual([]);
  });
});
