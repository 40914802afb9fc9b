/**
 * The OAuth install's settings: off without SLACK_CLIENT_ID (single-token mode unchanged), each
 * missing or contradictory variable named on its own line, and the scopes the install asks for
 * the same as slack-manifest.yml's.
 */

import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES } from '../../src/chat/slack/oauth/install-receiver.js';
import { ConfigError, loadConfig } from '../../src/config/index.js';

const KEY = randomBytes(32).toString('base64');
const OAUTH = {
  SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
  SLACK_CLIENT_ID: '1111111111.2222222222',
  SLACK_CLIENT_SECRET: 'client-secret-value',
  SLACK_STATE_SECRET: 'a-random-state-secret-of-32-characters!',
  SLACK_INSTALLATION_KEY: KEY,
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Slack OAuth configuration', () => {
  it('is off without SLACK_CLIENT_ID: one bot token, as before', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc',
      SLACK_SIGNING_SECRET: OAUTH.SLACK_SIGNING_SECRET,
    });
    expect(config.mode).toBe('http');
    expect(config.slack.oauth).toBeUndefined();
  });

  it('is on in HTTP mode with every variable, needing no SLACK_BOT_TOKEN', () => {
    const config = loadConfig(OAUTH);
    expect(config.mode).toBe('http');
    expect(config.slack.oauth).toEqual({
      clientId: OAUTH.SLACK_CLIENT_ID,
      clientSecret: OAUTH.SLACK_CLIENT_SECRET,
      stateSecret: OAUTH.SLACK_STATE_SECRET,
      installationKey: Buffer.from(KEY, 'base64'),
    });
  });

  it('names each missing or wrong variable, and a bot token or app token beside it', () => {
    expect(problems({ SLACK_CLIENT_ID: OAUTH.SLACK_CLIENT_ID })).toEqual([
      'SLACK_SIGNING_SECRET is missing (verifies that requests come from Slack).',
      'SLACK_CLIENT_SECRET is missing: SLACK_CLIENT_ID is set, which needs it (installing the app in several workspaces).',
      'SLACK_STATE_SECRET is missing: SLACK_CLIENT_ID is set, which needs it (checks that an install finishes in the browser that started it).',
      'SLACK_INSTALLATION_KEY is missing: SLACK_CLIENT_ID is set, which needs it (encrypts each workspace’s tokens in the database).',
    ]);
    expect(problems({ ...OAUTH, SLACK_INSTALLATION_KEY: randomBytes(16).toString('base64') })).toEqual([
      'SLACK_INSTALLATION_KEY must be 32 random bytes in base64 (openssl rand -base64 32) (encrypts each workspace’s tokens in the database).',
    ]);
    expect(problems({ ...OAUTH, SLACK_BOT_TOKEN: 'xoxb-1-2-abc' })).toEqual([
      'SLACK_BOT_TOKEN must be unset with SLACK_CLIENT_ID: each workspace’s token comes from its install (the bot token from OAuth & Permissions).',
    ]);
  });

  it('asks for the bot scopes slack-manifest.yml lists', () => {
    const manifest = readFileSync(new URL('../../slack-manifest.yml', import.meta.url), 'utf8');
    const bot = /\n {4}bot:\n((?: {6}- .*\n)+)/.exec(manifest)?.[1] ?? '';
    const scopes = [...bot.matchAll(/- ([\w:.]+)/g)].map((m) => m[1]);
    expect(scopes).toEqual(BOT_SCOPES);
  });
});
