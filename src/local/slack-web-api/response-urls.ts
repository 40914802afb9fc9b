import { blockLimitBroken } from './block-limits.js';
import type { FakeWorkspace } from './store.js';
import type { RecordedResponse } from './types.js';

/** Where a response URL's replies belong, so they can be shown in the right place. */
export interface ResponseUrlContext {
  /** The conversation the command or action came from. */
  channel?: string;
  /** The user who ran the command or clicked; ephemeral replies are shown to them. */
  user?: string;
  /** The message an action came from: `replace_original` / `delete_original` act on it. */
  messageTs?: string;
}

interface Registration {
  tag: string;
  url: string;
  context: ResponseUrlContext;
  uses: number;
}

/** Slack lets a response_url be used five times (within 30 minutes). */
const MAX_USES = 5;

/**
 * Response URLs on the stand-in. Bolt's `respond()` POSTs JSON to them with the global fetch
 * (it ignores slackApiUrl), so tests must put these URLs in the payloads they send.
 */
export class ResponseUrls {
  private readonly registrations = new Map<string, Registration>();
  private count = 0;

  constructor(
    private readonly baseUrl: () => string,
    private readonly workspace: FakeWorkspace,
    readonly responses: RecordedResponse[],
  ) {}

  /** Mints a URL; the tag defaults to a counter and names the URL in `responses`. */
  create(tag?: string, context: ResponseUrlContext = {}): string {
    this.count += 1;
    const id = `${this.count}-${encodeURIComponent(tag ?? 'response')}`;
    const url = `${this.baseUrl()}response/${id}`;
    this.registrations.set(id, { tag: tag ?? String(this.count), url, context, uses: 0 });
    return url;
  }

  /**
   * Records a POSTed body and mirrors its effect on the message store. Returns the HTTP status:
   * 404 for an unknown or used-up URL, as Slack answers.
   */
  receive(id: string, body: Record<string, unknown>): number {
    const registration = this.registrations.get(id);
    if (!registration || registration.uses >= MAX_USES) return 404;
    // Slack answers a response_url POST with blocks it cannot take with 400 invalid_blocks.
    if (Array.isArray(body.blocks) && blockLimitBroken(body.blocks)) return 400;
    registration.uses += 1;
    this.responses.push({
      tag: registration.tag,
      url: registration.url,
      body,
      at: this.workspace.clock().getTime(),
    });
    this.apply(registration.context, body);
    return 200;
  }

  private apply(context: ResponseUrlContext, body: Record<string, unknown>): void {
    const { workspace } = this;
    const original =
      context.channel && context.messageTs
        ? workspace.findMessage(context.channel, context.messageTs)
        : undefined;
    if (body.delete_original === true) {
      if (original) workspace.removeMessage(original.channel, original.ts);
      return;
    }
    const text = typeof body.text === 'string' ? body.text : '';
    const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
    if (body.replace_original === true && original) {
      original.text = text;
      if (blocks) original.blocks = blocks;
      original.editedAt = workspace.nextTs();
      return;
    }
    // Slack's default response_type is ephemeral: only the invoking user sees the reply.
    const ephemeral = body.response_type !== 'in_channel';
    workspace.addMessage({
      channel: context.channel ?? '',
      user: workspace.bot.userId,
      bot_id: workspace.bot.botId,
      text,
      ...(blocks ? { blocks } : {}),
      // Without a known user an ephemeral reply must still stay out of channel history.
      ...(ephemeral ? { ephemeralFor: context.user ?? 'unknown' } : {}),
      ...(typeof body.thread_ts === 'string' ? { thread_ts: body.thread_ts } : {}),
    });
  }
}
