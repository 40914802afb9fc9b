/**
 * The form `/improve action add` opens with no arguments: workstream, owner, due date and text,
 * with pickers so nothing has to be typed in a special form. Errors show beside the field.
 */
import type { Modal } from '../src/chat/message.js';
import { formatUkDate, isValidDay } from '../src/domain/dates.js';
import { isAppError } from '../src/domain/errors.js';
import { takeAddAnyway } from '../src/domain/similar-actions.js';
import { listWorkstreams } from '../src/services/list-workstreams.js';
import { actionAddInput, addAndPost } from './action-add.js';
import type { CommandContext, ModalHandler } from './types.js';

export const ACTION_ADD_MODAL = 'action_add_modal';

export async function actionAddModal(ctx: CommandContext): Promise<Modal> {
  const workstreams = await listWorkstreams(ctx.deps, ctx.actor);
  return {
    callbackId: ACTION_ADD_MODAL,
    title: 'Add an action',
    submitLabel: 'Add',
    privateMetadata: JSON.stringify({ channelId: ctx.channelId }),
    inputs: [
      {
        id: 'workstream',
        label: 'Workstream',
        kind: 'select',
        options: workstreams.map((w) => ({ value: w.code, label: `${w.code} ${w.name}`.slice(0, 75) })),
      },
      { id: 'owner', label: 'Owner', kind: 'user' },
      { id: 'due', label: 'Due date', kind: 'date' },
      { id: 'text', label: 'What is to be done', kind: 'multiline', maxLength: 2000 },
    ],
  };
}

export const actionAddModalHandler: ModalHandler = {
  callbackId: ACTION_ADD_MODAL,
  async submit(values, privateMetadata, ctx) {
    const errors = fieldErrors(values, ctx.today);
    if (Object.keys(errors).length > 0) return { errors };
    const parsed = actionAddInput.safeParse({
      workstream: values.workstream,
      ownerUserId: values.owner,
      dueDate: values.due,
      ...takeAddAnyway(values.text ?? ''),
    });
    if (!parsed.success) return { errors: { text: parsed.error.issues[0]?.message ?? 'Check the form.' } };
    const channelId =
      (JSON.parse(privateMetadata || '{}') as { channelId?: string }).channelId ?? ctx.channelId;
    try {
      return await addAndPost(parsed.data, { ...ctx, channelId });
    } catch (error) {
      // Who may add to which workstream is about the workstream picker, so the message goes there.
      if (isAppError(error) && (error.code === 'forbidden' || error.code === 'not_found'))
        return { errors: { workstream: error.message } };
      // An open action that reads the same: said beside the text, which the person can reword.
      if (isAppError(error) && error.goAhead) return { errors: { text: error.message } };
      throw error;
    }
  },
};

function fieldErrors(values: Record<string, string | undefined>, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.workstream) errors.workstream = 'Choose the workstream.';
  if (!values.owner) errors.owner = 'Choose who owns the action.';
  if (!values.due || !isValidDay(values.due)) errors.due = 'Choose the due date.';
  else if (values.due < today)
    errors.due = `${formatUkDate(values.due)} is in the past: choose today (${formatUkDate(today)}) or later.`;
  if (!values.text?.trim()) errors.text = 'Say what is to be done.';
  return errors;
}
