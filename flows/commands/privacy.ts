import { command } from "../../src/chat/command-words.js";
import { personName } from "../../src/chat/person-name.js";
import { scopeOf } from "../context.js";
import { privately, problem, toChannel } from "../replies.js";
import type { PrivacyMode } from "../rounds/round-state.js";
import { ANYONE, defineCommand } from "./command.js";

const MODE_TEXT: Record<PrivacyMode, string> = {
  confidential: "confidential: summaries and exports show only team aggregates, never who answered what",
  attributed: "attributed: summaries may name who answered what, and exports carry each person's answers",
};

const USAGE = [
  `${command("privacy")}: show this channel's privacy mode`,
  `${command("privacy confidential")} or ${command("privacy attributed")}: applies to rounds opened from now on`,
  `${command("privacy min <1-50>")}: respondents needed before the spread of answers shows`,
];

type PrivacyChange = { privacy: PrivacyMode } | { minRespondents: number; privacy?: never };
type PrivacyArgs = { kind: "show" } | { kind: "invalid" } | { kind: "change"; change: PrivacyChange };

/** `privacy [confidential|attributed|min N]`: show or change who may see what (opener of the latest round or admin). */
export const privacy = defineCommand<PrivacyArgs>({
  name: "privacy",
  aliases: [],
  usage: "privacy [confidential|attributed|min <n>]",
  help: "who may see what people answered (opener or admin)",
  parse: ({ args }) => {
    const [word, arg] = args.map((w) => w.toLowerCase());
    if (!word) return { kind: "show" };
    const change = parseChange(word, arg);
    return change ? { kind: "change", change } : { kind: "invalid" };
  },
  permission: (args) => (args.kind === "change" ? { who: "manager", to: "change the privacy settings" } : ANYONE),
  async run(ctx, { address, user }, args) {
    const team = scopeOf({ address, user });
    const settings = await ctx.repo.settings(team);
    if (args.kind === "show") {
      const floor = settings.minRespondents ?? ctx.minRespondentsForSpread;
      const mode = settings.privacy ?? "confidential";
      const round = await ctx.repo.latestRound(team);
      const current =
        round && round.privacy !== settings.privacy
          ? [`The latest round runs ${round.privacy ?? "confidential"}.`]
          : [];
      return [
        privately(`Privacy here is ${MODE_TEXT[mode]}.`, [
          `The spread of answers shows from ${floor} respondents.`,
          ...current,
          ...USAGE,
        ]),
      ];
    }
    if (args.kind === "invalid")
      return [
        problem(
          "invalid_privacy",
          "I didn't understand that privacy setting.",
          `Try ${command("privacy confidential")}, ${command("privacy attributed")} or ${command("privacy min 3")}.`,
        ),
      ];
    if (address.isDirect) {
      return [
        problem(
          "not_a_team",
          "A personal assessment is yours alone: privacy modes are for team channels.",
          `Set one in the team's channel with ${command("privacy")}.`,
        ),
      ];
    }
    const { change } = args;
    await ctx.repo.saveSettings(team, (s) => ({ ...s, ...change }));
    const who = personName(user, "Someone");
    // Announced in the channel: everyone answering should know how their answers will be shown.
    if (change.privacy) {
      return [
        toChannel(`${who} set this channel's privacy to ${MODE_TEXT[change.privacy]}.`, [
          "It applies to rounds opened from now on; earlier answers keep the privacy they were given under.",
        ]),
      ];
    }
    return [
      toChannel(
        `${who} set the privacy floor: the spread of answers shows from ${change.minRespondents} respondents.`,
        ["It applies to rounds opened from now on; a round already running keeps the floor it opened with."],
      ),
    ];
  },
});

function parseChange(word: string, arg: string | undefined): PrivacyChange | undefined {
  if (word === "confidential" || word === "attributed") return { privacy: word };
  if (word !== "min") return undefined;
  const n = Number(arg);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? { minRespondents: n } : undefined;
}
