/**
 * The fake Slack Web API in a process of its own, for the ack measurements: in production Slack answers from
 * elsewhere, so its work must not share the load generator's event loop and inflate the latencies it measures.
 */
import { startFakeSlackApi } from "../test/fakes/fake-slack-api.js";

// Nothing here reads the calls back (the process only answers them): none are kept.
const api = await startFakeSlackApi({ record: false });
process.stdout.write(`${api.apiUrl}\n`);
process.on("SIGTERM", () => process.exit(0));
