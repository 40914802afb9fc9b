/**
 * Modal submissions, routed by callback id to the neutral handlers in commands/. Slack shows an
 * error in the modal unless it hears back within 3 seconds, and the handler writes to the
 * database, which may be slow. So the handler gets a budget: if it answers in time its field
 * errors are shown in the modal, where what the user typed stays; if not, the modal is closed
 * at once, the work finishes after, and its outcome (or its errors, with the user's text) comes
 * as a message.
 */
import type { App, SlackViewMiddlewareArgs } from '@slack/bolt';
import { MODAL_HANDLERS, submitModal } from '../../../../commands/index.js';
import { withUserText } from '../../../../commands/replies.js';
import type { ModalHandler, Reply } from '../../../../commands/types.js';
import { isAppError } from '../../../domain/errors.js';
import type { Deps } from '../../../services/deps.js';
import { readStamp } from '../../programme-stamp.js';
import { commandContext, type SlackRequestFacts } from '../context.js';
import { type DeliveryTarget, deliver } from '../deliver.js';
import type { MetadataSeal } from '../metadata-seal.js';
import { errorsWithNames, slackNames } from '../modal-errors.js';
import { readModalValues } from '../modal-values.js';
import { actingWorkspace, NO_WORKSPACE_REPLY } from '../workspace.js';

/** Leaves Slack's 3 seconds room for the network and Bolt. */
export const ACK_BUDGET_MS = 1500;

const FORGED_FORM =
  'Sorry, this form does not belong to this workspace (or it was altered on its way back), so nothing was saved. Please open it again.';
const OUR_FAULT =
  'Sorry, something went wrong on our side and nothing was saved. Your text is still here: please try again.';

type Outcome =
  | { kind: 'errors'; errors: Record<string, string> }
  | { kind: 'reply'; reply: Reply }
  | { kind: 'duplicate' };

type View = { id: string; hash?: string; callback_id: string; private_metadata?: string; blocks: unknown[] };

export function registerViews(app: App, deps: Deps, command: string, seal: MetadataSeal): void {
  app.view(/.*/, async ({ ack, body, view, client }) => {
    const handler = MODAL_HANDLERS.find((h) => h.callbackId === view.callback_id);
    if (!handler) {
      deps.logger.warn({ callbackId: view.callback_id }, 'unknown modal');
      return ack();
    }
    const onField = fieldErrorFor(view);
    const teamId = actingWorkspace(body);
    if (!teamId) return ack({ response_action: 'errors', errors: onField(NO_WORKSPACE_REPLY).errors });
    // Only metadata we sealed for this workspace is believed (metadata-seal.ts).
    const opened = seal.open(teamId, view.private_metadata ?? '');
    if (opened === null) {
      deps.logger.warn({ teamId, callbackId: view.callback_id }, 'refused forged private_metadata');
      return ack({ response_action: 'errors', errors: onField(FORGED_FORM).errors });
    }
    // The programme the form belongs to (programme-stamp.ts), checked against the workspace.
    const { programmeId, value: metadata } = readStamp(opened);
    const channelId = (safeJson(metadata) as { channelId?: string }).channelId ?? body.user.id;
    const values = readModalValues(view.state);
    const facts = {
      teamId,
      userId: body.user.id,
      userName: body.user.name,
      channelId,
      programmeId,
      requestKey: `view:${view.id}:${view.hash}`,
    };
    const work = submit(deps, command, handler, { facts, values, metadata }, onField);
    const target = {
      client,
      channelId,
      userId: body.user.id,
      workspaceId: teamId,
      seal,
      logger: deps.logger,
    };
    await answer(work, { ack, values, target, names: slackNames(client, deps, teamId) });
  });
}

/** Errors not tied to one input go on the form's last input, where the person is looking. */
function fieldErrorFor(view: View): (message: string) => Extract<Outcome, { kind: 'errors' }> {
  const lastInput =
    (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').at(-1)
      ?.block_id ?? 'text';
  return (message) => ({ kind: 'errors', errors: { [lastInput]: message } });
}

/**
 * In time: errors in the modal, or the modal closed and the reply delivered. Late: the modal
 * closes at once, and the outcome follows as a message.
 */
async function answer(
  work: Promise<Outcome>,
  how: {
    ack: SlackViewMiddlewareArgs['ack'];
    values: Record<string, string | undefined>;
    target: DeliveryTarget;
    names: ReturnType<typeof slackNames>;
  },
): Promise<void> {
  const inTime = await within(work, ACK_BUDGET_MS);
  if (!inTime) {
    await how.ack();
    return deliverLate(await work, how.values, how.target);
  }
  if (inTime.kind === 'errors')
    return how.ack({ response_action: 'errors', errors: await errorsWithNames(inTime.errors, how.names) });
  await how.ack();
  if (inTime.kind === 'reply') await deliver(inTime.reply, how.target);
}

/** Runs the handler; every failure becomes an outcome, so a late one can still be told. */
async function submit(
  deps: Deps,
  command: string,
  handler: ModalHandler,
  input: { facts: SlackRequestFacts; values: Record<string, string | undefined>; metadata: string },
  onField: (message: string) => Extract<Outcome, { kind: 'errors' }>,
): Promise<Outcome> {
  try {
    const ctx = await commandContext(deps, command, input.facts);
    const result = await submitModal(handler, input.values, input.metadata, ctx);
    return 'errors' in result ? { kind: 'errors', errors: result.errors } : { kind: 'reply', reply: result };
  } catch (error) {
    // A retried submission that was already stored: the first one succeeded, so just close the modal.
    if (isAppError(error) && error.code === 'duplicate_request') return { kind: 'duplicate' };
    if (isAppError(error)) return onField(error.message.slice(0, 2000));
    deps.logger.error({ err: error }, 'modal submission failed');
    return onField(OUR_FAULT);
  }
}

/** After the modal has closed: the reply as usual, or the errors with everything the user typed. */
async function deliverLate(
  outcome: Outcome,
  values: Record<string, string | undefined>,
  target: DeliveryTarget,
): Promise<void> {
  if (outcome.kind === 'duplicate') return;
  if (outcome.kind === 'reply') return deliver(outcome.reply, target);
  const typed = Object.values(values).filter(Boolean).join('\n');
  await deliver(withUserText([`:warning: ${Object.values(outcome.errors).join(' ')}`], typed), target);
}

/** The promise's value if it settles within `ms`, else null (the promise runs on). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return {};
  }
}
