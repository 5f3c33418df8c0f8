import fc from "fast-check";
import { buttonClick, commandFields } from "../adapters/slack/harness.js";
import { FORM, interactionBody } from "../fakes/slack-signing.js";
import type { RequestBuilder } from "./corpus.js";
import { dmOf, formOf, type SlackTargets, slackPerson, finish as slackRequest } from "./slack-requests.js";
import { activityFrom, type TeamsTargets, teamsPerson, finish as teamsRequest } from "./teams-requests.js";

/**
 * Issue 18's forgeries, on both platforms, all from the real workspace or tenant and properly signed, so that each
 * one reaches the flows: a join value clicked outside the round's channel (a forwarded invitation) or naming another
 * channel's round, answers to a round that has closed from someone who was mid-questionnaire, reminder schedules
 * more frequent than daily, and the same signed request sent again. Each is owed a refusal; none may change anything.
 */
export type Forgery = "join-elsewhere" | "join-mismatched" | "late" | "minutely" | "replay";
export const FORGERY_LABEL = "issue-18 forgery";
export const forgeryOf = (label: string): Forgery | undefined =>
  label.startsWith(FORGERY_LABEL) ? (label.split(" ")[2] as Forgery) : undefined;

export const FORGERY_SAYS = {
  outsider: /That invitation is for a channel you are not in/,
  closed: /This round is closed/,
  late: /This round closed on \d{1,2} [A-Z][a-z]{2} \d{4}: (your answers count in its summary|you had not finished)/,
  minutely: /fires more than once a day: a channel gets at most one reminder a day/,
  help: /Here is what I can do/,
};

/** Somebody who was mid-questionnaire when a seeded round closed, on each platform. */
export interface LateRespondent {
  user: string;
  /** The question they would answer next, and a valid option. */
  question: string;
}

const kind = fc.constantFrom<Forgery>("join-elsewhere", "join-mismatched", "late", "minutely", "replay");
const cron = fc.constantFrom('"* * * * *" UTC', '"*/5 * * * *" Europe/Berlin', '"0 9,17 * * *" UTC', '"0 * * * 1"');
const nav = fc.constantFrom("answer", "back", "skip", "resume");
const copies = fc.constantFrom(2, 3);

/** The person a forgery comes from: someone nobody else in the corpus is, never a member of the seeded channels. */
const forger = (n: number) => slackPerson(n);

export function slackForgeries(t: SlackTargets, late: LateRespondent): fc.Arbitrary<RequestBuilder> {
  return fc.record({ kind, cron, nav, copies, inDm: fc.boolean() }).map(
    (s): RequestBuilder =>
      (n) => {
        const label = `${FORGERY_LABEL} ${s.kind} slack`;
        const hook = `f${n}`;
        const command = (user: string, channel: string, text: string, times = 1) =>
          slackRequest({
            label,
            body: formOf({
              ...commandFields(t.api),
              team_id: t.team,
              channel_id: channel,
              user_id: user,
              user_name: user.toLowerCase(),
              text,
              response_url: t.api.responseUrl(hook),
            }),
            contentType: FORM,
            how: "good",
            reach: { user, hook },
            copies: times,
            status: [200],
            says: text === "help" ? FORGERY_SAYS.help : FORGERY_SAYS.minutely,
            once: times > 1,
          });
        const click = (user: string, value: object, container: string, says: RegExp) => {
          const ts = `1770${String(n).padStart(6, "0")}.000100`;
          const payload = buttonClick(
            { a: "join", c: container, r: "placeholder" },
            { channel: container, messageTs: ts, user, responseUrl: t.api.responseUrl(hook) },
          );
          const [first] = payload.actions as Array<Record<string, unknown>>;
          if (first) first.value = JSON.stringify(value);
          return slackRequest({
            label,
            body: interactionBody(payload),
            contentType: FORM,
            how: "good",
            reach: { user, ts, hook },
            status: [200],
            says,
          });
        };
        const user = forger(n);
        const open = { c: t.open.channel, r: t.open.round };
        switch (s.kind) {
          case "join-elsewhere":
            return click(user, { a: "join", ...open }, s.inDm ? dmOf(user) : `C0HXJ${n}`, FORGERY_SAYS.outsider);
          case "join-mismatched":
            // The open round's id under the closed channel's name, clicked in the open channel.
            return click(
              user,
              { a: "join", c: t.closed.channel, r: t.open.round },
              t.open.channel,
              FORGERY_SAYS.closed,
            );
          case "late": {
            const ref = { c: t.closed.channel, r: t.closed.round };
            const value = s.nav === "answer" ? { a: "answer", ...ref, q: late.question, v: "2" } : { a: s.nav, ...ref };
            return click(late.user, value, dmOf(late.user), FORGERY_SAYS.late);
          }
          case "minutely":
            return command(user, s.inDm ? `C0HXM${n}` : t.open.channel, `schedule cron ${s.cron}`);
          case "replay":
            return command(user, t.open.channel, "help", s.copies);
        }
      },
  );
}

export function teamsForgeries(t: TeamsTargets, late: LateRespondent): fc.Arbitrary<RequestBuilder> {
  return fc.record({ kind, cron, nav, copies, inPersonal: fc.boolean() }).map(
    (s): RequestBuilder =>
      (n) => {
        const label = `${FORGERY_LABEL} ${s.kind} teams`;
        const request = (user: string, activity: Record<string, unknown>, says: RegExp, times = 1) =>
          teamsRequest({
            label,
            activity,
            mutations: undefined,
            serviceUrl: "fake",
            tenant: "real",
            t,
            reach: { user },
            says,
            copies: times,
            ...(times > 1 ? { once: true } : {}),
          });
        const user = teamsPerson(n);
        const elsewhere = s.inPersonal ? ("personal" as const) : { channel: `19:hxj${n}@thread.tacv2` };
        const open = { c: t.open.channel, r: t.open.round };
        switch (s.kind) {
          case "join-elsewhere":
            return request(
              user,
              activityFrom(user, elsewhere, t.tenant).invoke({ ma: JSON.stringify({ a: "join", ...open }) }, `fj${n}`),
              FORGERY_SAYS.outsider,
            );
          case "join-mismatched":
            return request(
              user,
              activityFrom(user, { channel: t.open.channel }, t.tenant).invoke(
                { ma: JSON.stringify({ a: "join", c: t.closed.channel, r: t.open.round }) },
                `fm${n}`,
              ),
              FORGERY_SAYS.closed,
            );
          case "late": {
            const ref = { c: t.closed.channel, r: t.closed.round };
            const value = s.nav === "answer" ? { a: "answer", ...ref, q: late.question, v: "2" } : { a: s.nav, ...ref };
            return request(
              late.user,
              activityFrom(late.user, "personal", t.tenant).invoke({ ma: JSON.stringify(value) }, `fl${n}`),
              FORGERY_SAYS.late,
            );
          }
          case "minutely":
            return request(
              user,
              activityFrom(user, { channel: t.open.channel, thread: `f${n}` }, t.tenant).mention(
                `schedule cron ${s.cron}`,
                `fs${n}`,
              ),
              FORGERY_SAYS.minutely,
            );
          case "replay":
            return request(
              user,
              activityFrom(user, "personal", t.tenant).mention("help", `fr${n}`),
              FORGERY_SAYS.help,
              s.copies,
            );
        }
      },
  );
}
