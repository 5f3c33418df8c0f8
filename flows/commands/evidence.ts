import { command } from "../../src/chat/command-words.js";
import { numbered, questionsFor } from "../../src/engine/questions.js";
import { evidenceLinkSchema } from "../assess/assess-state.js";
import { teamScope } from "../context.js";
import { privately, problem } from "../replies.js";
import { ANYONE, defineCommand } from "./command.js";
import { closedRefusal } from "./permission.js";

/** No questionnaire to attach to: none started, or its round is gone. */
const noAssessment = () =>
  problem("no_assessment", "You have no assessment to attach evidence to.", `Start one with ${command()}.`);

/**
 * `evidence [n] <link>`: back an answer with a link (CI run, dashboard, runbook): question `n` of your questionnaire
 * (the number its progress line shows), or your latest answer. `evidence` alone lists your links.
 */
export const evidence = defineCommand<{ text: string }>({
  name: "evidence",
  aliases: [],
  usage: "evidence [n] <link>",
  help: `back your latest answer (or question n) with a link: CI run, dashboard, runbook; ${command("evidence")} lists yours`,
  // Links are case-sensitive: the words go on as typed.
  parse: ({ args }) => ({ text: args.join(" ") }),
  permission: () => ANYONE,
  async run(ctx, { address, user }, { text }) {
    const pointer = await ctx.repo.active(address, user.id);
    const team = pointer ? teamScope(address, pointer.channel) : undefined;
    const state = team && pointer ? await ctx.repo.response(team, pointer.roundId, user.id) : undefined;
    if (!team || !pointer || !state) return [noAssessment()];
    const questions = questionsFor(ctx.model, state.mode, state.answers, state.focus);
    const prompts = new Map(questions.map((q) => [q.id, q.prompt]));
    const [first = "", ...rest] = text.trim().split(/\s+/);
    // Question n as the questionnaire numbers it ("3/40"), which leaves the context question out.
    const byNumber = /^\d{1,3}$/.test(first) ? numbered(questions)[Number(first) - 1] : undefined;
    if (/^\d{1,3}$/.test(first) && (!byNumber || state.answers[byNumber.id] === undefined)) {
      return [
        problem(
          "unanswered_question",
          `Question ${first} has no answer of yours yet.`,
          "Answer it first, then attach the link.",
        ),
      ];
    }
    const link = byNumber ? rest.join(" ") : text.trim();
    if (link === "") {
      const links = Object.entries(state.evidence ?? {});
      if (links.length === 0) {
        return [privately("No evidence attached yet.", [`Answer a question, then ${command("evidence <link>")}.`])];
      }
      return [
        privately(
          "Your evidence links:",
          links.map(([id, url]) => `${prompts.get(id) ?? id}: ${url}`),
        ),
      ];
    }
    const parsed = evidenceLinkSchema.safeParse(link);
    if (!parsed.success) {
      return [
        problem(
          "invalid_link",
          "That is not a link I can attach.",
          `Give one web address (https://…) of up to 500 characters, e.g. ${command("evidence https://ci.example.com/runs/42")}.`,
        ),
      ];
    }
    let attachedTo: string | undefined;
    const written = await ctx.repo.updateResponseWhileOpen(team, pointer.roundId, user.id, ctx.clock(), (current) => {
      attachedTo = byNumber?.id ?? current?.lastAnswered;
      if (!current || !attachedTo) return undefined;
      return { ...current, evidence: { ...current.evidence, [attachedTo]: parsed.data } };
    });
    // A closed round stays as it was when it closed: its links can be read, not added (checked with the write).
    if (written.refused) return [(await closedRefusal(ctx, team, pointer.roundId, user.id)) ?? noAssessment()];
    if (!attachedTo)
      return [
        problem(
          "unanswered_question",
          "You have not answered a question yet: a link is attached to your latest answer.",
          "Answer a question first, then attach the link.",
        ),
      ];
    const answer = state.answers[attachedTo];
    const label = questions.find((q) => q.id === attachedTo)?.options.find((o) => o.value === answer)?.label;
    return [
      privately(`Attached to "${prompts.get(attachedTo) ?? attachedTo}"${label ? ` (${label})` : ""}.`, [
        "It shows in the team summary's evidence and in exports.",
      ]),
    ];
  },
});
