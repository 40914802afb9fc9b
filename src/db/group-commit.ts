/**
 * Group commit: the writes that arrive while one is being written are written together, as soon
 * as it is done (the first at once, never held back for others to join), at most `most` at a time.
 * On SQLite that is one transaction (one fsync) instead of one per write; on PostgreSQL one
 * statement (one round trip and one commit). Each caller resolves only once its own write is
 * committed, so a crash loses no more than writing one at a time would. A batch that fails fails
 * each of its callers, as their own statement would have.
 *
 * Used for the writes that follow every posted message: the reminder ledger's "sent" marks
 * (reminder-log.ts) and where each update was posted (post-update.ts).
 */
import type { Sql } from './sql.js';

interface Queue<T> {
  waiting: { item: T; done: () => void; failed: (error: unknown) => void }[];
  writing: boolean;
}

/** A writer that commits `item`s in groups with `write`, one queue per database handle. */
export function groupCommit<T>(
  write: (db: Sql, batch: T[]) => Promise<unknown>,
  most: number,
): (db: Sql, item: T) => Promise<void> {
  const queues = new WeakMap<Sql, Queue<T>>();
  return (db, item) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = { waiting: [], writing: false };
      queues.set(db, queue);
    }
    const mine = queue;
    const done = new Promise<void>((resolve, reject) => {
      mine.waiting.push({ item, done: resolve, failed: reject });
    });
    if (!mine.writing) void drain(db, mine, write, most);
    return done;
  };
}

async function drain<T>(
  db: Sql,
  queue: Queue<T>,
  write: (db: Sql, batch: T[]) => Promise<unknown>,
  most: number,
): Promise<void> {
  queue.writing = true;
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, most);
      try {
        await write(
          db,
          batch.map((b) => b.item),
        );
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.failed(error);
      }
    }
  } finally {
    queue.writing = false;
  }
}
