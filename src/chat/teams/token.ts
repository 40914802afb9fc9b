/**
 * The bot's own token for the Bot Connector, by OAuth client credentials at TEAMS_TOKEN_URL, kept
 * until shortly before it expires. Ours rather than MSAL's (which the SDK would use) because MSAL
 * discovers its authority on the internet, so the address could not be pointed at a stand-in.
 */
import type { TeamsConfig } from '../../config/index.js';
import type { Clock } from '../../domain/clock.js';

const BOT_SCOPE = 'https://api.botframework.com/.default';
const EARLY_MS = 5 * 60 * 1000;

/** A function the Teams SDK calls whenever it needs the bot token. */
export function botTokenSource(config: TeamsConfig, clock: Clock): () => Promise<string> {
  let cached: { token: string; until: number } | undefined;
  return async () => {
    const now = clock.now().getTime();
    if (cached && cached.until > now) return cached.token;
    const res = await fetch(config.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: config.clientId,
        client_secret: config.clientSecret,
        scope: BOT_SCOPE,
      }),
    });
    if (!res.ok) throw new Error(`the Teams token endpoint answered ${res.status}`);
    const body = (await res.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string') throw new Error('the Teams token endpoint gave no token');
    const lifetime = typeof body.expires_in === 'number' ? body.expires_in * 1000 : 0;
    cached = { token: body.access_token, until: now + lifetime - EARLY_MS };
    return body.access_token;
  };
}
