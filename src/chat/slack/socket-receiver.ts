/**
 * Socket Mode with a guard in front of Bolt, as HTTP has (request-guard.ts). Bolt's own
 * SocketModeReceiver builds its Socket Mode client itself, so there is no place to check an
 * envelope before that client reads it; this receiver is Bolt's, with a client that judges each
 * envelope first (envelope-shape.ts). A refused envelope is acknowledged with nothing, so Slack
 * does not deliver it again, and logged.
 */
import {
  type App,
  type Logger as BoltLogger,
  defaultProcessEventErrorHandler,
  type Receiver,
} from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { judgeEnvelope } from './envelope-shape.js';

/** Far above any real envelope (a full modal's state is tens of kilobytes), as for HTTP bodies. */
const MESSAGE_LIMIT_CHARS = 1024 * 1024;

export interface SocketReceiverOptions {
  appToken: string;
  command: string;
  logger: BoltLogger;
  /** Where apps.connections.open is called (the local stand-in in tests). */
  slackApiUrl?: string;
}

/** The Socket Mode client, with every message judged before the client itself reads it. */
class GuardedSocketModeClient extends SocketModeClient {
  constructor(
    private readonly guard: Pick<SocketReceiverOptions, 'command' | 'logger' | 'appToken' | 'slackApiUrl'>,
  ) {
    super({
      appToken: guard.appToken,
      logger: guard.logger,
      clientOptions: guard.slackApiUrl ? { slackApiUrl: guard.slackApiUrl } : {},
    });
  }

  protected override async onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> {
    if (isBinary) return super.onWebSocketMessage(data, isBinary);
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    if (text.length > MESSAGE_LIMIT_CHARS) return this.refuse(null, 'the message is too large');
    let envelope: unknown;
    try {
      envelope = JSON.parse(text);
    } catch {
      return this.refuse(null, 'the message is not JSON');
    }
    const verdict = judgeEnvelope(envelope, this.guard.command);
    if (verdict.kind === 'connection' || verdict.kind === 'pass')
      return super.onWebSocketMessage(text, false);
    if (verdict.kind === 'ignore') return this.acknowledge(verdict.envelopeId);
    return this.refuse(verdict.envelopeId, verdict.reason);
  }

  private async refuse(envelopeId: string | null, reason: string): Promise<void> {
    this.guard.logger.warn(`refused a malformed Socket Mode envelope: ${reason}`);
    if (envelopeId) await this.acknowledge(envelopeId);
  }

  /** An empty ack: the client's `send` is how it acks every envelope, though its type hides it. */
  private async acknowledge(envelopeId: string): Promise<void> {
    const client = this as unknown as { send(id: string, body: object): Promise<void> };
    await client.send(envelopeId, {}).catch((error: unknown) => {
      this.guard.logger.warn(`could not acknowledge a refused envelope: ${String(error)}`);
    });
  }
}

/** A Bolt receiver over the guarded client; it dispatches to the app as Bolt's SocketModeReceiver does. */
export class GuardedSocketModeReceiver implements Receiver {
  private readonly client: GuardedSocketModeClient;
  private app: App | undefined;

  constructor(private readonly options: SocketReceiverOptions) {
    this.client = new GuardedSocketModeClient(options);
    this.client.on('slack_event', (args) => this.dispatch(args));
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  async stop(): Promise<void> {
    await this.client.disconnect();
  }

  private async dispatch(args: SlackEventArgs): Promise<void> {
    let acked = false;
    const ack = async (response?: unknown) => {
      // A second ack would send a second response for one envelope; Bolt's receiver ignores it too.
      if (acked) return;
      acked = true;
      await args.ack(response as object);
    };
    const event = { body: args.body, ack, retryNum: args.retry_num, retryReason: args.retry_reason };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      const logger = this.options.logger;
      if (await defaultProcessEventErrorHandler({ error: error as Error, logger, event })) await ack();
    }
  }
}

interface SlackEventArgs {
  ack: (response?: object) => Promise<void>;
  body: Record<string, unknown>;
  retry_num?: number;
  retry_reason?: string;
}
