/**
 * Slack's OAuth v2 exchange as the stand-in plays it: a test mints a code for a workspace (as
 * Slack does when someone approves the install), and `oauth.v2.access` trades it, once, for a
 * bot token (and a user token) of that workspace. `auth.test` then names the token's workspace,
 * so one stand-in serves several installed workspaces and records which token each call used.
 */
import type { BuiltInMethod } from './method-types.js';
import { fail, ok, stringArg } from './replies.js';

export interface FakeInstallTeam {
  id: string;
  name?: string;
  /** Who approved the install (the installing user). */
  userId?: string;
}

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export class FakeInstalls {
  private readonly codes = new Map<string, FakeInstallTeam>();
  private readonly teams = new Map<string, string>();
  private count = 0;
  client: OAuthClient | undefined;

  /** A one-time code for the redirect, as Slack hands the browser after approval. */
  mintCode(team: FakeInstallTeam): string {
    const code = `code-${team.id}-${++this.count}`;
    this.codes.set(code, team);
    return code;
  }

  /** The workspace a token minted here belongs to, if it was minted here. */
  teamOf(token: string): string | undefined {
    return this.teams.get(token);
  }

  /** Trades a code, once; undefined for an unknown or used code. */
  exchange(code: string): { team: FakeInstallTeam; bot: string; user: string } | undefined {
    const team = this.codes.get(code);
    if (!team) return undefined;
    this.codes.delete(code);
    const n = ++this.count;
    const bot = `xoxb-${team.id}-${n}-fake`;
    const user = `xoxp-${team.id}-${n}-fake`;
    this.teams.set(bot, team.id).set(user, team.id);
    return { team, bot, user };
  }
}

/** `oauth.v2.access`: needs the app's client id and secret and a code from `mintCode`. */
export const oauthV2Access: BuiltInMethod = (args, { workspace }) => {
  const client = workspace.installs.client;
  if (!client || stringArg(args, 'client_id') !== client.clientId) return fail('invalid_client_id');
  if (stringArg(args, 'client_secret') !== client.clientSecret) return fail('bad_client_secret');
  const granted = workspace.installs.exchange(stringArg(args, 'code') ?? '');
  if (!granted) return fail('invalid_code');
  const { team, bot, user } = granted;
  return ok({
    app_id: workspace.bot.appId,
    authed_user: {
      id: team.userId ?? 'U0INSTALLER',
      scope: 'identify',
      access_token: user,
      token_type: 'user',
    },
    scope:
      'commands,chat:write,chat:write.public,im:write,im:history,users:read,channels:history,groups:history',
    token_type: 'bot',
    access_token: bot,
    bot_user_id: workspace.bot.userId,
    team: { id: team.id, name: team.name ?? team.id },
    enterprise: null,
    is_enterprise_install: false,
  });
};
