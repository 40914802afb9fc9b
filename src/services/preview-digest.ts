/** `/improve digest preview`: this week's digest as it stands now, for anyone in the workspace. */
import type { Message, MessageLimits } from '../chat/message.js';
import { failureReason } from '../digest/notify-admins.js';
import { renderDigest } from '../digest/render-digest.js';
import { describeSchedule, digestSlot } from '../digest/schedule.js';
import { formatDateTimeUk } from '../domain/dates.js';
import { buildDigest } from './build-digest.js';
import type { Actor, Deps } from './deps.js';
import { loadProgramme } from './programme.js';

export async function previewDigest(
  deps: Deps,
  actor: Pick<Actor, 'workspaceId' | 'platform'>,
  limits?: MessageLimits,
): Promise<Message> {
  const programme = await loadProgramme(deps.db, actor);
  const slot = digestSlot(programme, deps.clock.now());
  const run = await deps.db.digestRun.findFirst({
    where: { workspaceId: actor.workspaceId, programmeId: programme.id, weekStart: slot.weekStart },
  });
  const at = (d: Date) => formatDateTimeUk(d, programme.timezone);
  const where = programme.boardChannelId
    ? `<channel:${programme.boardChannelId}>`
    : 'the board channel (none is set: `/improve setup #channel`)';
  const status =
    run?.status === 'posted' && run.postedAt
      ? `This week's digest was posted at ${at(run.postedAt)}.`
      : run?.status === 'failed'
        ? `This week's digest could not be posted: ${failureReason(run.lastError ?? 'unknown', actor.platform)}.`
        : `This week's is due at ${at(slot.dueAt)}.`;
  const note = `<icon:eyes> *Preview*: only you can see this. The digest goes to ${where} on ${describeSchedule(programme)} (${programme.timezone}). ${status}`;
  return renderDigest(
    await buildDigest({ workspaceId: actor.workspaceId, programmeId: programme.id }, deps),
    { notes: [note], ...(limits ? { limits } : {}) },
  );
}
