/**
 * The environment, read once and validated. Every problem is reported on its own line naming the
 * variable and what it is for, so a misconfigured deployment fails at start, not at 09:00 Monday.
 */
import cron from 'node-cron';
import { z } from 'zod';
import { type DatabaseTarget, parseDatabaseUrl } from '../db/database-url.js';
import { isValidTimezone, parseTimeOfDay } from '../domain/dates.js';
import {
  SLACK_OAUTH_PURPOSE,
  type SlackOAuthConfig,
  slackOAuthConfig,
  slackOAuthSchema,
} from './slack-oauth.js';
import { TEAMS_PURPOSE, type TeamsConfig, teamsConfig, teamsSchema } from './teams.js';

export type { SlackOAuthConfig } from './slack-oauth.js';
export type { TeamsConfig } from './teams.js';

export type SlackMode = 'http' | 'socket' | 'local';

export interface Config {
  mode: SlackMode;
  database: DatabaseTarget;
  port: number;
  slack: {
    botToken: string;
    signingSecret: string;
    appToken?: string;
    botUserId?: string;
    botId?: string;
    apiUrl?: string;
    command: string;
    /** Installs in several workspaces (SLACK_CLIENT_ID…); unset: the one SLACK_BOT_TOKEN. */
    oauth?: SlackOAuthConfig;
  };
  /** Microsoft Teams, when CLIENT_ID and CLIENT_SECRET are set (src/config/teams.ts). */
  teams?: TeamsConfig;
  adminUserIds: string[];
  defaults: { timezone: string; digestTime: string; reminderTime: string };
  schedulerCron: string;
  schedulerEnabled: boolean;
  logLevel: string;
  instanceId: string;
  /** RETENTION_YEARS: delete records older than this many years; undefined keeps everything. */
  retentionYears?: number;
  /** METRICS_TOKEN: when set, /metrics answers only a request bearing it; unset, it is open. */
  metricsToken?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

const LOCAL_DATABASE = 'file:./data/local.db';
const DEFAULT_DATABASE = 'file:./data/improvement.db';

const time = (what: string) =>
  z
    .string()
    .refine((s) => parseTimeOfDay(s) !== null, `must be a time of day like 09:00 (${what})`)
    .transform((s) => parseTimeOfDay(s) as string);

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535, 'must be a port number from 0 to 65535').default(3000),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be the signing secret from Basic Information').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting xapp-').optional(),
  SLACK_BOT_USER_ID: z
    .string()
    .regex(/^[UW][A-Z0-9]+$/, 'must be a Slack user id like U0123ABCD')
    .optional(),
  SLACK_BOT_ID: z
    .string()
    .regex(/^B[A-Z0-9]+$/, 'must be a Slack bot id like B0123ABCD')
    .optional(),
  SLACK_API_URL: z.url('must be a URL like http://127.0.0.1:9000/api/').optional(),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'must be a slash command like /improve')
    .default('/improve'),
  ADMIN_USER_IDS: z.string().default(''),
  DEFAULT_TIMEZONE: z
    .string()
    .refine(isValidTimezone, 'must be an IANA timezone like Europe/London')
    .default('Europe/London'),
  DEFAULT_DIGEST_TIME: time('when the weekly digest is posted').default('09:00'),
  DEFAULT_REMINDER_TIME: time('when reminders are sent').default('09:30'),
  SCHEDULER_CRON: z
    .string()
    .refine((s) => cron.validate(s), 'must be a cron expression like "* * * * *"')
    .default('* * * * *'),
  SCHEDULER_ENABLED: z.enum(['true', 'false'], 'must be true or false').default('true'),
  LOG_LEVEL: z
    .enum(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'must be one of fatal, error, warn, info, debug, trace, silent',
    )
    .default('info'),
  INSTANCE_ID: z.string().optional(),
  RETENTION_YEARS: z
    .string()
    .regex(/^[1-9]\d?$/, 'must be a whole number of years from 1 to 99, or unset to keep everything')
    .optional(),
  METRICS_TOKEN: z
    .string()
    .regex(
      /^[\x21-\x7e]{16,}$/,
      'must be at least 16 characters with no spaces (e.g. from `openssl rand -hex 32`)',
    )
    .optional(),
});

const PURPOSE: Record<string, string> = {
  DATABASE_URL: 'where data is stored',
  PORT: 'the HTTP port for Slack requests and /healthz',
  SLACK_BOT_TOKEN: 'the bot token from OAuth & Permissions',
  SLACK_SIGNING_SECRET: 'verifies that requests come from Slack',
  SLACK_APP_TOKEN: 'Socket Mode connection',
  ADMIN_USER_IDS: 'Slack user ids who are admins from the start',
  METRICS_TOKEN: 'the bearer token Prometheus sends to read /metrics',
  ...TEAMS_PURPOSE,
  ...SLACK_OAUTH_PURPOSE,
};

