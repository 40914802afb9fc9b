/**
 * The forms behind Done, New date, Add update and Not mine. Each submission calls one action service;
 * a problem the person can fix is shown on its field with their text kept, and on success the
 * reminder (or Home tab) is refreshed.
 */

import { commentOnAction } from '../src/services/comment-on-action.js';
import { completeAction } from '../src/services/complete-action.js';
import { declineAction } from '../src/services/decline-action.js';
import { extendAction } from '../src/services/extend-action.js';
import { extensionRequestedText } from './action-extend.js';
import { answer, onField, readMetadata } from './reminder-answers.js';
import { REMINDER_MODALS } from './reminder-buttons.js';
import type { ModalHandler } from './types.js';

export const doneModal: ModalHandler = {
  callbackId: REMINDER_MODALS.done,
  async submit(values, privateMetadata, ctx) {
    const answering = readMetadata(privateMetadata);
    const evidence = values.evidence ?? '';
    const change = () =>
      completeAction({ ref: answering.actionNumber, evidence, command: ctx.command }, ctx.deps, ctx.actor);
    return answer(answering, ctx, change, true).catch((error) => onField(error, () => 'evidence'));
  },
};

export const newDateModal: ModalHandler = {
  callbackId: REMINDER_MODALS.newDate,
  async submit(values, privateMetadata, ctx) {
    const answering = readMetadata(privateMetadata);
    const [due, reason] = [values.due ?? '', values.reason ?? ''];
    if (!due) return { errors: { due: 'Pick the new due date.' } };
    if (reason.trim().length < 3)
      return { errors: { reason: 'Say why the date is moving: the board will ask.' } };
    let requested: string | undefined;
    const change = async () => {
      const result = await extendAction(
        { ref: answering.actionNumber, dueDate: due, reason },
        ctx.deps,
        ctx.actor,
      );
      if (result.requested) requested = extensionRequestedText(result);
    };
    return answer(answering, ctx, change, true, () => requested).catch((error) =>
      onField(error, (m) => (/date|past/i.test(m) && !/personal|child/i.test(m) ? 'due' : 'reason')),
    );
  },
};

export const addUpdateModal: ModalHandler = {
  callbackId: REMINDER_MODALS.update,
  async submit(values, privateMetadata, ctx) {
    const answering = readMetadata(privateMetadata);
    const text = values.text ?? '';
    if (text.trim().length < 3) return { errors: { text: 'Say where the action has got to.' } };
    const change = () => commentOnAction({ ref: answering.actionNumber, text }, ctx.deps, ctx.actor);
    return answer(answering, ctx, change, true).catch((error) => onField(error, () => 'text'));
  },
};

export const notMineModal: ModalHandler = {
  callbackId: REMINDER_MODALS.notMine,
  async submit(values, privateMetadata, ctx) {
    const answering = readMetadata(privateMetadata);
    const owner = values.owner ?? '';
    if (!owner) return { errors: { owner: 'Pick who you think should own it.' } };
    if (owner === ctx.actor.userId) return { errors: { owner: 'Pick someone other than yourself.' } };
    const change = () =>
      declineAction(
        { ref: answering.actionNumber, suggestedUserId: owner, note: values.note },
        ctx.deps,
        ctx.actor,
      );
    return answer(answering, ctx, change, true).catch((error) =>
      onField(error, (m) => (/suggest/i.test(m) ? 'owner' : 'note')),
    );
  },
};
