/**
 * What one durable write costs on the PostgreSQL server the commands bench uses: a command that
 * stores something is answered only after its COMMIT has reached the disk (synchronous_commit), so
 * no code of ours can answer a write faster than the bare app plus this. Measured on a real table
 * in the bench database (a temporary table would skip the write-ahead log and read too low).
 */
import pg from 'pg';
import { percentile } from './stats.js';

export interface CommitFloor {
  synchronousCommit: string;
  roundTripMs: number;
  durableWriteMs: number;
}

export async function measureCommitFloor(url: string, samples = 200): Promise<CommitFloor> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE "_commit_floor" ("id" serial PRIMARY KEY, "text" text NOT NULL)');
    const time = async (work: () => Promise<unknown>) => {
      const out: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await work();
        out.push(performance.now() - started);
      }
      return percentile(out, 50);
    };
    const roundTripMs = await time(() => client.query('SELECT 1'));
    const durableWriteMs = await time(async () => {
      await client.query('BEGIN');
      await client.query('INSERT INTO "_commit_floor" ("text") VALUES ($1)', ['an update']);
      await client.query('COMMIT');
    });
    const { rows } = await client.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    await client.query('DROP TABLE "_commit_floor"');
    return { synchronousCommit: rows[0]!.synchronous_commit, roundTripMs, durableWriteMs };
  } finally {
    await client.end();
  }
}

/** The floor as the verdict lines read it: bare Bolt's p50 plus one durable write, against bare. */
export function formatCommitFloor(floor: CommitFloor, bareP50Ms: number): string {
  const ratio = (bareP50Ms + floor.durableWriteMs) / bareP50Ms;
  return [
    `PostgreSQL on this server: one round trip p50 ${floor.roundTripMs.toFixed(2)} ms; one durable write (BEGIN, INSERT, COMMIT, synchronous_commit=${floor.synchronousCommit}) p50 ${floor.durableWriteMs.toFixed(2)} ms.`,
    `A stored update cannot be answered before its commit is durable, so its p50 is at least bare Bolt's ${bareP50Ms.toFixed(2)} ms plus that: ${ratio.toFixed(2)}x of bare at concurrency 1, whatever the app does.`,
  ].join('\n');
}
