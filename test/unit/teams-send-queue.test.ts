/**
 * The per-conversation send queue: a 429 waits Retry-After (plus jitter) and succeeds, sends to
 * one conversation keep their order, another conversation is not held up, and what cannot
 * succeed fails after the last try. No test sleeps: the queue's sleep only records.
 */
import { describe, expect, it } from 'vitest';
import { createSendQueue } from '../../src/chat/teams/send-queue.js';

const throttled = (retryAfter?: number) =>
  Object.assign(new Error('429'), {
    response: { status: 429, headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) } },
  });

function queue() {
  const slept: number[] = [];
  const q = createSendQueue({
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
  });
  return { q, slept };
}

describe('Teams send queue', () => {
  it('a 429 with Retry-After waits that long plus jitter, then the send succeeds', async () => {
    const { q, slept } = queue();
    let tries = 0;
    const result = await q.send('a:chat', async () => {
      tries += 1;
      if (tries === 1) throw throttled(2);
      return 'sent';
    });
    expect([result, tries, slept]).toEqual(['sent', 2, [2500]]);
  });

  it('without Retry-After it backs off exponentially with jitter, and gives up after the last try', async () => {
    const { q, slept } = queue();
    await expect(q.send('a:chat', async () => Promise.reject(throttled()))).rejects.toThrow('429');
    expect(slept).toEqual([750, 1500, 3000, 6000]);
  });

  it('keeps the order within a conversation while a throttled send waits; others are not held up', async () => {
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const q = createSendQueue({ sleep: () => gate, random: () => 0 });
    let first = true;
    const a1 = q.send('a', async () => {
      if (first) {
        first = false;
        throw throttled(1);
      }
      order.push('a1');
    });
    const a2 = q.send('a', async () => void order.push('a2'));
    await q.send('b', async () => void order.push('b1'));
    expect(order).toEqual(['b1']);
    release();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    await q.idle();
  });

  it('a failure that is not throttling is not retried, and does not stop the next send', async () => {
    const { q, slept } = queue();
    const forbidden = Object.assign(new Error('403'), { response: { status: 403, headers: {} } });
    await expect(q.send('a', async () => Promise.reject(forbidden))).rejects.toThrow('403');
    expect(await q.send('a', async () => 'next')).toBe('next');
    expect(slept).toEqual([]);
  });
});
