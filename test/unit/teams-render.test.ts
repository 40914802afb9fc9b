/**
 * The Adaptive Card renderer: what a Teams user sees for each neutral block, mention and mark,
 * and a form for a modal. Whole cards are file snapshots, read by a person once
 * (scripts/teams-card-png.ts draws the samples with Microsoft's renderer).
 */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src/chat/teams/form.js';
import { toTeamsMarkdown } from '../../src/chat/teams/markdown.js';
import { renderMessage } from '../../src/chat/teams/render.js';
import { SAMPLE_FORM, SAMPLE_MESSAGE } from './teams-samples.js';

const AAD = '9f1c2d3e-0000-4000-8000-000000000001';

describe('neutral markup as Teams Markdown', () => {
  it('bold doubles its asterisks; italics and code stay; code keeps its asterisks', () => {
    expect(toTeamsMarkdown('*Family Help* is _on track_, see `a*b*c` and ```x *y*```').text).toBe(
      '**Family Help** is _on track_, see `a*b*c` and ```x *y*```',
    );
  });

  it('a command quoted as Slack’s /improve is written as Teams users type it, without the slash', () => {
    expect(
      toTeamsMarkdown('Away? `/improve snooze 08/12/2026` pauses them; `/improve reminders off` stops them.')
        .text,
    ).toBe('Away? `improve snooze 08/12/2026` pauses them; `improve reminders off` stops them.');
    expect(toTeamsMarkdown('```\n/improve update WS1 green\n/improve status\n```').text).toBe(
      '```\nimprove update WS1 green\nimprove status\n```',
    );
    // Outside code, and a slash in the middle of a code span, are left alone.
    expect(toTeamsMarkdown('Slack’s /improve, or `see /improve`').text).toBe(
      'Slack’s /improve, or `see /improve`',
    );
  });

  it('RAG marks and icons become emoji', () => {
    expect(toTeamsMarkdown('<rag:red> <rag:amber> <rag:green> <rag:complete> <rag:not_started>').text).toBe(
      '🔴 🟠 🟢 🔵 ⚪',
    );
    expect(toTeamsMarkdown('<icon:done> <icon:warning> <icon:next> <icon:bell_off>').text).toBe('✅ ⚠️ ➡️ 🔕');
  });

  it('a person is an <at> mention with an entity; their name wins over how they were typed', () => {
    const out = toTeamsMarkdown(`Owner <person:${AAD}|Sam> and again <person:${AAD}>`, {
      people: { [AAD]: 'Sam Patel' },
    });
    expect(out.text).toBe('Owner <at>Sam Patel</at> and again <at>Sam Patel</at>');
    expect(out.mentions).toEqual([
      { type: 'mention', text: '<at>Sam Patel</at>', mentioned: { id: AAD, name: 'Sam Patel' } },
    ]);
  });

  it("a channel is its name when known, else 'the channel'; escapes are decoded after tokens", () => {
    expect(toTeamsMarkdown('Posted in <channel:19:abc@thread.tacv2>').text).toBe('Posted in the channel');
    expect(toTeamsMarkdown('<channel:19:x>', { channels: { '19:x': 'Improvement board' } }).text).toBe(
      'Improvement board',
    );
    expect(toTeamsMarkdown('A &amp; B &lt;person:x&gt; <unknown:y>').text).toBe(
      'A & B <person:x> <unknown:y>',
    );
  });
});

describe('messages as Adaptive Cards', () => {
  it('renders every kind of block (snapshot)', async () => {
    const rendered = renderMessage(SAMPLE_MESSAGE, { people: { [AAD]: 'Sam Patel' } });
    expect(rendered.cards).toHaveLength(1);
    await expect(`${JSON.stringify(rendered, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/teams-message.card.json',
    );
  });

  it('buttons are Action.Execute whose verb is the action id and whose data carries the value', () => {
    const card = renderMessage({
      text: 'x',
      blocks: [{ type: 'actions', buttons: [{ text: 'Done', actionId: 'reminder.done', value: '42' }] }],
    }).cards[0]!;
    expect(card.body[0]).toEqual({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: 'Done',
          verb: 'reminder.done',
          data: { actionId: 'reminder.done', value: '42' },
        },
      ],
    });
  });

  it('a message too big for one activity is split between blocks, each card under the limit', () => {
    const para = 'Word '.repeat(200);
    const blocks = Array.from({ length: 60 }, (_, i) => ({ type: 'section' as const, text: `${i} ${para}` }));
    const { cards } = renderMessage({ text: 'Digest', blocks });
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(24_000);
    const texts = cards.flatMap((c) => c.body.map((e) => String(e.text).split(' ')[0]));
    expect(texts).toEqual(blocks.map((_, i) => String(i)));
  });

  it('a message with no blocks is its text in one TextBlock', () => {
    expect(renderMessage({ text: '*Saved*' }).cards[0]!.body).toEqual([
      { type: 'TextBlock', text: '**Saved**', wrap: true },
    ]);
  });
});

describe('modals as Adaptive Card forms', () => {
  it('renders text, multiline, choice, date and people inputs, with a field error (snapshot)', async () => {
    const card = renderForm(SAMPLE_FORM, { due: 'The due date must be in the future.' });
    await expect(`${JSON.stringify(card, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/teams-form.card.json',
    );
    const picker = card.body.find((e) => e.id === 'owner');
    expect(picker).toMatchObject({
      type: 'Input.ChoiceSet',
      'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
    });
    const dueAt = card.body.findIndex((e) => e.id === 'due');
    expect(card.body[dueAt + 1]).toMatchObject({
      text: 'The due date must be in the future.',
      color: 'Attention',
    });
  });
});