/** Reads and validates `env`; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(clean);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describe(String(issue.path[0]), issue.message));
  }
  const e = parsed.success ? parsed.data : undefined;
  const mode = slackMode(clean, problems);
  const teams = readTeams(clean, problems);
  const oauth = readSlackOAuth(clean, problems);
  const database = parseDatabaseUrl(
    e?.DATABASE_URL ?? (mode === 'local' ? LOCAL_DATABASE : DEFAULT_DATABASE),
  );
  if (!database.ok) problems.push(describe('DATABASE_URL', database.message));
  const admins = (e?.ADMIN_USER_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const id of admins)
    if (!/^[UW][A-Z0-9]+$/.test(id))
      problems.push(describe('ADMIN_USER_IDS', `“${id}” is not a Slack user id like U0123ABCD`));
  if (problems.length > 0 || !e || !database.ok) throw new ConfigError(problems);
  return {
    mode,
    database: database.target,
    port: e.PORT,
    slack: {
      botToken: e.SLACK_BOT_TOKEN ?? 'xoxb-local',
      signingSecret: e.SLACK_SIGNING_SECRET ?? 'local-mode-signing-secret',
      appToken: e.SLACK_APP_TOKEN,
      botUserId: e.SLACK_BOT_USER_ID,
      botId: e.SLACK_BOT_ID,
      apiUrl: e.SLACK_API_URL,
      command: e.SLACK_COMMAND,
      ...(oauth ? { oauth } : {}),
    },
    ...(teams ? { teams } : {}),
    adminUserIds: admins,
    defaults: {
      timezone: e.DEFAULT_TIMEZONE,
      digestTime: e.DEFAULT_DIGEST_TIME,
      reminderTime: e.DEFAULT_REMINDER_TIME,
    },
    schedulerCron: e.SCHEDULER_CRON,
    schedulerEnabled: e.SCHEDULER_ENABLED === 'true',
    logLevel: e.LOG_LEVEL,
    instanceId: e.INSTANCE_ID ?? `${process.pid}-${Math.random().toString(36).slice(2, 8)}`,
    retentionYears: e.RETENTION_YEARS ? Number(e.RETENTION_YEARS) : undefined,
    ...(e.METRICS_TOKEN ? { metricsToken: e.METRICS_TOKEN } : {}),
  };
}

/** No Slack credentials at all means local mode; some but not all is a mistake worth naming. */
function slackMode(env: Record<string, string | undefined>, problems: string[]): SlackMode {
  const has = (k: string) => Boolean(env[k]);
  const oauth = has('SLACK_CLIENT_ID');
  if (!oauth && !has('SLACK_BOT_TOKEN') && !has('SLACK_SIGNING_SECRET') && !has('SLACK_APP_TOKEN'))
    return 'local';
  // With OAuth installs each workspace's bot token comes from its install (slack-oauth.ts).
  const token = oauth ? [] : ['SLACK_BOT_TOKEN'];
  const needed = has('SLACK_APP_TOKEN') ? token : [...token, 'SLACK_SIGNING_SECRET'];
  for (const k of needed) if (!has(k)) problems.push(describe(k, 'is missing'));
  return has('SLACK_APP_TOKEN') ? 'socket' : 'http';
}

/** Teams' variables are validated on their own, so their problems are listed beside Slack's. */
function readTeams(env: Record<string, string | undefined>, problems: string[]): TeamsConfig | undefined {
  const parsed = teamsSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describe(String(issue.path[0]), issue.message));
    return undefined;
  }
  const found: [string, string][] = [];
  const teams = teamsConfig(parsed.data, found);
  for (const [variable, message] of found) problems.push(describe(variable, message));
  return teams;
}

/** The OAuth install's variables, validated on their own like Teams'. */
function readSlackOAuth(
  env: Record<string, string | undefined>,
  problems: string[],
): SlackOAuthConfig | undefined {
  const parsed = slackOAuthSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describe(String(issue.path[0]), issue.message));
    return undefined;
  }
  const found: [string, string][] = [];
  const oauth = slackOAuthConfig(
    { ...parsed.data, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: env.SLACK_APP_TOKEN },
    found,
  );
  for (const [variable, message] of found) problems.push(describe(variable, message));
  return oauth;
}

function describe(variable: string, message: string): string {
  const purpose = PURPOSE[variable];
  return `${variable} ${message}${purpose ? ` (${purpose})` : ''}.`
    .replace(/\.\)\.$/, ').')
    .replace(/\.\.$/, '.');
}
