/**
 * Who the bot is, asked of Slack once at start (`auth.test`), so a wrong token fails start-up
 * rather than the first post, and Bolt's ignore-self check compares against the real bot ids.
 * With SLACK_BOT_ID and SLACK_BOT_USER_ID set, no call is made. When Slack does not answer (no
 * network, a proxy not yet open) the app still starts, with a warning, as it always has.
 */
import { LogLevel, WebClient } from '@slack/web-api';
import type { Config } from '../../config/index.js';
import type { Logger } from '../../logger.js';

/** Slack's answers that mean the token itself is wrong, not that Slack is unreachable. */
const TOKEN_REFUSED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'team_access_not_granted',
  'not_allowed_token_type',
]);

const ANSWER_WITHIN_MS = 5_000;

/** A start-up failure whose message is the one line the operator needs. */
export class StartupError extends Error {}

/**
 * The bot's ids: from the configuration when both are set, else from `auth.test`. Throws a
 * StartupError when Slack refuses the token; warns and returns none when Slack cannot be reached.
 */
export async function identifyBot(
  slack: Config['slack'],
  logger: Logger,
): Promise<{ botId?: string; botUserId?: string }> {
  if (slack.botId && slack.botUserId) return { botId: slack.botId, botUserId: slack.botUserId };
  // Installed through OAuth, each workspace has its own token: Bolt asks per request instead.
  if (slack.oauth || !slack.botToken) return {};
  const client = new WebClient(slack.botToken, {
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 0 },
    timeout: ANSWER_WITHIN_MS,
    rejectRateLimitedCalls: true,
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
  });
  try {
    const answer = await client.auth.test();
    if (!answer.bot_id || !answer.user_id)
      throw new StartupError(
        'SLACK_BOT_TOKEN is not a bot token: use the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.',
      );
    logger.info(
      { botId: answer.bot_id, botUserId: answer.user_id, teamId: answer.team_id },
      'Slack token checked',
    );
    return { botId: slack.botId ?? answer.bot_id, botUserId: slack.botUserId ?? answer.user_id };
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && TOKEN_REFUSED.has(code))
      throw new StartupError(
        `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from OAuth & Permissions, or reinstall the app.`,
      );
    logger.warn(
      { err: error },
      'Slack did not answer auth.test, so the bot token is not checked; starting anyway with placeholder bot ids (set SLACK_BOT_ID and SLACK_BOT_USER_ID to skip this check)',
    );
    return {};
  }
}
