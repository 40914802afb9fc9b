/**
 * The databases the benchmark runs on: a SQLite file in a temp folder always, and a bench
 * database created (and dropped afterwards) on PostgreSQL when a server answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../src/db/database-url.js';

export interface BenchDatabase {
  name: string;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

const LOCAL_POSTGRES = 'postgresql://postgres@127.0.0.1:5432/postgres';

export function sqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'improvement-bench-'));
  return {
    name: 'SQLite',
    target: { provider: 'sqlite', file: join(dir, 'bench.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** BENCH_DATABASE_URL's server (or the local one) when it answers, for the digest and reminder benches. */
export async function postgresServerUrl(): Promise<string | null> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? LOCAL_POSTGRES;
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return serverUrl;
  } catch {
    return null;
  }
}

/** A fresh database on BENCH_DATABASE_URL's server (or the local one), or null if none answers. */
export async function postgresDatabase(): Promise<BenchDatabase | null> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? LOCAL_POSTGRES;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `PostgreSQL: skipped, no server answers at ${redact(serverUrl)} (${(error as Error).message}).`,
    );
    return null;
  }
  const name = `improvement_bench_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    target: { provider: 'postgresql', url: url.toString() },
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * An empty database for a benchmark that makes its own data (digest, reminders): a SQLite file in
 * a temp folder, or a new database on `serverUrl`'s PostgreSQL server.
 */
export async function scratchTarget(
  provider: 'sqlite' | 'postgresql',
  serverUrl?: string,
  prefix = 'bench',
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
    return {
      target: { provider, file: join(dir, 'bench.db') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(sql);
    await client.end();
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl!);
  url.pathname = `/${name}`;
  return {
    target: { provider, url: url.toString() },
    drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
