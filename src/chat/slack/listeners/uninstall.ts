/**
 * A workspace removing the app (`app_uninstalled`) or revoking its tokens (`tokens_revoked`):
 * the installation is deleted, or its revoked user token dropped, so no job or request uses a
 * token Slack no longer honours. Bolt skips authorisation for these two events.
 */
import type { App } from '@slack/bolt';
import type { Logger } from '../../../logger.js';
import type { SlackInstallationStore } from '../oauth/installation-store.js';

interface InstallFacts {
  team_id?: string;
  enterprise_id?: string;
  is_enterprise_install?: boolean;
  authorizations?: { is_enterprise_install?: boolean }[];
}

const queryOf = (body: InstallFacts) => ({
  teamId: body.team_id,
  enterpriseId: body.enterprise_id,
  isEnterpriseInstall: Boolean(body.is_enterprise_install ?? body.authorizations?.[0]?.is_enterprise_install),
});

/**
 * With one SLACK_BOT_TOKEN (no `store`) there is nothing to delete: the token is dead, and the
 * log says what to do, rather than Bolt answering Slack 404 for an event nobody listens to.
 */
export function registerUninstall(app: App, store: SlackInstallationStore | undefined, logger: Logger): void {
  app.event('app_uninstalled', async ({ body }) => {
    if (!store) {
      logger.warn(
        'the app was removed from the Slack workspace: install it again and set its new SLACK_BOT_TOKEN',
      );
      return;
    }
    await store.deleteInstallation(queryOf(body as InstallFacts));
    logger.info({ teamId: (body as InstallFacts).team_id }, 'removed from a Slack workspace');
  });
  app.event('tokens_revoked', async ({ event, body }) => {
    if (!store) {
      logger.warn('Slack revoked a token of the app: if it was the bot token, set a new SLACK_BOT_TOKEN');
      return;
    }
    const query = queryOf(body as InstallFacts);
    // Revoking the bot token is the app's end in that workspace; a user token only drops itself.
    if ((event.tokens.bot ?? []).length > 0) await store.deleteInstallation(query);
    else await store.revokeUserTokens(query, event.tokens.oauth ?? []);
    logger.info({ teamId: query.teamId }, 'Slack tokens revoked');
  });
}
