/**
 * What every service receives. No hidden singletons: tests pass a real database and a clock
 * they control.
 */
import type { Chat } from '../chat/chat.js';
import type { Db } from '../db/client.js';
import type { Sql } from '../db/sql.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../ops/metrics.js';

export interface Deps {
  db: Db;
  /** The same database through hand-written SQL, for the request paths Slack waits on (db/sql.ts). */
  sql: Sql;
  clock: Clock;
  logger: Logger;
  /** Slack user ids who are admins whatever the database says (ADMIN_USER_IDS). */
  adminUserIds?: string[];
  /** Defaults for a new programme (DEFAULT_TIMEZONE, DEFAULT_DIGEST_TIME, DEFAULT_REMINDER_TIME). */
  defaults?: { timezone: string; digestTime: string; reminderTime: string };
  /** Counters and histograms served at /metrics; absent in tests that do not read them. */
  metrics?: Metrics;
}

/** Scheduled work (digest, reminders) also talks to the chat platform. */
export interface ChatDeps extends Deps {
  chat: Chat;
  /** The Chat for a Teams tenant, when Teams is configured. */
  teamsChat?: (tenantId: string) => Chat;
  /**
   * When the app is installed in several Slack workspaces (OAuth), each workspace's own chat (its
   * own bot token), or undefined when that workspace has no installation. Unset: `chat` serves
   * every Slack workspace. Scheduled work picks through src/chat/workspace-chat.ts.
   */
  chatFor?: (workspaceId: string) => Promise<Chat | undefined>;
  /** This process's name in claims, so a replica can tell its own claims from others'. */
  instanceId: string;
}

/** Who is acting, in which workspace. `requestKey` makes a retried request a no-op. */
export interface Actor {
  workspaceId: string;
  /** The workspace's platform, recorded when its first person appears; Slack unless said. */
  platform?: 'slack' | 'teams';
  userId: string;
  displayName?: string;
  requestKey?: string;
  /**
   * Where the request was made, and the programme it names (`--programme`, or a button's or
   * form's programme id): loadProgramme (programme.ts) resolves the programme from these.
   */
  channelId?: string;
  programmeId?: number;
  programmeName?: string;
}
