/** Which database a DATABASE_URL names: an embedded SQLite file or a PostgreSQL server. */
import { resolve } from 'node:path';

export type DatabaseTarget = { provider: 'sqlite'; file: string } | { provider: 'postgresql'; url: string };

export type ParsedDatabaseUrl = { ok: true; target: DatabaseTarget } | { ok: false; message: string };

/** `file:./data/x.db` (or a bare path ending .db) is SQLite; `postgres(ql)://` is PostgreSQL. */
export function parseDatabaseUrl(raw: string): ParsedDatabaseUrl {
  const url = raw.trim();
  if (/^postgres(ql)?:\/\//i.test(url)) {
    try {
      const parsed = new URL(url);
      if (!parsed.hostname) return { ok: false, message: 'has no host name' };
      return { ok: true, target: { provider: 'postgresql', url } };
    } catch {
      return {
        ok: false,
        message: 'is not a valid PostgreSQL URL like postgresql://user@localhost:5432/improvement',
      };
    }
  }
  const file = url.startsWith('file:')
    ? url.slice('file:'.length)
    : /\.(db|sqlite3?)$/i.test(url)
      ? url
      : null;
  if (file === null || file.length === 0) {
    return {
      ok: false,
      message: 'must be file:./data/improvement.db (SQLite) or postgresql://user@host:5432/name (PostgreSQL)',
    };
  }
  return { ok: true, target: { provider: 'sqlite', file: file === ':memory:' ? file : resolve(file) } };
}

/** A URL safe for logs: the password is never printed. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return `SQLite ${target.file}`;
  const u = new URL(target.url);
  if (u.password) u.password = '***';
  return `PostgreSQL ${u.toString()}`;
}
