/**
 * The owner's reminder as a neutral Message, built from database rows only, so it reads the same
 * when first sent and when re-rendered after a button press (chat.update), and the App Home can
 * show the same rows with the same buttons.
 */
import type { Block, Button, Message } from '../chat/message.js';
import type { Action, ActionEvent } from '../db/generated/sqlite/client.js';
import { daysOverdue, extensionRequestedWords, formatActionRef, formatDueDate } from '../domain/actions.js';
import { addDays, type Day, daysBetween, formatUkDate } from '../domain/dates.js';
import { toSafeText, truncateText } from '../domain/text.js';

/** An action as the reminder shows it, with what happened to it since the reminder went out. */
export interface ReminderRow {
  action: Action & { workstream: { code: string } };
  ownerPlatformUserId: string;
  /** ActionEvents since the reminder was sent, oldest first. */
  since: ActionEvent[];
}

/** Button action ids; the value is `<reminder id or 'home'>.<action number>`. */
export const REMINDER_BUTTONS = {
  done: 'reminder_done',
  newDate: 'reminder_new_date',
  update: 'reminder_add_update',
  notMine: 'reminder_not_mine',
} as const;

/** At most this many actions in one reminder: a longer list is not read (and two blocks a row stays inside every platform's message size). */
export const MAX_ROWS = 20;

export const buttonValue = (source: number | 'home', actionNumber: number): string =>
  `${source}.${actionNumber}`;

export function parseButtonValue(value: string): { source: number | 'home'; actionNumber: number } | null {
  const match = /^(home|\d+)\.(\d+)$/.exec(value);
  if (!match) return null;
  return { source: match[1] === 'home' ? 'home' : Number(match[1]), actionNumber: Number(match[2]) };
}

function timing(dueDate: Day, today: Day): string {
  const late = daysOverdue(dueDate, today);
  if (late > 0) return `*${late} ${late === 1 ? 'day' : 'days'} overdue*`;
  const ahead = daysBetween(today, dueDate);
  return ahead === 0 ? '*due today*' : ahead === 1 ? 'due tomorrow' : `due in ${ahead} days`;
}

/**
 * A due date's marker and words as seen on `today`, kept: a sweep writes the same few hundred
 * due dates into tens of thousands of rows. Bounded: forgotten now and then.
 */
const DUE_WORDS = new Map<string, { marker: string; words: string }>();

function dueWords(dueDate: Day, today: Day): { marker: string; words: string } {
  const key = `${today}|${dueDate}`;
  let found = DUE_WORDS.get(key);
  if (!found) {
    if (DUE_WORDS.size >= 10_000) DUE_WORDS.clear();
    const marker =
      dueDate < today ? '<rag:red>' : daysBetween(today, dueDate) <= 7 ? '<rag:amber>' : '<rag:not_started>';
    found = { marker, words: `due ${formatDueDate(dueDate, today)} · ${timing(dueDate, today)}` };
    DUE_WORDS.set(key, found);
  }
  return found;
}

/** Does the row still need an answer from this person? Then it keeps its buttons. */
export function awaitsAnswer(row: ReminderRow, personId: number): boolean {
  return (
    row.action.status === 'open' &&
    row.action.ownerId === personId &&
    !row.since.some((e) => e.kind === 'not_mine')
  );
}

