/** The refusal gives back the whole text, however long, in sections Slack will show in full. */
import { describe, expect, it } from 'vitest';
import { refusal, splitForQuoting } from '../../commands/replies.js';
import { renderMessage } from '../../src/chat/slack/render.js';
import { AppError } from '../../src/domain/errors.js';

const sections = (message: { blocks?: unknown[] }) =>
  (renderMessage(message as never).blocks ?? []) as { text: { text: string } }[];

describe('splitForQuoting', () => {
  it.each([
    ['short', 'Visited on Tuesday'],
    ['long prose', 'Caseloads are down in every team. '.repeat(300)],
    ['one long word', 'x'.repeat(7000)],
    ['escapes that grow', '<&>'.repeat(3000)],
    ['emoji across a cut', '👍'.repeat(3000)],
  ])('%s: the parts join back to the text', (_what, text) => {
    const parts = splitForQuoting(text);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('refusal', () => {
  it('puts a text too long for one message into follow-ups, every section within Slack’s limit', () => {
    const typed = `/improve update WS1 ${'Audit of six cases in the duty team. '.repeat(3600)}`;
    const reply = refusal(new AppError('bad_input', 'Too long.'), { typed });
    if (reply.kind !== 'ephemeral') throw new Error('expected an ephemeral reply');
    const messages = [reply.message, ...(reply.message.thread ?? [])];
    expect(messages.length).toBeGreaterThan(1);
    const rendered = messages.flatMap(sections);
    expect(messages.every((m) => (m.blocks?.length ?? 0) <= 45)).toBe(true);
    expect(Math.max(...rendered.map((s) => s.text.text.length))).toBeLessThanOrEqual(3000);
    const echoed = rendered
      .flatMap((s) => [...s.text.text.matchAll(/```([\s\S]*?)```/g)].map((m) => m[1]))
      .join('');
    expect(echoed).toBe(typed);
  });
});
