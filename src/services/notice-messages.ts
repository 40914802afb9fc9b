/**
 * The leads', board's and admins' reminders as neutral Messages: escalations, silent-workstream
 * nudges, event countdowns, "not mine" notices and unreachable-person reports.
 */
import type { Message } from '../chat/message.js';
import type { Event } from '../db/generated/sqlite/client.js';
import { type ActionView, actionLine, formatActionRef } from '../domain/actions.js';
import { type Day, formatLongDate, formatUkDate, todayIn } from '../domain/dates.js';
import { eventKindLabel, eventRef } from '../domain/event-kind.js';
import { isRag, ragLabel, ragMark } from '../domain/rag.js';
import { countdownWords } from '../domain/reminders.js';
import { toSafeText, truncateText } from '../domain/text.js';
import { VISIT_KINDS } from './visit-pack/load-visit-pack.js';

export const SILENCE_BUTTON = 'silence_add_update';
export const REASSIGN_BUTTON = 'not_mine_reassign';

type Workstream = { code: string; name: string };
const title = (w: Workstream) => `${w.code} ${toSafeText(w.name)}`;

/**
 * Weekly, the workstream's actions overdue by the escalation threshold or more: to a lead, or to
 * an admin when the owner is the workstream's lead (see src/domain/escalation.ts).
 */
export function escalationMessage(input: {
  workstream: Workstream;
  actions: ActionView[];
  total: number;
  escalationDays: number;
  today: Day;
  to: 'lead' | 'admin' | 'admin_no_lead';
}): Message {
  const { workstream, total } = input;
  const heading = `<icon:alarm> *Escalation: ${total} ${total === 1 ? 'action' : 'actions'} in ${title(workstream)} ${total === 1 ? 'is' : 'are'} ${input.escalationDays} or more days overdue.*`;
  const lines = input.actions.map((a) => `• ${actionLine(a, input.today)}`).join('\n');
  const more =
    total > input.actions.length
      ? `\n…and ${total - input.actions.length} more: \`/improve action list overdue\`.`
      : '';
  return {
    text: `Escalation: ${total} overdue ${total === 1 ? 'action' : 'actions'} in ${workstream.code}`,
    blocks: [
      { type: 'section', text: heading },
      { type: 'section', text: `${lines}${more}` },
      {
        type: 'context',
        text: `${sentTo(input.to, workstream.code, total)} Chase the owners, or move a date with \`/improve action extend A-12 31/03/2027 <reason>\`.`,
      },
    ],
  };
}

/** Why this person has the escalation: an admin is told, since escalations usually go to leads. */
function sentTo(to: 'lead' | 'admin' | 'admin_no_lead', code: string, total: number): string {
  if (to === 'lead') return 'Sent to the workstream lead once a week.';
  const why =
    to === 'admin_no_lead'
      ? `${code} has no lead`
      : `${total === 1 ? 'its owner leads' : 'their owners lead'} ${code}`;
  return `Sent to the programme's admins once a week, because ${why}.`;
}

/** To a lead, the working day before the digest, when their workstream has gone quiet. */
export function silenceMessage(input: {
  reminderId: number;
  workstream: Workstream & { id: number };
  lastUpdate: Date | null;
  timezone: string;
  digestDay: Day;
}): Message {
  const { workstream } = input;
  const last = input.lastUpdate ? `since ${formatUkDate(todayIn(input.lastUpdate, input.timezone))}` : 'yet';
  const ask = `*${title(workstream)}* has had no update ${last}. The board digest goes out on ${formatLongDate(input.digestDay)}: add an update so the board sees where things stand.`;
  return {
    text: `${workstream.code} has had no update ${last}: add one before the digest.`,
    blocks: [
      {
        type: 'section',
        text: ask,
        button: {
          text: 'Add update',
          actionId: SILENCE_BUTTON,
          value: `${input.reminderId}.${workstream.id}`,
          style: 'primary',
        },
      },
    ],
  };
}

