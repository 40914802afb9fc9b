/**
 * The Microsoft Teams part of the environment. Teams is on only when CLIENT_ID and CLIENT_SECRET
 * are both set (the Azure bot registration's app id and secret); the names are the Teams SDK's
 * own, so a council's Azure documentation reads the same.
 */
import { z } from 'zod';

export interface TeamsConfig {
  /** The Azure bot's Microsoft app id: the audience every inbound token must carry. */
  clientId: string;
  clientSecret: string;
  /** A single-tenant bot's tenant; unset for a multi-tenant bot. */
  tenantId?: string;
  /** Where the Bot Framework's signing keys are published (…/openidconfiguration; keys at …/keys). */
  openIdMetadataUrl: string;
  /** Where the bot asks for its own token to call the Bot Connector. */
  tokenUrl: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const BOT_FRAMEWORK_OPENID_METADATA_URL =
  'https://login.botframework.com/v1/.well-known/openidconfiguration';

export const teamsSchema = z.object({
  CLIENT_ID: z.string().regex(GUID, 'must be the Microsoft app (client) id, a GUID').optional(),
  CLIENT_SECRET: z.string().min(8, 'must be a client secret of the Azure bot registration').optional(),
  TENANT_ID: z.string().regex(GUID, 'must be a Microsoft Entra tenant id, a GUID').optional(),
  // The SDK derives the keys address from this one by its last segment, so a URL ending otherwise
  // would be fetched as if it were the key set: refused here rather than failing every request.
  TEAMS_OPENID_METADATA_URL: z
    .url('must be a URL ending /openidconfiguration')
    .refine(
      (u) => /\/openidconfiguration$/.test(u),
      'must end /openidconfiguration (keys are read from …/keys)',
    )
    .optional(),
  TEAMS_TOKEN_URL: z
    .url('must be a URL like https://login.microsoftonline.com/…/oauth2/v2.0/token')
    .optional(),
  DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: z.string().optional(),
});

export const TEAMS_PURPOSE: Record<string, string> = {
  CLIENT_ID: 'the Azure bot registration of the Teams app',
  CLIENT_SECRET: 'lets the bot call Teams as itself',
  TENANT_ID: 'a single-tenant bot’s Microsoft Entra tenant',
};

export const UNAUTHENTICATED_REFUSAL =
  'must not be set: improvement-bot always checks that requests to /api/messages are signed by the ' +
  'Bot Framework, and the Teams SDK would otherwise accept anyone’s forged activities';

/**
 * The Teams settings, or undefined when Teams is off. Problems are pushed as `[variable, message]`
 * so the caller words them like every other variable.
 */
export function teamsConfig(
  env: z.infer<typeof teamsSchema>,
  problems: [string, string][],
): TeamsConfig | undefined {
  // The SDK reads this variable itself when the app does not say; we always say false, and refuse
  // it at start so nobody believes they turned authentication off (or on) with it.
  if (env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS !== undefined)
    problems.push(['DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS', UNAUTHENTICATED_REFUSAL]);
  const { CLIENT_ID: clientId, CLIENT_SECRET: clientSecret, TENANT_ID: tenantId } = env;
  if (!clientId && !clientSecret) {
    for (const k of ['TENANT_ID', 'TEAMS_OPENID_METADATA_URL', 'TEAMS_TOKEN_URL'] as const)
      if (env[k]) problems.push([k, 'is set but CLIENT_ID and CLIENT_SECRET are not, so Teams is off']);
    return undefined;
  }
  if (!clientId) problems.push(['CLIENT_ID', 'is missing']);
  if (!clientSecret) problems.push(['CLIENT_SECRET', 'is missing']);
  if (!clientId || !clientSecret) return undefined;
  return {
    clientId,
    clientSecret,
    ...(tenantId ? { tenantId } : {}),
    openIdMetadataUrl: env.TEAMS_OPENID_METADATA_URL ?? BOT_FRAMEWORK_OPENID_METADATA_URL,
    // A multi-tenant bot's token comes from the botframework.com tenant, a single-tenant one's from its own.
    tokenUrl:
      env.TEAMS_TOKEN_URL ??
      `https://login.microsoftonline.com/${tenantId ?? 'botframework.com'}/oauth2/v2.0/token`,
  };
}
