// @vitest-environment jsdom
import * as AC from "adaptivecards";
import { beforeAll, describe, expect, it } from "vitest";
import { renderMessage, renderThreaded } from "../../adapters/slack/render-message.js";
import type { SlackButton, SlackMessage } from "../../adapters/slack/render-schema.js";
import { fallbackText, renderCard } from "../../adapters/teams/render-message.js";
import type { AdaptiveCard } from "../../adapters/teams/render-schema.js";
import { renderText } from "../../adapters/terminal/render-message.js";
import { type GalleryEntry, gallery } from "../../scripts/gallery/catalogue.js";
import { TEAMS_LIGHT_HOST_CONFIG } from "../../scripts/gallery/teams-host-config.js";
import type { OutboundMessage, SummaryMessage } from "../../src/chat/outbound.js";
import { buttonsOfBlocks, mrkdwnOf } from "../adapters/slack/read-blocks.js";
import { question, summary, worstCases } from "../adapters/slack/sample-messages.js";
import { PHONE_SCREEN_PX, slackPhoneHeight, teamsPhoneHeight } from "./phone-height.js";

/**
 * What people see, checked on the payloads the renderers send: every message the flows send in the gallery (a real
 * round over the memory store) and the renderer tests' worst cases.
 */
let entries: GalleryEntry[] = [];
beforeAll(async () => {
  entries = await gallery();
});
const all = (): Array<[string, OutboundMessage]> => [
  ...entries.map((e): [string, OutboundMessage] => [e.id, e.message]),
  ...worstCases(),
];
/** Only what the flows send: the worst cases carry hostile text from people, shown escaped, which is not our markup. */
const sent = (): Array<[string, OutboundMessage]> => entries.map((e): [string, OutboundMessage] => [e.id, e.message]);
const byId = (id: string): OutboundMessage => {
  const found = entries.find((e) => e.id === id)?.message;
  if (!found) throw new Error(`the gallery has no ${id}`);
  return found;
};

const slackButtons = (m: SlackMessage): SlackButton[] => buttonsOfBlocks(m.blocks);
const slackMrkdwn = mrkdwnOf;

/** Every string a card shows as text (TextBlocks anywhere, titles, tooltips), for what Teams would print. */
function teamsTexts(card: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      if (o.type === "TextBlock" && typeof o.text === "string") out.push(o.text);
      for (const key of ["title", "tooltip", "altText"]) if (typeof o[key] === "string") out.push(o[key] as string);
      for (const [key, value] of Object.entries(o)) if (key !== "data") visit(value);
    }
  };
  visit(card);
  return out;
}

describe("answer buttons carry their words", () => {
  it("no Slack or Teams answer button is a bare number without words for screen readers", () => {
    for (const [name, message] of all()) {
      if (message.kind !== "question") continue;
      for (const b of slackButtons(renderMessage(message))) {
        if (/^\s*\d+\s*$/.test(b.text.text))
          expect(b.accessibility_label, `${name}: Slack "${b.text.text}"`).toBeDefined();
        if (b.action_id.includes("answer")) expect(b.accessibility_label, `${name}: Slack answer`).toMatch(/: \S/);
      }
      const card = JSON.stringify(renderCard(message));
      expect(card, `${name}: a Teams button titled only with a number`).not.toMatch(/"title":"\d+"/);
    }
  });

  it("names ladder answers by their level (L0-L4) and Not sure as words, in the real quick-mode question", () => {
    const q = byId("question");
    const slack = renderMessage(q);
    expect(slackButtons(slack).map((b) => b.text.text)).toEqual([
      "Choose L0",
      "Choose L1",
      "Choose L2",
      "Choose L3",
      "Choose L4",
      "Choose",
      "Skip",
      "Cancel",
    ]);
    expect(slackMrkdwn(slack).join("\n")).toContain("Not sure");
    const teams = renderCard(q);
    const rows = teams.body.filter((e) => e.type === "Container" && e.selectAction);
    expect(rows).toHaveLength(6);
    expect(teamsTexts(rows).join("\n")).toMatch(/^L0 · [\s\S]*\nL4 · [\s\S]*\nNot sure/);
  });

  it("never shows the previous answer as a primary (green) button, and Cancel asks first on both platforms", () => {
    const q = byId("question-answered");
    const slack = slackButtons(renderMessage(q));
    expect(slack.filter((b) => b.style === "primary")).toEqual([]);
    expect(slack.find((b) => b.text.text.startsWith("✓"))?.text.text).toMatch(/^✓ L\d$/);
    expect(slack.find((b) => b.action_id.endsWith("cancel"))?.confirm?.confirm.text).toBe("Yes, cancel");
    const card = JSON.stringify(renderCard(q));
    expect(card).not.toContain('"style":"positive"');
    expect(card).toMatch(/"type":"Action.ShowCard","title":"Cancel"/);
  });
});

