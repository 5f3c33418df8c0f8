/** A bare Bolt app acking /mlops-assess, run as its own process (like our replicas) for the ack reference. */
import { App, HTTPReceiver } from "@slack/bolt";
import { BENCH_SECRET } from "./signed.js";

const receiver = new HTTPReceiver({ signingSecret: BENCH_SECRET, endpoints: "/slack/events" });
const app = new App({
  receiver,
  authorize: async () => ({ botToken: "xoxb-bench", botId: "BBENCH", botUserId: "UBENCHBOT" }),
  clientOptions: { slackApiUrl: "http://127.0.0.1:1/api/" },
});
app.command("/mlops-assess", async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(process.env.PORT), host: "127.0.0.1" });
process.on("SIGTERM", () => {
  void app.stop().then(() => process.exit(0));
});