/** One action: its line, what changed since, and the four buttons while it awaits an answer. */
export function reminderRowBlocks(
  row: ReminderRow,
  personId: number,
  source: number | 'home',
  today: Day,
): Block[] {
  const { action } = row;
  const head = `*${formatActionRef(action.number)}* ${action.workstream.code} · ${toSafeText(truncateText(action.text, 140))}`;
  const extended = [...row.since].reverse().find((e) => e.kind === 'extended');
  const comment = [...row.since].reverse().find((e) => e.kind === 'comment');
  const notes: string[] = [];
  if (extended?.fromDue) notes.push(`_New date set (was ${formatDueDate(extended.fromDue, today)})._`);
  if (comment?.note) notes.push(`_Update added: ${toSafeText(truncateText(comment.note, 200))}_`);
  const requested = extensionRequestedWords(action, today);
  if (requested)
    notes.push(
      `_${requested[0]!.toUpperCase()}${requested.slice(1)}: the workstream lead decides; until then the date stands._`,
    );
  const tail = notes.length > 0 ? `\n${notes.join('\n')}` : '';
  const closed = closedState(row, personId);
  if (closed) return [{ type: 'section', text: `${closed.emoji} ${head} · ${closed.words}${tail}` }];
  const due = dueWords(action.dueDate, today);
  const value = buttonValue(source, action.number);
  const buttons: Button[] = [
    { text: 'Done', actionId: REMINDER_BUTTONS.done, value, style: 'primary' },
    { text: 'New date', actionId: REMINDER_BUTTONS.newDate, value },
    { text: 'Add update', actionId: REMINDER_BUTTONS.update, value },
    { text: 'Not mine', actionId: REMINDER_BUTTONS.notMine, value },
  ];
  return [
    {
      type: 'section',
      text: `${due.marker} ${head} · ${due.words}${tail}`,
    },
    { type: 'actions', blockId: `action-${action.number}`, buttons },
  ];
}

function closedState(row: ReminderRow, personId: number): { emoji: string; words: string } | null {
  const { action } = row;
  if (action.status === 'done') return { emoji: '<icon:done>', words: '*done*, thank you' };
  if (action.status === 'verified') return { emoji: '<icon:medal>', words: '*verified*' };
  if (action.status === 'dropped') return { emoji: '<icon:dropped>', words: '*dropped*' };
  if (action.ownerId !== personId)
    return { emoji: '<icon:next>', words: `now with <person:${row.ownerPlatformUserId}>` };
  if (row.since.some((e) => e.kind === 'not_mine'))
    return {
      emoji: '<icon:returned>',
      words: 'you said this is not yours; the workstream lead has been told',
    };
  return null;
}

/** The owner's daily reminder: a summary line, one row per action, and how to pause reminders. */
export function actionReminderMessage(input: {
  reminderId: number;
  personId: number;
  rows: ReminderRow[];
  more: number;
  today: Day;
  dueSoonDays: number;
}): Message {
  const { rows, personId, today } = input;
  // Counted afresh from each action's current due date: one moved past the due-soon window by
  // New date is answered, even though it keeps its buttons until it is done.
  const horizon = addDays(today, input.dueSoonDays);
  const waiting = rows.filter((r) => awaitsAnswer(r, personId) && r.action.dueDate <= horizon);
  const overdue = waiting.filter((r) => r.action.dueDate < today).length;
  const soon = waiting.length - overdue;
  const counts = [
    overdue > 0 ? `${overdue} overdue` : '',
    soon > 0
      ? `${soon} due in the next ${input.dueSoonDays} ${input.dueSoonDays === 1 ? 'day' : 'days'}`
      : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const summary =
    waiting.length > 0
      ? `*Your actions that need an answer:* ${counts}. Answer with the buttons and the plan is updated straight away.`
      : '<icon:celebrate> *All answered, thank you.* The plan is up to date.';
  const more =
    input.more > 0
      ? [
          {
            type: 'context' as const,
            text: `…and ${input.more} more: \`/improve action list mine\` shows them all.`,
          },
        ]
      : [];
  const refs = rows.map((r) => formatActionRef(r.action.number)).join(', ');
  return {
    text: waiting.length > 0 ? `Reminder: ${counts} (${refs})` : `All answered, thank you (${refs})`,
    blocks: [
      { type: 'section', text: summary },
      ...rows.flatMap((row) => reminderRowBlocks(row, personId, input.reminderId, today)),
      ...more,
      { type: 'context', text: pauseHint(today) },
    ],
  };
}

/** How to pause reminders, with a date two weeks on as the example. */
export function pauseHint(today: Day): string {
  return `Away? \`/improve snooze ${formatUkDate(addDays(today, 14))}\` pauses reminders until that date; \`/improve reminders off\` stops them.`;
}
