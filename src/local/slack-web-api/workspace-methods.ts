import type { BuiltInMethod } from './method-types.js';
import { fail, ok, stringArg } from './replies.js';
import type { FakeUser } from './types.js';

const LONDON = 'Europe/London';

/** UTC offset in seconds for a zone at a moment, as Slack's `tz_offset` reports it. */
function tzOffsetSeconds(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!match) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

function renderUser(user: FakeUser, teamId: string, at: Date): Record<string, unknown> {
  const name = user.name ?? user.id.toLowerCase();
  const realName = user.realName ?? name;
  const tz = user.tz ?? LONDON;
  return {
    id: user.id,
    team_id: teamId,
    name,
    deleted: user.deleted ?? false,
    real_name: realName,
    tz,
    tz_label: tz,
    tz_offset: tzOffsetSeconds(tz, at),
    is_bot: user.isBot ?? false,
    is_app_user: false,
    is_admin: false,
    is_owner: false,
    updated: 1_600_000_000,
    profile: {
      real_name: realName,
      display_name: user.displayName ?? '',
      ...(user.email ? { email: user.email } : {}),
      team: teamId,
    },
  };
}

/** `users.info`: only users in the roster exist here. */
export const usersInfo: BuiltInMethod = (args, { workspace }) => {
  const id = stringArg(args, 'user');
  const user = id ? workspace.users.get(id) : undefined;
  if (!user) return fail('user_not_found');
  return ok({ user: renderUser(user, workspace.teamId, workspace.clock()) });
};

/** `auth.test`: identifies the bot, as Bolt asks when it is not given botId/botUserId. */
export const authTest: BuiltInMethod = (_args, { workspace, token }) =>
  ok({
    url: 'https://improvement-local.slack.com/',
    team: 'Local Council',
    user: workspace.bot.name,
    // A token from an OAuth install (oauth-methods.ts) names the workspace that installed.
    team_id: workspace.installs.teamOf(token) ?? workspace.teamId,
    user_id: workspace.bot.userId,
    bot_id: workspace.bot.botId,
    is_enterprise_install: false,
  });

/** `team.info`: the workspace's name and domain. */
export const teamInfo: BuiltInMethod = (_args, { workspace }) =>
  ok({
    team: {
      id: workspace.teamId,
      name: 'Local Council',
      domain: 'improvement-local',
      email_domain: '',
      icon: { image_default: true },
    },
  });

/**
 * `apps.connections.open`: hands Socket Mode its WebSocket URL. Without an attached stand-in
 * we answer `invalid_auth` because SocketModeClient treats that as unrecoverable; any other
 * error makes `start()` retry forever.
 */
export const connectionsOpen: BuiltInMethod = (_args, { token, socketModeUrl }) => {
  if (!token.startsWith('xapp-')) return fail('not_allowed_token_type');
  if (!socketModeUrl) return fail('invalid_auth');
  return ok({ url: socketModeUrl() });
};
