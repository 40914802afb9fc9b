/**
 * Bolt's installation store (@slack/oauth's InstallationStore) in our database: one
 * SlackInstallation row per workspace, or per Enterprise Grid org for an org-wide install.
 * The installation (its bot and user tokens included) is stored only sealed by token-cipher.ts;
 * every install, uninstall and revocation writes an audit row in the same transaction. Nothing
 * here logs a token: errors name the workspace only.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../domain/clock.js';
import { audit } from '../../../services/audit.js';
import type { TokenCipher } from './token-cipher.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

export interface SlackInstallationStore extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /** Drops revoked user tokens (tokens_revoked names the users); the bot token stays. */
  revokeUserTokens(query: InstallationQuery<boolean>, userIds: string[]): Promise<void>;
  /** The bot token of a workspace's own install, or undefined when it has none (not installed). */
  botToken(workspaceId: string): Promise<string | undefined>;
}

/** 'enterprise:E…' for an org-wide install, else 'team:T…'; null when the query names neither. */
export function installationKey(query: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}): string | null {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return query.teamId ? `team:${query.teamId}` : null;
}

/** The store over `db`; times from `clock`, tokens sealed with `cipher`. */
export function slackInstallationStore(deps: {
  db: Db;
  clock: Clock;
  cipher: TokenCipher;
}): SlackInstallationStore {
  const { db, clock, cipher } = deps;
  const read = async (key: string): Promise<AnyInstallation | undefined> => {
    const row = await db.slackInstallation.findUnique({ where: { key } });
    return row ? (JSON.parse(cipher.open(row.installation, key)) as AnyInstallation) : undefined;
  };
  const keyOf = (query: InstallationQuery<boolean>): string => {
    const key = installationKey(query);
    if (!key) throw new Error('Slack did not say which workspace this is');
    return key;
  };
  return {
    async storeInstallation(installation) {
      const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
      const teamId = installation.team?.id;
      const enterpriseId = installation.enterprise?.id;
      const key = keyOf({ teamId, enterpriseId, isEnterpriseInstall } as InstallationQuery<boolean>);
      const now = clock.now();
      const sealed = cipher.seal(JSON.stringify(installation), key);
      const workspaceId = (isEnterpriseInstall ? enterpriseId : teamId) ?? key;
      const fields = { workspaceId, enterpriseId, isEnterpriseInstall, botUserId: installation.bot?.userId };
      await db.$transaction(async (tx) => {
        const before = await tx.slackInstallation.findUnique({ where: { key } });
        await tx.slackInstallation.upsert({
          where: { key },
          create: { key, ...fields, installation: sealed, installedAt: now, updatedAt: now },
          update: { ...fields, installation: sealed, updatedAt: now },
        });
        await audit(tx, {
          workspaceId,
          actor: installation.user.id,
          action: before ? 'slack.reinstalled' : 'slack.installed',
          entity: 'SlackInstallation',
          entityId: key,
          after: {
            ...fields,
            botScopes: installation.bot?.scopes ?? [],
            userToken: Boolean(installation.user.token),
          },
          at: now,
        });
      });
    },
    async fetchInstallation(query) {
      const key = keyOf(query);
      const found = await read(key);
      if (!found) throw new Error(`no installation for ${key}`);
      return found;
    },
    async deleteInstallation(query) {
      const key = keyOf(query);
      await db.$transaction(async (tx) => {
        const { count } = await tx.slackInstallation.deleteMany({ where: { key } });
        if (count === 0) return;
        await audit(tx, {
          workspaceId: (query.isEnterpriseInstall ? query.enterpriseId : query.teamId) ?? key,
          actor: 'slack',
          action: 'slack.uninstalled',
          entity: 'SlackInstallation',
          entityId: key,
          at: clock.now(),
        });
      });
    },
    async revokeUserTokens(query, userIds) {
      const key = keyOf(query);
      const installation = await read(key);
      if (!installation?.user.token || !userIds.includes(installation.user.id)) return;
      const { token: _revoked, refreshToken: _refresh, expiresAt: _expires, ...user } = installation.user;
      const sealed = cipher.seal(JSON.stringify({ ...installation, user }), key);
      const now = clock.now();
      await db.$transaction(async (tx) => {
        await tx.slackInstallation.update({ where: { key }, data: { installation: sealed, updatedAt: now } });
        await audit(tx, {
          workspaceId: (query.isEnterpriseInstall ? query.enterpriseId : query.teamId) ?? key,
          actor: 'slack',
          action: 'slack.user_token_revoked',
          entity: 'SlackInstallation',
          entityId: key,
          after: { userId: installation.user.id },
          at: now,
        });
      });
    },
    async botToken(workspaceId) {
      return (await read(`team:${workspaceId}`))?.bot?.token;
    },
  };
}
