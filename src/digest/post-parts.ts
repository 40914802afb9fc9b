/**
 * Posting a digest's messages so a retry can tell what is already there: the main message carries
 * metadata naming the programme and week (found again with conversations.history), and each
 * thread reply names its part (found with conversations.replies).
 */
import type { Chat, MessageMetadata, Posted } from '../chat/chat.js';
import type { Message } from '../chat/message.js';

export const DIGEST_EVENT = 'improvement_digest';
export const DIGEST_PART_EVENT = 'improvement_digest_part';
/** An extra digest an admin asked for after the week's one was posted; never mistaken for it. */
export const DIGEST_EXTRA_EVENT = 'improvement_digest_on_request';

export interface DigestRef {
  programmeId: number;
  weekStart: string;
}

const matches = (payload: Record<string, unknown>, ref: DigestRef) =>
  String(payload.programmeId) === String(ref.programmeId) && payload.weekStart === ref.weekStart;

/** The week's main digest message if it is already in the channel. */
export async function findPostedDigest(
  chat: Chat,
  channelId: string,
  ref: DigestRef,
  since: Date,
): Promise<{ messageId: string; postedAt: Date } | null> {
  const found = await chat.findPosted(channelId, since, DIGEST_EVENT);
  return found.find((m) => matches(m.payload, ref)) ?? null;
}

/** Posts the main message with the week's metadata. */
export async function postMain(
  chat: Chat,
  channelId: string,
  message: Message,
  metadata: MessageMetadata,
): Promise<Posted> {
  const { thread: _thread, ...main } = message;
  return chat.post(channelId, main, { metadata });
}

/**
 * Posts the thread replies that are not there yet. `checkExisting` is false right after posting
 * the main message (its thread is empty), saving a call.
 */
export async function postMissingParts(
  chat: Chat,
  where: Posted,
  message: Message,
  ref: DigestRef,
  checkExisting: boolean,
  eventType = DIGEST_PART_EVENT,
  beforeEach: () => Promise<void> = async () => {},
): Promise<number> {
  const replies = message.thread ?? [];
  if (replies.length === 0) return 0;
  const existing =
    checkExisting && chat.findReplies
      ? await chat.findReplies(where.channelId, where.messageId, eventType)
      : [];
  const done = new Set(existing.filter((m) => matches(m.payload, ref)).map((m) => Number(m.payload.part)));
  let posted = 0;
  for (const [i, reply] of replies.entries()) {
    const part = i + 2;
    if (done.has(part)) continue;
    await beforeEach();
    await chat.post(where.channelId, reply, {
      threadId: where.messageId,
      metadata: { eventType, payload: { ...ref, part } },
    });
    posted += 1;
  }
  return posted;
}
