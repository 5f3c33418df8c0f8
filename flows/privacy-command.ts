import type { Reply } from "../src/chat/outbound.js";
import { type CommandEvent, type FlowContext, teamScope } from "./context.js";
import { mayManage } from "./permissions.js";
import { privately, toChannel } from "./replies.js";
import type { PrivacyMode } from "./rounds/round-state.js";

const MODE_TEXT: Record<PrivacyMode, string> = {
  confidential: "confidential: summaries and exports show only team aggregates, never who answered what",
  attributed: "attributed: summaries may name who answered what, and exports carry each person's answers",
};

const USAGE = [
  "`/mlops-assess privacy`: show this channel's privacy mode",
  "`/mlops-assess privacy confidential` or `/mlops-assess privacy attributed`: applies to rounds opened from now on",
  "`/mlops-assess privacy min <1-50>`: respondents needed before the spread of answers shows",
];

/** `privacy [confidential|attributed|min N]`: show or change who may see what (opener of the latest round or admin). */
export async function privacyCommand(
  ctx: FlowContext,
  { address, user }: CommandEvent,
  text: string,
): Promise<Reply[]> {
  const team = teamScope(address, address.channel);
  const [word, arg] = text.trim().toLowerCase().split(/\s+/);
  const settings = await ctx.repo.settings(team);
  const floor = settings.minRespondents ?? ctx.minRespondentsForSpread;
  if (!word) {
    const mode = settings.privacy ?? "confidential";
    const round = await ctx.repo.latestRound(team);
    const current =
      round && round.privacy !== settings.privacy ? [`The latest round runs ${round.privacy ?? "confidential"}.`] : [];
    return [
      privately(`Privacy here is ${MODE_TEXT[mode]}.`, [
        `The spread of answers shows from ${floor} respondents.`,
        ...current,
        ...USAGE,
      ]),
    ];
  }
  const change = parse(word, arg);
  if (!change) return [privately("I didn't understand that privacy setting.", USAGE)];
  if (address.isDirect)
    return [privately("A personal assessment is yours alone: privacy modes are for team channels.")];
  if (!mayManage(user, await ctx.repo.latestRound(team))) {
    return [privately("Only the person who opened the latest round or an admin can change the privacy settings.")];
  }
  await ctx.repo.saveSettings(team, (s) => ({ ...s, ...change }));
  const who = user.name ?? user.id;
  // Announced in the channel: everyone answering should know how their answers will be shown.
  if (change.privacy) {
    return [
      toChannel(`${who} set this channel's privacy to ${MODE_TEXT[change.privacy]}.`, [
        "It applies to rounds opened from now on; earlier answers keep the privacy they were given under.",
      ]),
    ];
  }
  return [
    toChannel(`${who} set the privacy floor: the spread of answers shows from ${change.minRespondents} respondents.`),
  ];
}

function parse(
  word: string,
  arg: string | undefined,
): { privacy: PrivacyMode } | { minRespondents: number; privacy?: never } | undefined {
  if (word === "confidential" || word === "attributed") return { privacy: word };
  if (word !== "min") return undefined;
  const n = Number(arg);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? { minRespondents: n } : undefined;
}
