/**
 * A digest that cannot be posted for a reason a person must fix (the bot is not in the board
 * channel, the channel is gone) is reported to the workspace's admins by DM, once per problem.
 */
import { plain } from '../chat/message.js';
import { formatLongDate } from '../domain/dates.js';
import { toSafeText } from '../domain/text.js';
import type { ChatDeps } from '../services/deps.js';

const REASONS: Record<string, string> = {
  not_in_channel:
    'the bot is not a member of that channel. Invite it by typing `/invite @improvement-bot` in the channel',
  channel_not_found:
    'Slack cannot find that channel (it may have been deleted, or it is private and the bot was never invited). Invite the bot, or choose another board channel with `/improve setup #channel`',
  channel_archived:
    'the channel is archived. Unarchive it, or choose another board channel with `/improve setup #channel`',
  missing_permission: 'the app is missing a Slack permission. Reinstall it from its Slack app settings',
};

/** A failure while looking in the channel for an earlier attempt's digest is stored as 'check:<code>'. */
export const CHECK_PREFIX = 'check:';

/** The same failures as a Teams admin fixes them: there is no inviting a bot to one channel there. */
const TEAMS_REASONS: Record<string, string> = {
  not_in_channel:
    'the app has not been added to that channel’s team. Add it to the team in Teams (Apps, Manage your apps, Add to a team), then type `improve setup` in the channel',
  channel_not_found:
    'Teams cannot find that channel (it may have been deleted). Choose another board channel by typing `improve setup` in it',
  recipient_unreachable: 'Teams would not let the bot message that person',
  missing_permission:
    'the Teams app is blocked or missing a permission. Ask your Teams administrator to allow it',
  not_authorised: 'the bot’s Microsoft credentials were refused. Check CLIENT_ID and CLIENT_SECRET',
};

export function failureReason(code: string, platform: 'slack' | 'teams' = 'slack'): string {
  if (platform === 'teams') return TEAMS_REASONS[code] ?? `Teams answered “${code}”`;
  if (code.startsWith(CHECK_PREFIX)) {
    // Posting works without being in a public channel (chat:write.public), but reading its
    // history does not, and without it a retry cannot know whether the digest is already there.
    const inner = code.slice(CHECK_PREFIX.length);
    return `the bot could not look in that channel to check whether an earlier attempt already posted this week's digest (${REASONS[inner] ?? `Slack answered “${inner}”`})`;
  }
  return REASONS[code] ?? `Slack answered “${code}”`;
}

export async function tellAdminsDigestFailed(
  deps: ChatDeps,
  what: { workspaceId: string; programmeName: string; weekStart: string; channelId: string; code: string },
): Promise<void> {
  const admins = await deps.db.person.findMany({
    where: { workspaceId: what.workspaceId, role: 'admin' },
    select: { platformUserId: true },
  });
  const workspace = await deps.db.workspace.findUnique({ where: { id: what.workspaceId } });
  const platform = workspace?.platform === 'teams' ? 'teams' : 'slack';
  const text =
    `<icon:warning> The weekly digest for *${toSafeText(what.programmeName)}* (week of ${formatLongDate(what.weekStart)}) could not be posted to <channel:${what.channelId}>: ` +
    `${failureReason(what.code, platform)}.\nIt has *not* been marked as sent: I will try again every hour, and straight away when the board channel is changed. ` +
    `An admin can also post it with \`${platform === 'teams' ? 'improve' : '/improve'} digest send\`.`;
  for (const { platformUserId } of admins) {
    try {
      await deps.chat.dm(platformUserId, plain(text));
    } catch (error) {
      deps.logger.warn(
        { err: error, userId: platformUserId },
        'could not tell an admin that the digest failed',
      );
    }
  }
  if (admins.length === 0)
    deps.logger.warn({ workspaceId: what.workspaceId }, 'no admin to tell that the digest failed');
}
