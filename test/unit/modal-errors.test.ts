import { describe, expect, it } from 'vitest';
import { errorsWithNames } from '../../src/chat/slack/modal-errors.js';

const names = async (ids: string[]) =>
  new Map(ids.filter((id) => id === 'U0LEAD1').map((id) => [id, 'Jo Lead']));

describe('modal errors with names', () => {
  it('names people and channels, preferring the label Slack put in the mention', async () => {
    expect(
      await errorsWithNames(
        {
          owner:
            'Only <person:U0LEAD1> or <person:U0OWNER|olly> can; see <channel:C0BOARD|board> or <channel:C0OTHER>.',
        },
        names,
      ),
    ).toEqual({ owner: 'Only Jo Lead or olly can; see #board or #C0OTHER.' });
  });

  it('leaves a person it cannot name as the bare id, and still answers when the look-up fails', async () => {
    expect(await errorsWithNames({ text: 'Ask <person:U0GONE>.' }, names)).toEqual({ text: 'Ask U0GONE.' });
    const failing = async () => {
      throw new Error('database gone');
    };
    expect(await errorsWithNames({ text: 'Ask <person:U0LEAD1>.' }, failing)).toEqual({
      text: 'Ask U0LEAD1.',
    });
  });

  it('asks for names only when a mention has no label', async () => {
    const asked: string[][] = [];
    const spy = async (ids: string[]) => {
      asked.push(ids);
      return new Map<string, string>();
    };
    await errorsWithNames({ a: 'No mentions here.', b: '<person:U0OWNER|olly>' }, spy);
    expect(asked).toEqual([]);
  });
});
