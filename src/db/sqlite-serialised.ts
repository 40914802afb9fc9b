/**
 * SQLite through Prisma has one connection. The better-sqlite3 adapter queues transactions behind
 * each other, but runs queries made outside a transaction at once, on that same connection, so
 * they land inside whichever transaction is open at the time: they read its uncommitted rows, and
 * a write (recording where an update was posted, say) is undone when a refused command rolls that
 * transaction back. This wrapper makes every query outside a transaction wait its turn too.
 */

type Method = (...args: unknown[]) => Promise<unknown>;

interface TransactionLike {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

interface AdapterLike {
  startTransaction(...args: unknown[]): Promise<TransactionLike>;
}

interface FactoryLike {
  connect(): Promise<unknown>;
}

/** How long queued work may hold the event loop before Slack requests get a turn. */
const MAX_BUSY_MS = 10;

/**
 * A first-in, first-out lock; `acquire` resolves with the function that releases it.
 * better-sqlite3 and Prisma's query compiler are both synchronous, so queued transactions run
 * back to back as one long chain of microtasks; Slack requests arriving meanwhile would wait
 * seconds for their ack. So after MAX_BUSY_MS of that, the next turn waits for the event loop.
 */
export class Lock {
  private tail: Promise<void> = Promise.resolve();
  private busySince = performance.now();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const turn = this.tail.then(() => this.breather()).then(() => release);
    this.tail = turn.then(() => held);
    return turn;
  }

  private async breather(): Promise<void> {
    if (performance.now() - this.busySince < MAX_BUSY_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.busySince = performance.now();
  }
}

const PASS_THROUGH = <T extends object>(target: T, prop: string | symbol): unknown => {
  const value = Reflect.get(target, prop, target);
  // Bound to the real object: the adapter keeps state in private (#) fields.
  return typeof value === 'function' ? value.bind(target) : value;
};

function serialisedTransaction(tx: TransactionLike, release: () => void): TransactionLike {
  let released = false;
  const end = (method: 'commit' | 'rollback') => async () => {
    try {
      await tx[method]();
    } finally {
      if (!released) release();
      released = true;
    }
  };
  return new Proxy(tx, {
    get: (target, prop) =>
      prop === 'commit' || prop === 'rollback' ? end(prop) : PASS_THROUGH(target, prop),
  });
}

function serialisedAdapter(adapter: AdapterLike, lock: Lock): AdapterLike {
  const queued =
    (method: Method): Method =>
    async (...args) => {
      const release = await lock.acquire();
      try {
        return await method(...args);
      } finally {
        release();
      }
    };
  const startTransaction = async (...args: unknown[]): Promise<TransactionLike> => {
    const release = await lock.acquire();
    try {
      return serialisedTransaction(await adapter.startTransaction(...args), release);
    } catch (error) {
      release();
      throw error;
    }
  };
  return new Proxy(adapter, {
    get(target, prop) {
      if (prop === 'startTransaction') return startTransaction;
      if (prop === 'queryRaw' || prop === 'executeRaw' || prop === 'executeScript')
        return queued(PASS_THROUGH(target, prop) as Method);
      return PASS_THROUGH(target, prop);
    },
  });
}

/**
 * Wraps a SQLite driver adapter factory so transactions and other queries never overlap, with
 * each other or with anything else that takes `lock` (sql-sqlite.ts). `onConnect` is given the
 * adapter's better-sqlite3 connection.
 */
export function serialiseQueries<F extends FactoryLike>(
  factory: F,
  lock: Lock,
  onConnect: (connection: unknown) => void,
): F {
  // One connection, whoever asks first: the Sql handle (sql-sqlite.ts) may open it before Prisma
  // connects, and Prisma's connect then gets the same adapter. Disposed, the next connect opens anew.
  let connected: Promise<AdapterLike> | undefined;
  const connect = async (target: F): Promise<AdapterLike> => {
    const adapter = (await target.connect()) as AdapterLike & { client: unknown; dispose?(): Promise<void> };
    onConnect(adapter.client);
    const serialised = serialisedAdapter(adapter, lock);
    return new Proxy(serialised, {
      get(inner, prop) {
        if (prop !== 'dispose') return Reflect.get(inner, prop, inner);
        return async () => {
          connected = undefined;
          await adapter.dispose?.();
        };
      },
    });
  };
  return new Proxy(factory, {
    get(target, prop) {
      if (prop === 'connect')
        return () => {
          connected ??= connect(target).catch((error: unknown) => {
            connected = undefined;
            throw error;
          });
          return connected;
        };
      return PASS_THROUGH(target, prop);
    },
  });
}
