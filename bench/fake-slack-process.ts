/**
 * The fake Slack Web API in a process of its own, for the ack measurements: in production Slack answers from
 * elsewhere, so its work must not share the load generator's event loop and inflate the latencies it measures.
 * For the same reason it runs at the lowest CPU priority, like the chart clients (bench/durable.ts): reading each
 * reply's JSON is about 0.2 ms of this machine's CPU per click, which Slack's servers spend, not the app's, and
 * the bare Bolt apps it is compared with send no replies.
 */
import { setPriority } from "node:os";
import { startFakeSlackApi } from "../test/fakes/fake-slack-api.js";

setPriority(19);

// Nothing here reads the calls back (the process only answers them): none are kept.
const api = await startFakeSlackApi({ record: false });
process.stdout.write(`${api.apiUrl}\n`);
process.on("SIGTERM", () => process.exit(0));
