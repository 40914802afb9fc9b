/**
 * The messages between a bench and its load worker (load-client.ts forks one): the worker starts
 * two stand-ins, ours and bare, says where they listen, then runs each load it is asked for
 * against one of them and sends back the result, until it is told to stop.
 */
import type { LoadResult } from './load.js';

export interface RunRequest {
  id: number;
  target: 'ours' | 'bare';
  appUrl: string;
  scenario: string;
  concurrency: number;
  requests: number;
  /** The workspace the requests come from (Slack's load worker; its own TEAM unless said). */
  teamId?: string;
}

export type WorkerMessage =
  | { kind: 'ready'; apiUrls: Record<'ours' | 'bare', string> }
  | { kind: 'result'; id: number; result?: LoadResult; error?: string };

/** The worker's side: answers run requests against its two stand-ins, and stops when told. */
export function serveRuns<S>(
  stands: Record<'ours' | 'bare', S>,
  how: {
    url: (stand: S) => string;
    close: (stand: S) => Promise<void>;
    run: (stand: S, request: RunRequest) => Promise<LoadResult>;
  },
): void {
  const send = (message: WorkerMessage) => process.send!(message);
  process.on('message', (message: RunRequest | { kind: 'stop' }) => {
    if ('kind' in message) {
      void Promise.all([how.close(stands.ours), how.close(stands.bare)]).then(() => process.exit(0));
      return;
    }
    how.run(stands[message.target], message).then(
      (result) => send({ kind: 'result', id: message.id, result }),
      (error: Error) => send({ kind: 'result', id: message.id, error: error.message }),
    );
  });
  send({ kind: 'ready', apiUrls: { ours: how.url(stands.ours), bare: how.url(stands.bare) } });
}
