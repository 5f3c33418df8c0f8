import { command } from "../../src/chat/command-words.js";
import { privately } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** What each maturity level means in the model in use: what people need to pick a target or read a result. */
export const levels = defineCommand<Record<string, never>>({
  name: "levels",
  readsOnly: true,
  aliases: [],
  usage: "levels",
  help: `what each maturity level means (pick a ${command("target <0-4>")} from them)`,
  suggestion: { example: "levels", inPersonal: "What each maturity level means" },
  parse: () => ({}),
  permission: () => ANYONE,
  run: async (ctx) => [
    privately(
      `The ${ctx.model.name} levels:`,
      ctx.model.levels.map((l) => `Level ${l.level} ${l.name}: ${l.summary}`),
    ),
  ],
});