/** The nudge once answered: the update, so the lead sees what the board will read. */
export function silenceAnsweredMessage(workstream: Workstream, update: string, rag: string | null): Message {
  const ragLine = rag && isRag(rag) ? `\nRAG: ${ragMark(rag)} ${ragLabel(rag)}` : '';
  return {
    text: `Thank you: your update on ${workstream.code} is in.`,
    blocks: [
      {
        type: 'section',
        text: `<icon:done> *Thank you: your update on ${title(workstream)} is in.*\n${toSafeText(truncateText(update, 2000))}${ragLine}`,
      },
    ],
  };
}

/** To the board channel and the linked workstreams' leads, counting down to a visit or deadline. */
/** The countdown step (days before) at which a visit's reminder points to the pre-visit pack. */
export const VISIT_PACK_STEP = 14;

export function countdownMessage(input: {
  event: Event;
  workstreams: Workstream[];
  today: Day;
  /** The step due (days before the event); at 14 a visit's reminder names its pre-visit pack. */
  step?: number;
}): Message {
  const { event } = input;
  const what = `${eventKindLabel(event.kind)} ${countdownWords(event.startDate, input.today)}`;
  const lines = [
    `<icon:calendar> *${what}*: ${formatLongDate(event.startDate)}${event.endDate && event.endDate !== event.startDate ? ` to ${formatLongDate(event.endDate)}` : ''} (${eventRef(event.number)})`,
  ];
  if (event.theme) lines.push(`*Theme:* ${toSafeText(event.theme)}`);
  if (input.workstreams.length > 0)
    lines.push(`*Linked workstreams:* ${input.workstreams.map(title).join(', ')}`);
  if (input.step === VISIT_PACK_STEP && VISIT_KINDS.includes(event.kind))
    lines.push(
      `*Pre-visit pack:* \`/improve visit pack ${eventRef(event.number)}\` gathers each linked workstream's RAG history, updates, actions with evidence, KPIs and recommendations since the previous visit (admins and leads).`,
    );
  return {
    text: `${what}: ${formatUkDate(event.startDate)}`,
    blocks: [{ type: 'section', text: lines.join('\n') }],
  };
}

/**
 * To the workstream's leads when an owner says an action is not theirs. `settled` says what has
 * happened since (reassigned, closed), in place of the button.
 */
export function notMineMessage(input: {
  reminderId: number;
  action: ActionView;
  fromUserId: string;
  suggestedUserId: string;
  note: string | null;
  today: Day;
  settled?: string;
}): Message {
  const { action } = input;
  const ref = formatActionRef(action.number);
  const lines = [
    `<icon:returned> <person:${input.fromUserId}> says *${ref}* is not theirs and suggests <person:${input.suggestedUserId}>.`,
    actionLine(action, input.today),
  ];
  if (input.note) lines.push(`*Why:* ${toSafeText(truncateText(input.note, 500))}`);
  if (input.settled) {
    lines.push(`<icon:done> ${input.settled}`);
    return { text: `${ref}: ${input.settled}`, blocks: [{ type: 'section', text: lines.join('\n') }] };
  }
  return {
    text: `<person:${input.fromUserId}> says ${ref} is not theirs`,
    blocks: [
      { type: 'section', text: lines.join('\n') },
      {
        type: 'actions',
        buttons: [
          {
            text: 'Reassign as suggested',
            actionId: REASSIGN_BUTTON,
            value: `${input.reminderId}.${action.number}.${input.suggestedUserId}`,
            style: 'primary',
          },
        ],
      },
      { type: 'context', text: `Or give it to someone else: \`/improve action reassign ${ref} @someone\`.` },
    ],
  };
}

/** To each admin, once, when Slack says a person with reminders is deactivated or unknown. */
export function unreachableMessage(platformUserId: string): Message {
  const text = `<icon:warning> I can't reach <person:${platformUserId}> on Slack: their account is deactivated or unknown, so they are getting no reminders. Their actions need a new owner: \`/improve action list @user\` shows them and \`/improve action reassign\` moves them.`;
  return { text: `I can't reach <person:${platformUserId}> on Slack`, blocks: [{ type: 'section', text }] };
}
