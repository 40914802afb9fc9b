/**
 * The handle on the load client: start it, run loads through it, stop it. The client (and the
 * Slack stand-ins it checks answers against) runs in its own process, so the apps under test are
 * measured on their own rather than sharing an event loop with the load they answer.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadResult } from './load.js';
import type { RunRequest, WorkerMessage } from './worker-protocol.js';

export interface LoadWorker {
  /** The stand-ins' URLs: Slack's Web API (the apps' slackApiUrl), or Teams' stand-in base. */
  apiUrls: Record<'ours' | 'bare', string>;
  run(request: Omit<RunRequest, 'id'>): Promise<LoadResult>;
  stop(): Promise<void>;
}

/** `script` is the worker: load-worker.ts (Slack) unless said, teams-worker.ts for Teams. */
export async function startLoadWorker(script = './load-worker.ts'): Promise<LoadWorker> {
  const worker = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
  });
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  const ready = new Promise<Record<'ours' | 'bare', string>>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'ready') return resolve(message.apiUrls);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error || !message.result) waiting?.reject(new Error(message.error ?? 'no result'));
      else waiting?.resolve(message.result);
    });
  });
  const apiUrls = await ready;
  return {
    apiUrls,
    run: (request) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve, reject });
        worker.send({ ...request, id } satisfies RunRequest);
      }),
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.send({ kind: 'stop' });
      await exited;
    },
  };
}
