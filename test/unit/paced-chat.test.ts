/** Pacing: a short burst, then one message per second per channel; other channels not held up. */
import { describe, expect, it } from 'vitest';
import type { Chat } from '../../src/chat/chat.js';
import { plain } from '../../src/chat/message.js';
import { pacedChat } from '../../src/chat/paced-chat.js';

function recorder() {
  const sent: string[] = [];
  const chat: Chat = {
    post: async (channelId) => {
      sent.push(channelId);
      return { channelId, messageId: '1' };
    },
    dm: async (userId) => {
      sent.push(userId);
      return { channelId: `D${userId}`, messageId: '1' };
    },
    dmChannel: async (userId) => `D${userId}`,
    update: async () => {},
    user: async (id) => ({ id, unreachable: false }),
    findPosted: async () => [],
  };
  return { chat, sent };
}

describe('pacedChat', () => {
  it("keeps the workspace inside the platform's per-method limits, whatever the channels", async () => {
    let now = 0;
    const { chat, sent } = recorder();
    const limited: Chat = { ...chat, rateLimits: { perMinute: { post: 60, user: 120 }, burst: { post: 2 } } };
    const paced = pacedChat(limited, {
      now: () => now,
      wait: async (ms) => {
        now = Math.max(now, ms + now);
      },
    });
    // Ten DMs, each its own conversation, sent all at once: two at once, then one a second.
    await Promise.all(Array.from({ length: 10 }, (_, i) => paced.dm(`U${i}`, plain('reminder'))));
    expect(sent).toHaveLength(10);
    expect(now).toBeGreaterThanOrEqual(8000);
    expect(now).toBeLessThan(8100);
    // users.info has its own budget: not held up by the posts.
    const before = now;
    await paced.user('U1');
    expect(now).toBe(before);
  });

  it('spaces posts to one channel by the interval and lets other channels through', async () => {
    let now = 0;
    const waits: number[] = [];
    const { chat, sent } = recorder();
    const paced = pacedChat(chat, {
      minIntervalMs: 1000,
      burst: 1,
      now: () => now,
      wait: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    await paced.post('C0BOARD', plain('one'));
    await paced.dm('U1', plain('a'));
    await paced.dm('U2', plain('b'));
    await paced.post('C0BOARD', plain('two'));
    await paced.post('C0BOARD', plain('three'));
    expect(sent).toEqual(['C0BOARD', 'U1', 'U2', 'C0BOARD', 'C0BOARD']);
    expect(waits).toEqual([1000, 1000]);
  });

  it('queues concurrent posts to one channel instead of letting them race', async () => {
    const now = 0;
    const waits: number[] = [];
    const { chat } = recorder();
    const paced = pacedChat(chat, {
      minIntervalMs: 1000,
      burst: 1,
      now: () => now,
      wait: async (ms) => void waits.push(ms),
    });
    await Promise.all([
      paced.post('C1', plain('a')),
      paced.post('C1', plain('b')),
      paced.post('C1', plain('c')),
    ]);
    expect(waits).toEqual([1000, 2000]);
  });

  it('lets a quiet channel take a short burst, then one per interval, refilling as time passes', async () => {
    let now = 0;
    const waits: number[] = [];
    const { chat } = recorder();
    const paced = pacedChat(chat, {
      minIntervalMs: 1000,
      burst: 3,
      now: () => now,
      wait: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    for (const text of ['a', 'b', 'c', 'd']) await paced.dm('U1', plain(text));
    expect(waits).toEqual([1000]);
    now += 10_000;
    for (const text of ['e', 'f', 'g']) await paced.dm('U1', plain(text));
    expect(waits).toEqual([1000]);
  });

  it('forgets only the conversations that are quiet again, however many a sweep has touched', async () => {
    let now = 0;
    const waits: number[] = [];
    const { chat } = recorder();
    const paced = pacedChat(chat, {
      minIntervalMs: 1000,
      burst: 3,
      now: () => now,
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    const dms = async (from: number, count: number) => {
      for (let i = from; i < from + count; i++) await paced.dm(`U${i}`, plain('reminder'));
    };
    // A busy channel goes into debt, then a sweep touches more conversations than are kept.
    for (let i = 0; i < 5; i++) await paced.post('C-busy', plain('countdown'));
    expect(waits).toEqual([1000, 2000]);
    await dms(0, 6000);
    now = 2500;
    await dms(6000, 6000);
    // Still owed: the busy channel was not forgotten among thousands of others.
    await paced.post('C-busy', plain('countdown'));
    expect(waits.at(-1)).toBe(500);
    expect(waits).toHaveLength(3);
    // Long after, everything is quiet again: the channel takes its burst at once.
    now = 60_000;
    await dms(12_000, 6000);
    for (let i = 0; i < 3; i++) await paced.post('C-busy', plain('countdown'));
    expect(waits).toHaveLength(3);
  });
});
