/**
 * The four buttons on every reminder (and on the App Home's actions): each opens a small form
 * (reminder-modals.ts): Done asks for the evidence, New date, Add update and Not mine. Each builds
 * on the action services, so the rules, history and audit are the same as the slash commands'.
 */
import type { Modal } from '../src/chat/message.js';
import type { Tx } from '../src/db/client.js';
import { formatActionRef, formatDueDate } from '../src/domain/actions.js';
import { addDays, todayIn } from '../src/domain/dates.js';
import { isAppError } from '../src/domain/errors.js';
import { toSafeText, truncateText } from '../src/domain/text.js';
import { loadAction, requireStatus } from '../src/services/find-action.js';
import { REMINDER_BUTTONS } from '../src/services/reminder-messages.js';
import { type Answering, modalMetadata, readButton, refreshed } from './reminder-answers.js';
import type { ButtonHandler, CommandContext, Reply } from './types.js';

export const REMINDER_MODALS = {
  done: 'reminder_done_evidence',
  newDate: 'reminder_new_date',
  update: 'reminder_update',
  notMine: 'reminder_not_mine',
} as const;

/** Opens the form only while the action is still open, so a stale message says so at once. */
function formButton(
  actionId: string,
  build: (a: Awaited<ReturnType<typeof loadAction>>, answering: Answering, ctx: CommandContext) => Modal,
): ButtonHandler {
  return {
    actionId,
    async press(value, ctx): Promise<Reply> {
      const answering = readButton(value);
      try {
        const found = await loadAction(ctx.deps.db as unknown as Tx, ctx.actor, answering.actionNumber);
        requireStatus(found.action, ['open'], found.programme.timezone);
        return { kind: 'modal', modal: build(found, answering, ctx) };
      } catch (error) {
        if (isAppError(error)) return refreshed(answering, ctx, error.message);
        throw error;
      }
    },
  };
}

const intro = (a: Awaited<ReturnType<typeof loadAction>>, today: string) =>
  `*${formatActionRef(a.action.number)}* ${a.workstream.code} · ${toSafeText(truncateText(a.action.text, 200))} · due ${formatDueDate(a.action.dueDate, today)}`;

/** Done asks what shows it is done; the programme says whether that note is required. */
export const doneButton = formButton(REMINDER_BUTTONS.done, (found, answering, ctx) => ({
  callbackId: REMINDER_MODALS.done,
  title: `Done: ${formatActionRef(found.action.number)}`,
  submitLabel: 'Mark done',
  privateMetadata: modalMetadata(answering, ctx),
  intro: intro(found, todayIn(ctx.deps.clock.now(), found.programme.timezone)),
  inputs: [
    {
      id: 'evidence',
      label: 'What shows it is done (the evidence)',
      kind: 'multiline',
      maxLength: 1000,
      optional: !found.programme.evidenceOnDone,
      hint: 'A document’s name or link, or a short note; never anyone’s personal details.',
    },
  ],
}));

export const newDateButton = formButton(REMINDER_BUTTONS.newDate, (found, answering, ctx) => {
  const today = todayIn(ctx.deps.clock.now(), found.programme.timezone);
  // The picker starts a fortnight after the later of today and the current due date.
  const from = [found.action.dueDate, today].sort().at(-1)!;
  return {
    callbackId: REMINDER_MODALS.newDate,
    title: `New date for ${formatActionRef(found.action.number)}`,
    submitLabel: 'Save',
    privateMetadata: modalMetadata(answering, ctx),
    intro: intro(found, today),
    inputs: [
      { id: 'due', label: 'New due date', kind: 'date', initial: addDays(from, 14) },
      { id: 'reason', label: 'Why it is moving (the board will ask)', kind: 'multiline', maxLength: 500 },
    ],
  };
});

export const addUpdateButton = formButton(REMINDER_BUTTONS.update, (found, answering, ctx) => ({
  callbackId: REMINDER_MODALS.update,
  title: `Update on ${formatActionRef(found.action.number)}`,
  submitLabel: 'Save',
  privateMetadata: modalMetadata(answering, ctx),
  intro: intro(found, todayIn(ctx.deps.clock.now(), found.programme.timezone)),
  inputs: [
    {
      id: 'text',
      label: 'Where has it got to?',
      kind: 'multiline',
      maxLength: 2000,
      hint: 'About the programme, never about a child: no names, dates of birth or case numbers.',
    },
  ],
}));

export const notMineButton = formButton(REMINDER_BUTTONS.notMine, (found, answering, ctx) => ({
  callbackId: REMINDER_MODALS.notMine,
  title: `Not mine: ${formatActionRef(found.action.number)}`,
  submitLabel: 'Tell the lead',
  privateMetadata: modalMetadata(answering, ctx),
  intro: `${intro(found, todayIn(ctx.deps.clock.now(), found.programme.timezone))}\nThe lead of ${found.workstream.code} decides who owns it; until then it stays with you.`,
  inputs: [
    { id: 'owner', label: 'Who should own it?', kind: 'user' },
    { id: 'note', label: 'Anything the lead should know', kind: 'multiline', optional: true, maxLength: 500 },
  ],
}));
