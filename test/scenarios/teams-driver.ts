import { nextActivityId, personalChat, startTeamsApp, teamsPerson } from "../adapters/teams/app-harness.js";
import { buttonsOf, CHANNEL, recorded, textOf } from "../adapters/teams/harness.js";
import type { ChatDriver } from "./chat-driver.js";

/** A TextBlock's Markdown as people read it: the escapes taken off. */
const plain = (text: string) => text.replace(/\\(.)/g, "$1");

export async function startTeamsDriver(): Promise<ChatDriver> {
  const run = await startTeamsApp({ TEAMS_ENABLED: "true" });
  const { connector } = run;
  await run.post({ ...recorded("vercel-chat_installationUpdate_add.json"), serviceUrl: connector.serviceUrl });
  /** The card each person saw last in their chat: invokes answer with the next card in the HTTP response. */
  const lastCard = new Map<string, unknown>();
  const latestCard = (conversation: string) => connector.calls(conversation).findLast((c) => c.body.attachments)?.body;
  return {
    platform: "teams",
    async say(who, words) {
      await run.say(who, words);
    },
    async join(who) {
      const invitation = connector
        .calls(CHANNEL)
        .findLast((c) => buttonsOf(c.body).some((b) => b.action?.a === "join"));
      const join = buttonsOf(invitation?.body).find((b) => b.action?.a === "join");
      if (!join) throw new Error("no invitation to join in the channel");
      // An Action.Submit from the channel, as older clients send it: a message carrying the button's data.
      await run.post({
        ...recorded("vercel-chat_channel_teams.json", "channel_post_action"),
        serviceUrl: connector.serviceUrl,
        from: teamsPerson(who),
        id: nextActivityId("join"),
        value: join.data,
        replyToId: invitation?.body.id,
      });
    },
    async answerAll(who, n) {
      lastCard.set(who, await run.answerAll(who, n - 1));
    },
    channelScreen: () => plain(textOf(latestCard(CHANNEL))),
    privateScreen: (who) => plain(textOf(lastCard.get(who) ?? latestCard(personalChat(who)))),
    close: () => run.close(),
  };
}
