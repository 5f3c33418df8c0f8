import { Redis } from "ioredis";
import { decodeAction } from "../../src/chat/actions.js";
import { createRedisStore } from "../../src/store/redis-store.js";
import { buttonClick, buttonsIn, CHANNEL, TEAM } from "../adapters/slack/harness.js";
import { type SlackAppRun, startSlackApp } from "../app/slack-app-harness.js";
import type { RecordedCall } from "../fakes/fake-slack-api.js";
import { interactionBody, type PostResult } from "../fakes/slack-signing.js";
import { screenOf, settled } from "../scenarios/slack-driver.js";
import { REDIS_URL } from "../store/redis-helpers.js";

/** Slack ids are upper-case letters and digits: a person called "ann" is U0ANN. */
export const slackUser = (who: string) => `U0${who.toUpperCase()}`;

export { screenOf };

export interface SlackLoop {
  run: SlackAppRun;
  redis: Redis;
  prefix: string;
  /** Wait until the fake Slack has heard nothing new for a moment (replies go out after the ack). */
  settle(): Promise<void>;
  say(who: string, words: string): Promise<void>;
  /** Click the button whose label is `label` on a recorded message. */
  click(who: string, call: RecordedCall | undefined, label: string): Promise<PostResult>;
  /** Submit the modal opened by `opened` (a views.open call) with these values by field id. */
  submit(who: string, opened: RecordedCall | undefined, values: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

/** The whole app on loopback with a real Redis under its own key prefix, and the moves of this scenarios. */
export async function startSlackLoop(prefix: string): Promise<SlackLoop> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const run = await startSlackApp({ store: createRedisStore(redis), env: { KEY_PREFIX: prefix } });
  const { api } = run;
  const settle = () => settled(api);
  return {
    run,
    redis,
    prefix,
    settle,
    async say(who, words) {
      await run.command(slackUser(who), words);
      await settle();
    },
    async click(who, call, label) {
      const found = buttonsIn(call as RecordedCall).find((b) => b.label === label);
      const action = decodeAction(found?.value);
      if (!found || !action) throw new Error(`no "${label}" button on that message`);
      const channel = String(call?.body.channel ?? CHANNEL);
      const result = await run.sign(
        interactionBody(
          buttonClick(action, {
            user: slackUser(who),
            channel: channel.startsWith("U") ? `D${channel.slice(1)}` : channel,
            messageTs: String(call?.response?.ts ?? "1700000000.000001"),
            actionId: found.actionId,
          }),
        ),
      );
      await settle();
      return result;
    },
    async submit(who, opened, values) {
      const view = opened?.body.view as {
        private_metadata: string;
        callback_id: string;
        blocks: { block_id?: string; element?: { type: string } }[];
      };
      const state: Record<string, Record<string, Record<string, unknown>>> = {};
      for (const block of view.blocks) {
        if (!block.block_id || !block.element) continue;
        const value = values[block.block_id];
        if (value === undefined) continue;
        const key = {
          static_select: "selected_option",
          users_select: "selected_user",
          datepicker: "selected_date",
          timepicker: "selected_time",
          plain_text_input: "value",
        }[block.element.type];
        state[block.block_id] = {
          [block.block_id]: {
            type: block.element.type,
            [key ?? "value"]: key === "selected_option" ? { value } : value,
          },
        };
      }
      const result = await run.sign(
        interactionBody({
          type: "view_submission",
          team: { id: TEAM, domain: "acme" },
          user: { id: slackUser(who), username: who, name: who, team_id: TEAM },
          api_app_id: "A00FAKEAPP02",
          trigger_id: "1.2.3",
          view: { id: "V00FAKEMODAL", type: "modal", ...view, state: { values: state } },
        }),
      );
      await settle();
      return result;
    },
    async close() {
      await run.close();
    },
  };
}
