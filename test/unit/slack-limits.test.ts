import { describe, expect, it } from 'vitest';
import { splitMrkdwn } from '../../src/chat/slack/limits.js';
import { renderMessage } from '../../src/chat/slack/render.js';

describe('splitMrkdwn', () => {
  it('leaves text within the limit alone', () => {
    expect(splitMrkdwn('a &amp; b', 3000)).toEqual(['a &amp; b']);
  });

  it('cuts at a paragraph, then a line, then a space, and joins back to the text', () => {
    const text = `${'word '.repeat(30)}\n\n${'next '.repeat(30)}\n${'last '.repeat(30)}`;
    const pieces = splitMrkdwn(text, 200);
    expect(pieces.join('')).toBe(text);
    expect(pieces[0]!.endsWith('\n\n')).toBe(true);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(200);
  });

  it('never splits an entity, a mention or an emoji', () => {
    const text = `${'&amp;'.repeat(100)}<@U0LEAD1|lead>${'😀'.repeat(100)}`;
    const pieces = splitMrkdwn(text, 97);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(97);
      expect(piece).not.toMatch(/&[a-z]*$|^[a-z]*;|<[^>]*$|[\uD800-\uDBFF]$/);
    }
  });

  it('closes a code block at a cut and opens it again after', () => {
    const pieces = splitMrkdwn(`\`\`\`${'x '.repeat(200)}\`\`\``, 150);
    for (const piece of pieces) expect(piece).toMatch(/^```[\s\S]*```$/);
    expect(pieces.map((p) => p.slice(3, -3)).join('')).toBe('x '.repeat(200));
  });
});

describe('renderMessage', () => {
  it('a long context line, header and fields lose nothing', () => {
    const long = '&amp;'.repeat(1000);
    const { blocks } = renderMessage({
      text: 'x',
      blocks: [
        { type: 'header', text: 'H'.repeat(200) },
        { type: 'context', text: long },
        { type: 'section', text: 'fields', fields: ['f'.repeat(2500)] },
      ],
    });
    const json = JSON.stringify(blocks);
    expect(json).toContain(`*${'H'.repeat(200)}*`);
    expect((json.match(/&amp;/g) ?? []).length).toBe(1000);
    expect((json.match(/f/g) ?? []).length).toBeGreaterThanOrEqual(2500);
    for (const block of blocks as { text?: { text: string } }[])
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });
});
