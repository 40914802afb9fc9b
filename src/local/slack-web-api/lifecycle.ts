import type { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import type { RecordedCall } from './types.js';

/** Event-driven wait: checks now, then after each change, until true or the timeout. */
export function waitFor(
  events: EventEmitter,
  check: () => boolean,
  timeoutMs: number,
  calls: RecordedCall[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const listener = (): void => {
      if (!check()) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      const recent = calls.slice(-5).map((call) => `${call.method}${call.error ? ` (${call.error})` : ''}`);
      reject(
        new Error(`waitFor timed out after ${timeoutMs} ms; last calls: ${recent.join(', ') || 'none'}`),
      );
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      events.off('change', listener);
    };
    events.on('change', listener);
    listener();
  });
}

/** Closes the server, dropping keep-alive connections so tests exit promptly. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
