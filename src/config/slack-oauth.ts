/**
 * Slack's OAuth install for several workspaces (issue 18). On only when SLACK_CLIENT_ID is set;
 * then the app has no single bot token: each workspace's comes from its install, stored
 * encrypted with SLACK_INSTALLATION_KEY. Without SLACK_CLIENT_ID nothing here changes anything.
 */
import { z } from 'zod';

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` that ties the redirect to the browser that started the install. */
  stateSecret: string;
  /** 32 bytes: the AES-256-GCM key of installations at rest. */
  installationKey: Buffer;
}

export const slackOAuthSchema = z.object({
  SLACK_CLIENT_ID: z
    .string()
    .regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information, like 1234567890.1234567890')
    .optional(),
  SLACK_CLIENT_SECRET: z.string().min(8, 'must be the Client Secret from Basic Information').optional(),
  SLACK_STATE_SECRET: z.string().min(32, 'must be a random secret of at least 32 characters').optional(),
  SLACK_INSTALLATION_KEY: z
    .string()
    .refine(
      (s) => Buffer.from(s, 'base64').length === 32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
});

export const SLACK_OAUTH_PURPOSE: Record<string, string> = {
  SLACK_CLIENT_ID: 'installing the app in several workspaces',
  SLACK_CLIENT_SECRET: 'installing the app in several workspaces',
  SLACK_STATE_SECRET: 'checks that an install finishes in the browser that started it',
  SLACK_INSTALLATION_KEY: 'encrypts each workspace’s tokens in the database',
};

/** The OAuth settings, or undefined when SLACK_CLIENT_ID is unset; problems as [variable, message]. */
export function slackOAuthConfig(
  env: z.infer<typeof slackOAuthSchema> & { SLACK_BOT_TOKEN?: string; SLACK_APP_TOKEN?: string },
  problems: [string, string][],
): SlackOAuthConfig | undefined {
  if (!env.SLACK_CLIENT_ID) return undefined;
  const needed = ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_INSTALLATION_KEY'] as const;
  for (const k of needed)
    if (!env[k]) problems.push([k, 'is missing: SLACK_CLIENT_ID is set, which needs it']);
  // Bolt takes either one token or installs, never both; say so instead of Bolt's stack trace.
  if (env.SLACK_BOT_TOKEN)
    problems.push([
      'SLACK_BOT_TOKEN',
      'must be unset with SLACK_CLIENT_ID: each workspace’s token comes from its install',
    ]);
  if (env.SLACK_APP_TOKEN)
    problems.push(['SLACK_APP_TOKEN', 'must be unset with SLACK_CLIENT_ID: installing needs HTTP mode']);
  if (!env.SLACK_CLIENT_SECRET || !env.SLACK_STATE_SECRET || !env.SLACK_INSTALLATION_KEY) return undefined;
  return {
    clientId: env.SLACK_CLIENT_ID,
    clientSecret: env.SLACK_CLIENT_SECRET,
    stateSecret: env.SLACK_STATE_SECRET,
    installationKey: Buffer.from(env.SLACK_INSTALLATION_KEY, 'base64'),
  };
}
