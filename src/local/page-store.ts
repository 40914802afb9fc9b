/**
 * What local mode keeps beside its database, so a restart finds the page as it was left, like the
 * data: the stand-in's messages (Slack would keep them; the stand-in holds them in memory) and how
 * far the page has moved the clock. One JSON file, rewritten whole (a temporary file renamed over
 * it, so a crash never leaves half a file) soon after each change, and once more on stop.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseTarget } from '../db/database-url.js';
import type { Logger } from '../logger.js';
import type { StoredMessage } from './slack-web-api.js';
import type { StoredActivity } from './teams/connector.js';

export interface SavedPage {
  clockOffsetMs: number;
  messages: StoredMessage[];
  /** The Teams view's conversations, as the local Bot Connector keeps them. */
  teamsActivities: StoredActivity[];
}

const EMPTY: SavedPage = { clockOffsetMs: 0, messages: [], teamsActivities: [] };

/**
 * `data/local.db` keeps its page in `data/local.page.json`; a PostgreSQL database in
 * `data/local-<database>.page.json`; an in-memory database keeps nothing, like its data.
 */
export function pageFileFor(target: DatabaseTarget): string | null {
  if (target.provider === 'sqlite') {
    if (target.file === ':memory:') return null;
    return `${target.file.replace(/\.(db|sqlite3?)$/i, '')}.page.json`;
  }
  const database = decodeURIComponent(new URL(target.url).pathname.slice(1)) || 'postgres';
  return resolve('data', `local-${database.replace(/[^\w.-]+/g, '_')}.page.json`);
}

export class PageStore {
  private pending = false;

  constructor(
    readonly file: string,
    private readonly snapshot: () => SavedPage,
    private readonly logger: Logger,
  ) {}

  /** The saved page; an unreadable file is logged and the page starts empty rather than not at all. */
  load(): SavedPage {
    if (!existsSync(this.file)) return EMPTY;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<SavedPage>;
      const messages = Array.isArray(saved.messages)
        ? saved.messages.filter((m) => typeof m?.channel === 'string' && typeof m?.ts === 'string')
        : [];
      const teamsActivities = Array.isArray(saved.teamsActivities)
        ? saved.teamsActivities.filter(
            (a) => typeof a?.id === 'string' && typeof a?.conversationId === 'string',
          )
        : [];
      const offset = Number(saved.clockOffsetMs);
      return {
        clockOffsetMs: Number.isFinite(offset) && offset > 0 ? offset : 0,
        messages,
        teamsActivities,
      };
    } catch (error) {
      this.logger.warn(
        { err: error, file: this.file },
        'local mode: could not read the saved page; starting empty',
      );
      return EMPTY;
    }
  }

  /** Saves after the current burst of changes (a digest is a dozen calls), not after each one. */
  schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    if (!this.pending) return;
    this.pending = false;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(this.snapshot()));
      renameSync(temporary, this.file);
    } catch (error) {
      this.logger.warn({ err: error, file: this.file }, 'local mode: could not save the page');
    }
  }

  /** Forgets the saved page (tests clean up after themselves). */
  remove(): void {
    rmSync(this.file, { force: true });
  }
}
