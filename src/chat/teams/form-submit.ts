/**
 * A submitted Teams form, from a chat's Action.Execute or a message extension's dialog: the same
 * neutral ModalHandler as Slack's modal submission, found by the form's callback id. Field errors
 * come back as the form again (what the person typed kept, the refusal under its field) and nothing
 * is written; otherwise the handler's reply.
 */
import { MODAL_HANDLERS, submitModal } from '../../../commands/index.js';
import type { Reply } from '../../../commands/types.js';
import { isAppError } from '../../domain/errors.js';
import type { Deps } from '../../services/deps.js';
import type { Modal } from '../message.js';
import { readStamp } from '../programme-stamp.js';
import { type TeamsActivityFacts, teamsCommandContext } from './context.js';
import type { FormData } from './form.js';

export type FormOutcome =
  | {
      kind: 'errors';
      form: Modal;
      values: Record<string, string | undefined>;
      errors: Record<string, string>;
    }
  | { kind: 'reply'; reply: Reply }
  | { kind: 'unknown' };

const OUR_FAULT =
  'Sorry, something went wrong on our side and nothing was saved. Your text is still here: please try again.';

/** The submitted data: the form's own fields (FormData) beside the inputs' values. */
export async function submitForm(
  deps: Deps,
  facts: TeamsActivityFacts,
  data: Record<string, unknown> | undefined,
): Promise<FormOutcome> {
  const { callbackId, privateMetadata, form, ...rest } = (data ?? {}) as Partial<FormData> &
    Record<string, unknown>;
  const handler = MODAL_HANDLERS.find((h) => h.callbackId === callbackId);
  if (!handler || !form || !Array.isArray(form.inputs)) return { kind: 'unknown' };
  const values: Record<string, string | undefined> = {};
  for (const input of form.inputs) {
    const value = rest[input.id];
    values[input.id] = typeof value === 'string' && value !== '' ? value : undefined;
  }
  const onLast = (message: string) => ({
    kind: 'errors' as const,
    form,
    values,
    errors: { [form.inputs.at(-1)?.id ?? 'text']: message },
  });
  try {
    // The programme the form belongs to (programme-stamp.ts), checked against the tenant.
    const stamp = readStamp(typeof privateMetadata === 'string' ? privateMetadata : '');
    const ctx = await teamsCommandContext(deps, {
      ...facts,
      ...(stamp.programmeId !== undefined ? { programmeId: stamp.programmeId } : {}),
    });
    const result = await submitModal(handler, values, stamp.value, ctx);
    if ('errors' in result) return { kind: 'errors', form, values, errors: result.errors };
    return { kind: 'reply', reply: result };
  } catch (error) {
    if (isAppError(error) && error.code === 'duplicate_request')
      return { kind: 'reply', reply: { kind: 'none' } };
    if (isAppError(error)) return onLast(error.message.slice(0, 2000));
    deps.logger.error({ err: error }, 'Teams form submission failed');
    return onLast(OUR_FAULT);
  }
}
