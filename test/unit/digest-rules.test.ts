/** Pure digest rules: when a week's digest is due (across the clock changes), splitting, plain text. */
import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/digest/layout.js';
import { markupToPlain } from '../../src/digest/plain-text.js';
import { describeSchedule, digestSlot, isLate } from '../../src/digest/schedule.js';

const london = { timezone: 'Europe/London', digestDay: 1, digestTime: '09:00' };

describe('digestSlot', () => {
  it('is 09:00 on the Monday of the week in London: 09:00 UTC in winter, 08:00 UTC in summer', () => {
    expect(digestSlot(london, new Date('2027-03-28T23:30:00Z'))).toEqual({
      weekStart: '2027-03-29',
      dueAt: new Date('2027-03-29T08:00:00Z'),
    });
    expect(digestSlot(london, new Date('2027-03-28T22:59:00Z'))).toEqual({
      weekStart: '2027-03-22',
      dueAt: new Date('2027-03-22T09:00:00Z'),
    });
    expect(digestSlot(london, new Date('2027-11-01T00:30:00Z'))).toEqual({
      weekStart: '2027-11-01',
      dueAt: new Date('2027-11-01T09:00:00Z'),
    });
  });

  it('follows the programme’s own day, time and timezone', () => {
    const friday = { timezone: 'Europe/London', digestDay: 5, digestTime: '16:30' };
    expect(digestSlot(friday, new Date('2026-11-23T09:00:00Z'))).toEqual({
      weekStart: '2026-11-23',
      dueAt: new Date('2026-11-27T16:30:00Z'),
    });
    const belfastSummer = { timezone: 'Europe/Dublin', digestDay: 1, digestTime: '09:00' };
    expect(digestSlot(belfastSummer, new Date('2027-06-07T12:00:00Z')).dueAt).toEqual(
      new Date('2027-06-07T08:00:00Z'),
    );
    expect(describeSchedule(friday)).toBe('Fridays at 16:30');
  });

  it('calls a post late more than 15 minutes after its time', () => {
    const due = new Date('2026-11-23T09:00:00Z');
    expect(isLate(new Date('2026-11-23T09:15:00Z'), due)).toBe(false);
    expect(isLate(new Date('2026-11-23T09:15:01Z'), due)).toBe(true);
  });
});

describe('splitText', () => {
  it('splits at spaces, never inside a mention, and loses nothing', () => {
    const text = `${'word '.repeat(10)}<@U0LEAD1|Jane Smith> ${'more '.repeat(10)}`.trim();
    const pieces = splitText(text, 60);
    expect(pieces.every((p) => p.length <= 60)).toBe(true);
    expect(pieces.some((p) => p.includes('<@U0LEAD1|Jane Smith>'))).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('cuts an unbroken run where it must, still losing nothing', () => {
    expect(splitText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });
});

describe('markupToPlain', () => {
  it('reads as plain text: names for mentions, symbols for RAG emoji, entities unescaped, times kept', () => {
    const names = new Map([['U0LEAD1', 'Sarah Ahmed']]);
    expect(
      markupToPlain(
        '<rag:red> *WS2* Practice: _none_ · <person:U0LEAD1> in <channel:C0BOARD|board> at 09:00:00 &lt;b&gt; &amp; co',
        names,
      ),
    ).toBe('[R] WS2 Practice: none · @Sarah Ahmed in #board at 09:00:00 <b> & co');
  });
});
