/**
 * Teams' settings: on only with CLIENT_ID and CLIENT_SECRET, each problem named on its own line,
 * and the SDK's unauthenticated mode refused at start whatever it is set to.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/index.js';
import { spawnApp } from '../support/processes.js';

const CLIENT_ID = '11111111-2222-4333-8444-555555555555';
const TEAMS = { CLIENT_ID, CLIENT_SECRET: 'teams-client-secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Teams configuration', () => {
  it('is off without CLIENT_ID and CLIENT_SECRET', () => {
    expect(loadConfig({}).teams).toBeUndefined();
  });

  it('is on with both, pointing at the Bot Framework unless told otherwise', () => {
    expect(loadConfig(TEAMS).teams).toEqual({
      clientId: CLIENT_ID,
      clientSecret: 'teams-client-secret',
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      tokenUrl: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token',
    });
  });

  it('a single-tenant bot gets its token from its own tenant; both addresses can be overridden', () => {
    const tenant = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    expect(loadConfig({ ...TEAMS, TENANT_ID: tenant }).teams?.tokenUrl).toBe(
      `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
    );
    const teams = loadConfig({
      ...TEAMS,
      TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1:9100/v1/.well-known/openidconfiguration',
      TEAMS_TOKEN_URL: 'http://127.0.0.1:9100/token',
    }).teams;
    expect(teams?.openIdMetadataUrl).toBe('http://127.0.0.1:9100/v1/.well-known/openidconfiguration');
    expect(teams?.tokenUrl).toBe('http://127.0.0.1:9100/token');
  });

  it('names each problem: half a registration, a malformed id, a metadata URL the SDK cannot use', () => {
    expect(problems({ CLIENT_ID })).toEqual([
      'CLIENT_SECRET is missing (lets the bot call Teams as itself).',
    ]);
    expect(problems({ ...TEAMS, CLIENT_ID: 'my-bot' })).toEqual([
      'CLIENT_ID must be the Microsoft app (client) id, a GUID (the Azure bot registration of the Teams app).',
    ]);
    expect(problems({ ...TEAMS, TEAMS_OPENID_METADATA_URL: 'http://127.0.0.1/keys' })).toEqual([
      'TEAMS_OPENID_METADATA_URL must end /openidconfiguration (keys are read from …/keys).',
    ]);
    expect(problems({ TEAMS_TOKEN_URL: 'http://127.0.0.1/token' })).toEqual([
      'TEAMS_TOKEN_URL is set but CLIENT_ID and CLIENT_SECRET are not, so Teams is off.',
    ]);
  });

  it.each(['true', 'false', '1'])('refuses DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=%s', (value) => {
    const found = problems({ ...TEAMS, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS must not be set: .*signed by the Bot Framework/,
    );
  });

  it('npm start refuses the unauthenticated mode with one clear line and writes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'teams-config-')), 'never.db');
    const app = spawnApp({
      ...TEAMS,
      DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: 'true',
      DATABASE_URL: `file:${file}`,
      PORT: '0',
    });
    expect(await app.exited).toBe(1);
    expect(app.output()).toContain('- DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS must not be set:');
    expect(app.output()).not.toMatch(/improvement-bot is running/);
    expect(existsSync(file)).toBe(false);
  });
});
