import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Tells open pages that something changed (a message posted or updated, a modal opened, the
 * clock moved) over Server-Sent Events. Pages then fetch their own view of the workspace, so
 * the feed carries only a version number and never leaks one person's ephemerals to another.
 */
export class ChangeFeed {
  private current = 0;
  private readonly events = new EventEmitter();

  constructor() {
    this.events.setMaxListeners(0);
  }

  get version(): number {
    return this.current;
  }

  bump(): void {
    this.current += 1;
    this.events.emit('change', this.current);
  }

  /** Calls `listener` after every change (local mode saves the page then); returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  /** Streams `data: <version>` on every change until the page goes away. */
  serve(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (version: number) => res.write(`data: ${version}\n\n`);
    send(this.current);
    this.events.on('change', send);
    req.on('close', () => this.events.off('change', send));
  }
}
