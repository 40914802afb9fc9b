/**
 * What answering a reminder shows: the reminder DM re-rendered from the database (chat.update),
 * or the App Home re-published when the button was pressed there. A refused or stale answer
 * (already done, moved to someone else) changes nothing, says why, and still refreshes the
 * message so it shows the current state.
 */
import { plain } from '../src/chat/message.js';
import { AppError, isAppError } from '../src/domain/errors.js';
import { buildHome } from '../src/services/build-home.js';
import { currentActionReminder, reminderListing } from '../src/services/current-reminder.js';
import { findReminder } from '../src/services/reminder-log.js';
import { parseButtonValue } from '../src/services/reminder-messages.js';
import { ephemeral } from './replies.js';
import type { CommandContext, Reply } from './types.js';

export type Source = number | 'home';

/** What a reminder button or modal carries: where it came from and which action. */
export interface Answering {
  source: Source;
  actionNumber: number;
}

export function readButton(value: string): Answering {
  const parsed = parseButtonValue(value);
  if (!parsed)
    throw new AppError(
      'stale',
      'This button belongs to an old message; nothing was changed. Your open actions are in the bot’s Home tab.',
    );
  return parsed;
}

/** What the person typed in a form can fix: these stay in the form, with what they typed. */
const FIXABLE = new Set(['bad_input', 'personal_data']);

/**
 * Runs the change; an AppError becomes a warning beside the refreshed message, not a failure.
 * From a form, an error the person can fix is thrown on, for the form to show by its field.
 */
export async function answer(
  answering: Answering,
  ctx: CommandContext,
  change: () => Promise<unknown>,
  fromForm = false,
  /** What to tell the person besides the refreshed message (a new date sent for approval), if anything. */
  said: () => string | undefined = () => undefined,
): Promise<Reply> {
  try {
    await change();
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'duplicate_request') return { kind: 'none' };
    if (fromForm && FIXABLE.has(error.code)) throw error;
    return refreshed(answering, ctx, error.message);
  }
  return refreshed(answering, ctx, undefined, said());
}

/** A fixable error shown on the form's field; anything else goes on to the chat layer. */
export function onField(
  error: unknown,
  field: (message: string) => string,
): { errors: Record<string, string> } {
  if (isAppError(error) && FIXABLE.has(error.code))
    return { errors: { [field(error.message)]: error.message.slice(0, 2000) } };
  throw error;
}

/** The reminder (or Home tab) as it stands now, with an optional warning for the person. */
export async function refreshed(
  answering: Answering,
  ctx: CommandContext,
  warning?: string,
  info?: string,
): Promise<Reply> {
  const { source } = answering;
  if (source === 'home') return refreshedHome(answering.actionNumber, ctx, warning);
  const log = await findReminder(ctx.deps.db, ctx.actor.workspaceId, source);
  const said = warning ? `<icon:warning> ${warning}` : info;
  // Only the person the reminder went to has it in their DMs; anyone else just hears the outcome.
  if (!log?.channelId || !log.messageId || log.recipient !== ctx.actor.userId || log.kind !== 'action') {
    return ephemeral(said ?? '<icon:done> Saved.');
  }
  return {
    kind: 'channel',
    message: await currentActionReminder(ctx.deps, log),
    replace: { channelId: log.channelId, messageId: log.messageId },
    ...(said ? { confirmation: plain(said) } : {}),
  };
}

/** The Home tab, and the person's latest reminder DM if it lists the action answered from there. */
async function refreshedHome(actionNumber: number, ctx: CommandContext, warning?: string): Promise<Reply> {
  const home = await buildHome(ctx.deps, ctx.actor, warning);
  const log = await reminderListing(ctx.deps.db, ctx.actor.workspaceId, ctx.actor.userId, actionNumber);
  if (!log?.channelId || !log.messageId) return { kind: 'home', message: home };
  const reminder = { channelId: log.channelId, messageId: log.messageId };
  return {
    kind: 'home',
    message: home,
    reminder: { ...reminder, message: await currentActionReminder(ctx.deps, log) },
  };
}

/** The modal's private metadata: the answering, plus the channel for the chat layer. */
export const modalMetadata = (answering: Answering, ctx: CommandContext): string =>
  JSON.stringify({
    source: answering.source,
    actionNumber: answering.actionNumber,
    channelId: ctx.channelId,
  });

export function readMetadata(privateMetadata: string): Answering {
  const meta = JSON.parse(privateMetadata || '{}') as Partial<Answering>;
  if (typeof meta.actionNumber !== 'number' || (meta.source !== 'home' && typeof meta.source !== 'number')) {
    throw new AppError('stale', 'This form belongs to an old message; nothing was changed.');
  }
  return { source: meta.source, actionNumber: meta.actionNumber };
}