describe("names, not ids", () => {
  it("Slack mentions a channel (<#C…>) and never prints its id as text; Teams never prints it at all", () => {
    const org = byId("org");
    const mrkdwn = slackMrkdwn(renderMessage(org)).join("\n");
    expect(mrkdwn).toContain("<#C07MLPLATF>");
    for (const [name, message] of all()) {
      const slack = slackMrkdwn(renderMessage(message))
        .join("\n")
        .replace(/<#C[A-Z0-9]+>/g, "");
      expect(slack, `${name}: Slack`).not.toContain("C07MLPLATF");
      expect(teamsTexts(renderCard(message)).join("\n"), `${name}: Teams`).not.toContain("C07MLPLATF");
    }
  });
});

describe("people's words", () => {
  it("names no environment variable anywhere people read, on Slack, Teams or the terminal", () => {
    const envVar = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
    for (const [name, message] of sent()) {
      expect(slackMrkdwn(renderMessage(message)).join("\n"), `${name}: Slack`).not.toMatch(envVar);
      expect(teamsTexts(renderCard(message)).join("\n"), `${name}: Teams`).not.toMatch(envVar);
      expect(renderText(message), `${name}: terminal`).not.toMatch(envVar);
    }
  });

  it("shows a refusal exactly like a failure: the same mark, and what to do instead on its own line", () => {
    const refusal = byId("refusal");
    const failure = byId("error");
    expect(refusal.kind).toBe("error");
    for (const m of [refusal, failure]) {
      expect(slackMrkdwn(renderMessage(m))[1]).toMatch(/^:warning: /);
      expect(renderCard(m).body[0]).toMatchObject({ type: "TextBlock", color: "Attention" });
    }
    expect(slackMrkdwn(renderMessage(refusal))[1]?.split("\n")[1]).toBe("Ask one of your workspace admins.");
  });
});

describe("Teams text is what Teams renders", () => {
  it("has no backticks, Slack mrkdwn, Slack emoji codes or HTML entities", () => {
    for (const [name, message] of sent()) {
      const texts = [...teamsTexts(renderCard(message)), fallbackText(message)];
      for (const text of texts) {
        // Text from people is escaped (\` \*): only our own markup counts.
        const ours = text.replace(/\\./g, "");
        expect(ours, `${name}: a code span`).not.toContain("`");
        expect(ours, `${name}: Slack link or mention`).not.toMatch(/<[#@!]|<https?:/);
        expect(ours, `${name}: Slack emoji code`).not.toMatch(/:(warning|white_check_mark|x):/);
        expect(ours, `${name}: an HTML entity`).not.toMatch(/&(amp|lt|gt);/);
        expect(ours.replace(/\*\*[^*]+\*\*/g, ""), `${name}: Slack *bold*`).not.toContain("*");
      }
    }
  });
});

describe("every Teams card, as Microsoft's adaptivecards library reads it with Teams' host config", () => {
  const hostConfig = new AC.HostConfig(TEAMS_LIGHT_HOST_CONFIG);

  function parsed(card: AdaptiveCard) {
    const context = new AC.SerializationContext();
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = hostConfig;
    adaptive.parse(card, context);
    const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
    const issues = adaptive.validateProperties().validationEvents.map((e) => e.message);
    return { adaptive, problems: [...events, ...issues] };
  }

  it("parses without a warning, validates without an issue and renders, for every message", () => {
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const [name, message] of all()) {
      const { adaptive, problems } = parsed(renderCard(message));
      expect(problems, name).toEqual([]);
      const element = adaptive.render();
      expect(element?.nodeName, `${name} renders`).toBe("DIV");
      // jsdom has no innerText, which the library writes text with: count the text blocks it drew instead.
      expect(element?.querySelectorAll(".ac-textBlock").length ?? 0, `${name} draws text`).toBeGreaterThan(0);
    }
  });

  it("keeps each row of buttons within the host's six", () => {
    for (const [name, message] of all()) {
      for (const set of renderCard(message).body.filter((e) => e.type === "ActionSet")) {
        if (set.type === "ActionSet") expect(set.actions.length, name).toBeLessThanOrEqual(6);
      }
    }
  });

  it("catches what Teams would drop: the library reports an unknown element and an unknown action", () => {
    const broken = { ...renderCard(byId("error")), body: [{ type: "Gallery.Strip" }] };
    expect(parsed(broken as never).problems.join(" ")).toMatch(/Gallery\.Strip/);
  });
});

describe("the team summary on a phone", () => {
  const eight = (): SummaryMessage => {
    const s = byId("summary-team");
    if (s.kind !== "summary") throw new Error("not a summary");
    return s;
  };

  it("fits one phone screen for eight dimensions, its details in a Slack thread and behind Teams' Details", () => {
    const s = eight();
    expect(s.dimensions).toHaveLength(8);
    const { message, thread } = renderThreaded(s);
    const slackHeight = slackPhoneHeight(message.blocks);
    const teamsHeight = teamsPhoneHeight(renderCard(s).body);
    console.log(
      `team summary on a 400 px phone: Slack ${slackHeight} px (details in the thread: ${slackPhoneHeight(thread?.blocks ?? [])} px), Teams ${teamsHeight} px`,
    );
    expect(slackHeight).toBeLessThanOrEqual(PHONE_SCREEN_PX);
    expect(teamsHeight).toBeLessThanOrEqual(PHONE_SCREEN_PX);
    const details = slackMrkdwn(thread ?? { text: "", blocks: [] }).join("\n");
    expect(details).toContain("*What blocks the next level:*");
    expect(details).toMatch(/\*How:\*[\s\S]*\*Why:\*/);
    expect(slackMrkdwn(message).join("\n")).not.toContain("*How:*");
  });

  it("gives each dimension one short line: no row wraps on a phone, no code span, the target once", () => {
    const slack = renderMessage(eight());
    const fields = slack.blocks.flatMap((b) => (b.type === "section" ? (b.fields ?? []) : []));
    expect(fields).toHaveLength(16);
    for (const field of fields.filter((_, i) => i % 2 === 1)) expect(field.text.length).toBeLessThanOrEqual(19);
    const text = slackMrkdwn(slack).join("\n");
    expect(text).not.toContain("`");
    expect(text.match(/target L3/g)).toHaveLength(1);
    expect(text).not.toContain("profile");
  });

  it("would fail a summary that does not fit: sixteen dimensions are more than a screen by the same measure", () => {
    const sixteen = summary(16, 24);
    expect(slackPhoneHeight(renderThreaded(sixteen).message.blocks)).toBeGreaterThan(PHONE_SCREEN_PX);
    expect(teamsPhoneHeight(renderCard(sixteen).body)).toBeGreaterThan(PHONE_SCREEN_PX);
  });
});

describe("the terminal", () => {
  it("speaks no Slack: no slash command, no mention markup", () => {
    for (const [name, message] of sent()) {
      const text = renderText(message);
      expect(text, name).not.toContain("/mlops-assess");
      expect(text, name).not.toMatch(/<[#@!]/);
    }
  });

  it("keys ladder answers by their level and Not sure by a letter; other questions count from 1", () => {
    const ladder = renderText(byId("question"));
    expect(ladder).toMatch(/\n {2}0\) Separate groups/);
    expect(ladder).toMatch(/\n {2}4\) One team/);
    expect(ladder).toContain("\n  n) Not sure");
    expect(renderText(question(["Yes", "No"]))).toContain("\n  1) Yes\n  2) No");
  });
});
