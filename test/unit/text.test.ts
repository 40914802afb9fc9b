import { describe, expect, it } from 'vitest';
import { neutraliseBroadcasts, ZERO_WIDTH_JOINER as ZWJ } from '../../src/chat/slack/mrkdwn.js';
import {
  escapeText,
  mentionsAsTyped,
  normaliseQuotes,
  toSafeText,
  truncateText,
} from '../../src/domain/text.js';

describe('neutraliseBroadcasts', () => {
  it.each([
    ['<!channel> board papers are out', `@${ZWJ}channel board papers are out`],
    ['<!here> quick one', `@${ZWJ}here quick one`],
    ['<!everyone>', `@${ZWJ}everyone`],
    ['<!here|@here> again', `@${ZWJ}here again`],
    ['<!subteam^S0123ABC|@improvement-leads> please', `@${ZWJ}improvement-leads please`],
    ['<!subteam^S0123ABC> please', `@${ZWJ}group please`],
    ['@channel and @here and @everyone', `@${ZWJ}channel and @${ZWJ}here and @${ZWJ}everyone`],
    ['(@Here)', `(@${ZWJ}Here)`],
  ])('%j reads the same but pings nobody', (text, expected) => {
    const result = neutraliseBroadcasts(text);
    expect(result).toBe(expected);
    expect(result.replaceAll(ZWJ, '')).not.toMatch(/<!/);
  });

  it.each([
    '<@U123ABC> please update',
    '<@U123ABC|jane> thanks',
    'see <#C0123|board>',
    'ops@here.example.org',
  ])('keeps %j intact', (text) => {
    expect(neutraliseBroadcasts(text)).toBe(text);
  });

  it('does not change text twice', () => {
    const once = neutraliseBroadcasts('<!channel> @here');
    expect(neutraliseBroadcasts(once)).toBe(once);
  });
});

describe('escapeText', () => {
  it('escapes ampersands and angle brackets', () => {
    expect(escapeText('Caseloads < 30 & ICPC > 68%')).toBe('Caseloads &lt; 30 &amp; ICPC &gt; 68%');
  });

  it('leaves text Slack has already escaped alone', () => {
    expect(escapeText('Health &amp; Care &lt;3')).toBe('Health &amp; Care &lt;3');
  });
});

describe('toSafeText', () => {
  it.each([
    ['<https://evil.example|click here>', '&lt;https://evil.example|click here&gt;'],
    ['<!channel> see <channel:C0123|board>', '&lt;!channel&gt; see <channel:C0123|board>'],
    ['Thanks <person:U123ABC> & <person:W9|jo>', 'Thanks <person:U123ABC> &amp; <person:W9|jo>'],
    ['<person:U1|<https://evil|x>>', '&lt;person:U1|&lt;https://evil|x&gt;&gt;'],
    [
      '<rag:red> <icon:done> <link:https://evil|x>',
      '&lt;rag:red&gt; &lt;icon:done&gt; &lt;link:https://evil|x&gt;',
    ],
    ['<!date^1392734382^{date}|Feb 18>', '&lt;!date^1392734382^{date}|Feb 18&gt;'],
    ['Plain update, nothing to escape', 'Plain update, nothing to escape'],
  ])('%j → %j', (text, expected) => {
    expect(toSafeText(text)).toBe(expected);
  });
});

describe('truncateText', () => {
  const update = 'Caseloads are down to 23 on average across the duty teams';

  it.each([
    [update, 100, update],
    [update, update.length, update],
    [update, 20, 'Caseloads are down…'],
    [update, 25, 'Caseloads are down to 23…'],
    ['Caseloads, ICPC, visits', 17, 'Caseloads, ICPC…'],
    ['Supercalifragilistic', 10, 'Supercali…'],
    ['see <person:U123ABCDEF> now', 12, 'see…'],
    ['Q&amp;A', 5, 'Q…'],
    [update, 1, '…'],
    [update, 0, ''],
  ])('%j at %i', (text, max, expected) => {
    const result = truncateText(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(Math.max(max, 0));
  });

  it('never splits an emoji in half', () => {
    expect(truncateText('ab😀cd', 4)).toBe('ab…');
  });
});

describe('normaliseQuotes', () => {
  it('straightens curly quotes and apostrophes', () => {
    expect(normaliseQuotes('“Right Decisions” at the child’s ‘front door’')).toBe(
      "\"Right Decisions\" at the child's 'front door'",
    );
  });
});

describe('mentionsAsTyped', () => {
  it('writes labelled user and channel mentions back as they were typed', () => {
    expect(mentionsAsTyped('action add WS1 <person:U0OWNER|olly> in <channel:C0BOARD|board> by Friday')).toBe(
      'action add WS1 @olly in #board by Friday',
    );
  });

  it('leaves unlabelled mentions, links and broadcasts for the other guards', () => {
    const text = '<person:U0OWNER> <channel:C0BOARD> <https://evil.example|click> <!here>';
    expect(mentionsAsTyped(text)).toBe(text);
  });

  it('cannot be turned into a ping: a label of @here is still defused when Slack shows it', () => {
    expect(neutraliseBroadcasts(toSafeText(mentionsAsTyped('<person:U0OWNER|here>')))).toBe(`@${ZWJ}here`);
  });
});
