/** Group commit: the first write goes at once; those arriving meanwhile go together, once each. */
import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/db/group-commit.js';
import type { Sql } from '../../src/db/sql.js';

/** A write that records each batch and finishes only when the test lets it. */
function heldWriter(failing?: (batch: number[]) => boolean) {
  const batches: number[][] = [];
  const release: (() => void)[] = [];
  const write = (_db: Sql, batch: number[]) => {
    batches.push(batch);
    return new Promise<void>((resolve, reject) => {
      release.push(() => (failing?.(batch) ? reject(new Error('disk full')) : resolve()));
    });
  };
  return { write, batches, release };
}

const db = {} as Sql;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('groupCommit', () => {
  it('writes the first at once and the ones that arrive meanwhile together, at most `most` a time', async () => {
    const { write, batches, release } = heldWriter();
    const commit = groupCommit(write, 3);
    const done: number[] = [];
    const first = commit(db, 1).then(() => done.push(1));
    expect(batches).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((n) => commit(db, n).then(() => done.push(n)));
    expect(batches).toHaveLength(1);
    release.shift()!();
    await first;
    await flush();
    expect(done).toEqual([1]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    release.shift()!();
    await flush();
    expect(done).toEqual([1, 2, 3, 4]);
    expect(batches.at(-1)).toEqual([5]);
    release.shift()!();
    await Promise.all(rest);
    expect(done).toEqual([1, 2, 3, 4, 5]);
    // Idle again: the next write goes at once, alone.
    void commit(db, 6);
    expect(batches.at(-1)).toEqual([6]);
  });

  it('fails every caller of a failed batch, and only those; the next batch is still written', async () => {
    const { write, batches, release } = heldWriter((batch) => batch.includes(2));
    const commit = groupCommit(write, 10);
    const first = commit(db, 1);
    const second = commit(db, 2);
    const third = commit(db, 3);
    release.shift()!();
    await first;
    await flush();
    expect(batches).toEqual([[1], [2, 3]]);
    const fourth = commit(db, 4);
    release.shift()!();
    await expect(second).rejects.toThrow('disk full');
    await expect(third).rejects.toThrow('disk full');
    await flush();
    expect(batches.at(-1)).toEqual([4]);
    release.shift()!();
    await expect(fourth).resolves.toBeUndefined();
  });

  it('keeps one queue per database handle', () => {
    const { write, batches } = heldWriter();
    const commit = groupCommit(write, 10);
    void commit(db, 1);
    void commit({} as Sql, 2);
    expect(batches).toEqual([[1], [2]]);
  });
});
