/**
 * Where a text still lies in the database, byte for byte: in the SQLite file, its WAL and its
 * shared-memory index (free pages and old cell bytes included, since the whole file is read), or
 * in any live row of any text column on PostgreSQL. Used to prove a redaction left nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/database-url.js';

export async function placesHolding(target: DatabaseTarget, text: string): Promise<string[]> {
  return target.provider === 'sqlite' ? filesHolding(target.file, text) : columnsHolding(target.url, text);
}

function filesHolding(file: string, text: string): string[] {
  // SQLite stores text as UTF-8 unless told otherwise; UTF-16 is checked too, in case.
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`].filter(
    (path) => existsSync(path) && needles.some((needle) => readFileSync(path).includes(needle)),
  );
}

async function columnsHolding(url: string, text: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`,
    );
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM "${table}" WHERE strpos("${column}"::text, $1) > 0`,
        [text],
      );
      if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}`);
    }
    return found;
  } finally {
    await client.end();
  }
}
