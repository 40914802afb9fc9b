/**
 * `--programme <name or id>`, read once for every subcommand, and the programme stamp on every
 * reply's buttons and modals (src/chat/programme-stamp.ts). Where a workspace runs several
 * programmes, a command typed outside a board channel says which one it means this way.
 */
import type { Message } from '../src/chat/message.js';
import { isStamped, stampMessage, stampModal } from '../src/chat/programme-stamp.js';
import { todayIn } from '../src/domain/dates.js';
import { AppError } from '../src/domain/errors.js';
import {
  chooseProgramme,
  requestProgrammes,
  scopedProgramme,
  workspaceProgrammes,
} from '../src/services/programme.js';
import type { Token } from './tokenize.js';
import type { CommandContext, Reply, RequestContext } from './types.js';

export const PROGRAMME_OPTION = '--programme';

/** The text without `--programme X`, and X; the option may stand anywhere in the command. */
export function takeProgrammeOption(raw: string, tokens: Token[]): { raw: string; name?: string } {
  const at = tokens.findIndex((t) => t.text.toLowerCase() === PROGRAMME_OPTION && !t.quoted);
  if (at < 0) return { raw };
  const option = tokens[at]!;
  const value = tokens[at + 1];
  if (!value || value.text.trim() === '')
    throw new AppError(
      'bad_input',
      'Please give the programme after `--programme`, its name in quotes or its number, such as `--programme "SEND plan"`.',
    );
  return {
    raw: `${raw.slice(0, option.start)}${raw.slice(value.end)}`.replace(/\s+$/, ''),
    name: value.text,
  };
}

/**
 * The request's context with its programmes read (requestProgrammes): the timezone and today of
 * its programme, and the workspace's programmes. A button or form naming another workspace's
 * programme is refused here, before anything runs.
 */
export async function scopeContext(ctx: RequestContext): Promise<CommandContext> {
  const { timezone, programmes } = await requestProgrammes(ctx.deps, ctx.actor);
  return { ...ctx, timezone, programmes, today: todayIn(ctx.deps.clock.now(), timezone) };
}

/**
 * The context with the named programme chosen, from one read of the workspace's programmes:
 * refused, listing the programmes, if there is none such.
 */
export async function withProgramme(ctx: RequestContext, name: string): Promise<CommandContext> {
  const programmes = await workspaceProgrammes(ctx.deps.sql, ctx.actor.workspaceId);
  const programme = chooseProgramme(programmes, { ...ctx.actor, programmeName: name });
  return {
    ...ctx,
    actor: { ...ctx.actor, programmeId: programme.id, programmeName: programme.name },
    timezone: programme.timezone,
    programmes,
    today: todayIn(ctx.deps.clock.now(), programme.timezone),
  };
}

type AnyReply = Reply | { kind: 'replace'; message: Message };

/**
 * The reply with its buttons and modal stamped with the request's programme, so a press later
 * acts on this programme wherever it happens. Nothing to stamp, or no programme (yet): unchanged.
 */
export async function stampReply<R extends AnyReply>(reply: R, ctx: RequestContext): Promise<R> {
  if (!needsStamp(reply)) return reply;
  const id =
    ctx.actor.programmeId ?? (await scopedProgramme(ctx.deps.sql, ctx.actor).catch(() => undefined))?.id;
  if (id === undefined) return reply;
  switch (reply.kind) {
    case 'modal':
      return { ...reply, modal: stampModal(reply.modal, id) };
    case 'ephemeral':
    case 'channel':
    case 'replace':
      return { ...reply, message: stampMessage(reply.message, id) };
    case 'home':
      return {
        ...reply,
        message: stampMessage(reply.message, id),
        ...(reply.reminder
          ? { reminder: { ...reply.reminder, message: stampMessage(reply.reminder.message, id) } }
          : {}),
      };
    default:
      return reply;
  }
}

/** Whether stamping could change the reply: a modal, or a button not stamped yet. */
function needsStamp(reply: AnyReply): boolean {
  if (reply.kind === 'modal') return true;
  if (reply.kind === 'none') return false;
  const unstamped = (button: { value: string } | undefined) =>
    button !== undefined && !isStamped(button.value);
  const hasUnstamped = (m: Message): boolean =>
    (m.blocks ?? []).some((b) =>
      b.type === 'actions' ? b.buttons.some(unstamped) : b.type === 'section' && unstamped(b.button),
    ) || (m.thread ?? []).some(hasUnstamped);
  if (reply.kind === 'home' && reply.reminder && hasUnstamped(reply.reminder.message)) return true;
  return hasUnstamped(reply.message);
}
