import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackWebApi } from '../../src/local/slack-web-api.js';
import { DEFAULT_APP_ID } from './slack-payloads.js';

/** What the app sent back for an envelope: Bolt's `ack()` body arrives as `payload`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** A running Socket Mode stand-in; see `createSocketModeStandIn`. */
export interface SocketModeStandIn {
  /** The ws:// URL `apps.connections.open` hands out. */
  readonly url: string;
  readonly acks: SocketAck[];
  /** Open connections from apps. */
  connectionCount(): number;
  sendSlashCommand(payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  sendInteractive(payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  sendEvent(payload: Record<string, unknown>, timeoutMs?: number): Promise<SocketAck>;
  /**
   * Sends `text` as it is (a hostile message need not be JSON). With `envelopeId`, resolves with
   * that envelope's ack; without, as soon as it is sent.
   */
  sendRaw(text: string, envelopeId: string | null, timeoutMs?: number): Promise<SocketAck | null>;
  /** Asks connected apps to reconnect, as Slack does before it rotates servers. */
  requestDisconnect(reason?: string): void;
  close(): Promise<void>;
}

interface Pending {
  resolve: (ack: SocketAck) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * A local WebSocket server that Bolt's SocketModeReceiver connects to. Given a Web API stand-in
 * it attaches itself, so `apps.connections.open` returns this server's URL. On connect it sends
 * `hello` (which is what lets `app.start()` resolve); envelopes resolve with the app's ack.
 */
export async function createSocketModeStandIn(
  options: { webApi?: SlackWebApi; appId?: string } = {},
): Promise<SocketModeStandIn> {
  const appId = options.appId ?? DEFAULT_APP_ID;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const root = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link/`;
  const sockets = new Set<WebSocket>();
  const pending = new Map<string, Pending>();
  const acks: SocketAck[] = [];
  let tickets = 0;

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => receiveAck(String(data), pending, acks));
    socket.send(JSON.stringify(hello(appId)));
  });

  const sendText = (
    text: string,
    envelopeId: string,
    what: string,
    timeoutMs: number,
  ): Promise<SocketAck> => {
    const socket = [...sockets].pop();
    if (!socket) return Promise.reject(new Error('no app is connected to the Socket Mode stand-in'));
    return new Promise<SocketAck>((resolve, reject) => {
      // Bolt's Socket Mode receiver has no unhandled-request timeout, so without this an
      // envelope nobody listens for would hang the test forever.
      const timer = setTimeout(() => {
        pending.delete(envelopeId);
        reject(new Error(`no ack for ${what} envelope within ${timeoutMs} ms (is a listener registered?)`));
      }, timeoutMs);
      pending.set(envelopeId, { resolve, reject, timer });
      socket.send(text);
    });
  };
  const send = (
    type: EnvelopeType,
    payload: Record<string, unknown>,
    timeoutMs = 5000,
  ): Promise<SocketAck> => {
    const envelopeId = randomUUID();
    const text = JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: true });
    return sendText(text, envelopeId, type, timeoutMs);
  };

  const standIn: SocketModeStandIn = {
    url: root,
    acks,
    connectionCount: () => sockets.size,
    sendSlashCommand: (payload, timeoutMs) => send('slash_commands', payload, timeoutMs),
    sendInteractive: (payload, timeoutMs) => send('interactive', payload, timeoutMs),
    sendEvent: (payload, timeoutMs) => send('events_api', payload, timeoutMs),
    sendRaw: async (text, envelopeId, timeoutMs = 5000) => {
      if (envelopeId) return sendText(text, envelopeId, 'a raw', timeoutMs);
      const socket = [...sockets].pop();
      if (!socket) throw new Error('no app is connected to the Socket Mode stand-in');
      socket.send(text);
      return null;
    },
    requestDisconnect: (reason = 'refresh_requested') => {
      for (const socket of sockets) socket.send(JSON.stringify({ type: 'disconnect', reason }));
    },
    close: () => closeAll(server, sockets, pending),
  };
  options.webApi?.attachSocketMode(() => {
    tickets += 1;
    return `${root}?ticket=local-${tickets}&app_id=${appId}`;
  });
  return standIn;
}

function hello(appId: string): Record<string, unknown> {
  return {
    type: 'hello',
    num_connections: 1,
    debug_info: { host: 'applink-local', build_number: 1, approximate_connection_time: 18060 },
    connection_info: { app_id: appId },
  };
}

function receiveAck(text: string, pending: Map<string, Pending>, acks: SocketAck[]): void {
  let message: SocketAck;
  try {
    message = JSON.parse(text) as SocketAck;
  } catch {
    return;
  }
  acks.push(message);
  const waiting = pending.get(message.envelope_id);
  if (!waiting) return;
  pending.delete(message.envelope_id);
  clearTimeout(waiting.timer);
  waiting.resolve(message);
}

/**
 * Closes each connection with a proper close handshake (an abrupt end makes the app log a
 * WebSocket error), falling back to terminate if the app does not answer promptly.
 */
async function closeAll(
  server: WebSocketServer,
  sockets: Set<WebSocket>,
  pending: Map<string, Pending>,
): Promise<void> {
  for (const waiting of pending.values()) {
    clearTimeout(waiting.timer);
    waiting.reject(new Error('Socket Mode stand-in closed'));
  }
  pending.clear();
  await Promise.all([...sockets].map((socket) => closeGracefully(socket)));
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

function closeGracefully(socket: WebSocket, timeoutMs = 1000): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (socket.readyState === socket.OPEN) socket.close(1000, 'stand-in closing');
  });
}
