/**
 * What a modal submission's inputs hold. The values come back from the client, so each is read
 * as the kind of input it came from can give it: a person picker gives a Slack user id and a date
 * picker a date, a channel picker a channel id, nothing else. A forged "user" such as '<https://evil.example|Click>' would be
 * stored as a person and written into messages as a mention, which Slack would show as a link.
 */
import type { ViewOutput } from '@slack/bolt';
import { wellFormed } from '../../domain/text.js';
import type { ModalValues } from '../message.js';

/** Bolt's type of a submission's state; body-shape.ts has already checked the fields read here. */
type ViewState = ViewOutput['state'];

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Public (C…) and private (G…, or C… on newer workspaces) channels; DMs are not offered. */
const SLACK_CHANNEL_ID = /^[CG][A-Z0-9]{2,20}$/;

/** `value` if it is text of the given shape; anything else counts as not chosen. */
const shaped = (value: unknown, shape: RegExp): string | undefined =>
  typeof value === 'string' && shape.test(value) ? value : undefined;

/** The submitted value of every input, by input id (block id). */
export function readModalValues(state: ViewState): ModalValues {
  const values: ModalValues = {};
  for (const [blockId, actions] of Object.entries(state.values)) {
    for (const v of Object.values(actions)) {
      const value =
        v.value ??
        v.selected_option?.value ??
        shaped(v.selected_user, SLACK_USER_ID) ??
        shaped(v.selected_date, DAY) ??
        shaped(v.selected_conversation, SLACK_CHANNEL_ID);
      // As command text is: a NUL is dropped (PostgreSQL refuses it in text; SQLite stored it).
      values[blockId] = typeof value === 'string' ? wellFormed(value) : undefined;
    }
  }
  return values;
}
