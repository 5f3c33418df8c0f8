import { command } from "../../src/chat/command-words.js";
import type { Level } from "../../src/engine/model-schema.js";
import { scopeOf } from "../context.js";
import { problem, toChannel } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";

/** The level a team aims for: next steps never go beyond it. */
export const target = defineCommand<{ level: Level | undefined }>({
  name: "target",
  aliases: [],
  usage: "target <0-4>",
  help: "the level this team aims for; next steps never go beyond it",
  parse: ({ args }) => {
    const level = Number(args[0]);
    return { level: Number.isInteger(level) && level >= 0 && level <= 4 ? (level as Level) : undefined };
  },
  // Without a level there is nothing to change: everyone gets the usage.
  permission: ({ level }) => (level === undefined ? ANYONE : { who: "manager", to: "change the target" }),
  async run(ctx, event, { level }) {
    if (level === undefined)
      return [problem("invalid_level", "The target is a level from 0 to 4.", `For example ${command("target 3")}.`)];
    await ctx.repo.saveSettings(scopeOf(event), (s) => ({ ...s, target: level }));
    const name = ctx.model.levels[level]?.name ?? "";
    return [toChannel(`Target set to Level ${level} (${name}). Next steps will not go beyond it.`)];
  },
});
