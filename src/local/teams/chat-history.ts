/**
 * What the local Teams tenant's conversations hold, as Teams keeps a chat's history: the bot's
 * messages as the Bot Connector received them, the people's own, and each card as it now stands.
 */
import { EventEmitter } from 'node:events';
import { LOCAL_TEAMS_BOT } from './workspace.js';

/** One message in a Teams conversation, the bot's or a person's, as the page shows it. */
export interface StoredActivity {
  id: string;
  conversationId: string;
  from: { id: string; name: string };
  text: string;
  attachments?: { contentType: string; content: unknown }[];
  timestamp: string;
  edited?: boolean;
}

type Json = Record<string, unknown>;

export class ChatHistory {
  readonly activities: StoredActivity[] = [];
  private readonly events = new EventEmitter();
  private next = 0;

  constructor(private readonly clock: () => Date) {
    this.events.setMaxListeners(0);
  }

  /** A new message in a conversation, from an activity as the Bot Connector or a person sends it. */
  add(conversationId: string, activity: Json): StoredActivity {
    const from = activity.from as { id?: string; name?: string } | undefined;
    this.next += 1;
    const stored: StoredActivity = {
      id: `${this.clock().getTime()}-${this.next}`,
      conversationId,
      // The SDK sends the bot's replies without a `from`; Teams shows them as the bot's.
      from: { id: String(from?.id ?? LOCAL_TEAMS_BOT.id), name: String(from?.name ?? LOCAL_TEAMS_BOT.name) },
      text: String(activity.text ?? ''),
      ...(Array.isArray(activity.attachments) ? { attachments: activity.attachments as never } : {}),
      timestamp: this.clock().toISOString(),
    };
    this.activities.push(stored);
    this.changed();
    return stored;
  }

  /** The bot's update of one of its messages (PUT …/activities/{id}); false when there is none. */
  update(activityId: string, activity: Json): boolean {
    const found = this.activities.find((a) => a.id === activityId);
    if (!found) return false;
    found.text = String(activity.text ?? found.text);
    if (Array.isArray(activity.attachments)) found.attachments = activity.attachments as never;
    found.edited = true;
    this.changed();
    return true;
  }

  /** Puts a card in place of an activity's (the answer to a pressed Action.Execute button). */
  replaceCard(activityId: string, card: unknown): boolean {
    return this.update(activityId, {
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    });
  }

  restore(saved: StoredActivity[]): void {
    this.activities.push(...saved);
  }

  onChange(listener: () => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  private changed(): void {
    this.events.emit('change');
  }
}
