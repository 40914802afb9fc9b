/** The main thread's handle on the load worker: start it, run loads through it, stop it. */
import { Worker } from 'node:worker_threads';
import type { LoadResult } from './load.js';
import type { RunRequest, WorkerMessage } from './load-worker.js';

export interface LoadWorker {
  /** The stand-ins' Web API URLs, for the apps' slackApiUrl. */
  apiUrls: Record<'ours' | 'bare', string>;
  run(request: Omit<RunRequest, 'id'>): Promise<LoadResult>;
  stop(): Promise<void>;
}

export async function startLoadWorker(): Promise<LoadWorker> {
  // tsx's loader is registered per thread, so the worker registers it before loading TypeScript.
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  const worker = new Worker(boot, { eval: true });
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
        worker.postMessage({ ...request, id } satisfies RunRequest);
      }),
    async stop() {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ kind: 'stop' });
      await exited;
    },
  };
}
