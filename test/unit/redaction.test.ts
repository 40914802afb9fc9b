/**
 * The pure redaction rules: the marker's wording and date, rewriting JSON copies by whole value,
 * and the text at the end of an audit row's words (as a board pack keeps them).
 */
import { describe, expect, it } from 'vitest';
import { describeAuditRow, redactDescription } from '../../src/domain/audit-words.js';
import {
  isMarker,
  parseJson,
  redactionMarker,
  redactUnreadable,
  redactValue,
  textsToRemove,
} from '../../src/domain/redaction.js';

describe('redactionMarker', () => {
  it('names who and the UK date in the programme’s timezone', () => {
    // 23:30 UTC on 31 March 2027 is already 1 April in London (BST).
    expect(redactionMarker('Jo Bloggs', new Date('2027-03-31T23:30:00Z'), 'Europe/London')).toBe(
      'removed by Jo Bloggs on 01/04/2027: personal data',
    );
    expect(redactionMarker('Jo Bloggs', new Date('2027-01-15T23:30:00Z'), 'Europe/London')).toBe(
      'removed by Jo Bloggs on 15/01/2027: personal data',
    );
  });

  it('is recognised as a marker, so a second redaction finds nothing left to remove', () => {
    const marker = redactionMarker('Sam', new Date('2026-11-23T10:00:00Z'), 'Europe/London');
    expect(isMarker(marker)).toBe(true);
    expect(textsToRemove([marker, '', '  ', null, undefined, 'Real text'])).toEqual(new Set(['Real text']));
  });
});

describe('redactValue', () => {
  const texts = new Set(['Visited the family at home', 'ok']);

  it('replaces whole string values at any depth and leaves everything else as it was', () => {
    const json = JSON.stringify({
      text: 'Visited the family at home',
      nested: { reason: 'Visited the family at home', list: ['ok', 'not ok'] },
      status: 'open',
      count: 3,
    });
    expect(redactValue(JSON.parse(json), texts, 'MARK')).toEqual({
      found: true,
      value: {
        text: 'MARK',
        nested: { reason: 'MARK', list: ['MARK', 'not ok'] },
        status: 'open',
        count: 3,
      },
    });
  });

  it('does not cut a short text out of longer values, and says when nothing matched', () => {
    expect(redactValue({ status: 'ok then', text: 'looks ok' }, texts, 'MARK')).toEqual({
      found: false,
      value: { status: 'ok then', text: 'looks ok' },
    });
    expect(parseJson('not json')).toBeNull();
  });
});

describe('redactDescription', () => {
  const long = `Visited the family at home ${'and agreed the plan with the duty team '.repeat(6)}`.trim();
  const row = (action: string, after: Record<string, unknown>) => ({
    action,
    what: describeAuditRow({ action, before: null, after: JSON.stringify(after) }),
  });

  it('replaces the text the words end in, clipped as they clip it', () => {
    const posted = row('update.post', { text: long });
    expect(posted.what).toMatch(/^update posted: Visited the family at home .*…$/);
    expect(redactDescription(posted, new Set([long]), 'MARK')).toBe('update posted: MARK');
    expect(redactDescription(row('rag.change', { rag: 'red', reason: 'ok' }), new Set(['ok']), 'MARK')).toBe(
      'RAG changed to Red: MARK',
    );
  });

  it('leaves rows whose words end in no typed text, and a short text inside longer words', () => {
    const texts = new Set(['ok', 'Visited the family at home']);
    expect(redactDescription(row('workstream.add', { code: 'WS9', name: 'ok' }), texts, 'MARK')).toBeNull();
    expect(redactDescription(row('update.post', { text: 'looks ok' }), texts, 'MARK')).toBeNull();
    expect(
      redactDescription(row('update.post', { text: 'Visited the family at home twice' }), texts, 'MARK'),
    ).toBeNull();
  });

  it('leaves another text that only ends in ": " and a removed one', () => {
    const texts = new Set(['none', 'Friday']);
    const posted = row('update.post', { text: 'Safeguarding concerns raised this week: none' });
    expect(redactDescription(posted, texts, 'MARK')).toBeNull();
    const changed = row('rag.change', { rag: 'amber', reason: 'Agency cover: Friday' });
    expect(redactDescription(changed, texts, 'MARK')).toBeNull();
  });
});

describe('redactValue on a pack, by its free-text fields only', () => {
  it('replaces a removed note, not an action status or code that reads the same', () => {
    const fields = new Set(['text', 'reason', 'evidenceNote', 'dropNote']);
    const pack = {
      actions: [
        { number: 41, status: 'done', evidenceNote: 'done', code: 'WS1' },
        { number: 20, status: 'done', text: 'Audit the duty rota', code: 'WS1' },
      ],
    };
    expect(redactValue(pack, new Set(['done', 'WS1']), 'MARK', fields).value).toEqual({
      actions: [
        { number: 41, status: 'done', evidenceNote: 'MARK', code: 'WS1' },
        { number: 20, status: 'done', text: 'Audit the duty rota', code: 'WS1' },
      ],
    });
  });
});

describe('redactUnreadable, for a stored row that is not JSON', () => {
  const marker = 'removed by “Jo” on 01/04/2027: personal data';
  const escapedMarker = JSON.stringify(marker).slice(1, -1);

  it('replaces each text where it is a whole value, as JSON escapes it and as typed, longest first', () => {
    const text = 'Saw "Ann" at home\nand at school';
    const cut = `{"text":${JSON.stringify(text)},"notes":["Saw \\"Ann\\" at home"],"raw":"${text}","x":1`;
    const redacted = redactUnreadable(cut, { values: [text, 'Saw "Ann" at home'] }, marker)!;
    expect(redacted).toBe(
      `{"text":"${escapedMarker}","notes":["${escapedMarker}"],"raw":"${escapedMarker}","x":1`,
    );
    expect(redacted).not.toContain('Ann');
  });

  it('leaves a short text alone where it is part of another value or a key ("done", "abandoned", "status":"done")', () => {
    const snapshot =
      '{"actions":[{"status":"done","text":"done","dropNote":"Not done yet"},{"status":"done","text":"Call the school"}],"done":true,"abandoned":true';
    const redacted = redactUnreadable(
      snapshot,
      { values: ['done'], keys: new Set(['text', 'reason', 'evidenceNote', 'dropNote']) },
      marker,
    )!;
    expect(redacted).toBe(
      `{"actions":[{"status":"done","text":"${escapedMarker}","dropNote":"Not done yet"},{"status":"done","text":"Call the school"}],"done":true,"abandoned":true`,
    );
    // Without keys (an audit row's before and after): any whole value, never a key.
    expect(redactUnreadable('{"done":"done","a":["done","undone"]', { values: ['done'] }, marker)).toBe(
      `{"done":"${escapedMarker}","a":["${escapedMarker}","undone"]`,
    );
  });

  it("replaces a board pack audit row's words only where they end in the text, after their first ': '", () => {
    const row =
      '{"rows":[{"what":"update posted: Ann Smith is at…"},{"what":"update posted: Ann Smith is at… ok"}';
    expect(redactUnreadable(row, { values: [], tails: ['Ann Smith is at…'] }, marker)).toBe(
      `{"rows":[{"what":"update posted: ${escapedMarker}"},{"what":"update posted: Ann Smith is at… ok"}`,
    );
  });

  it('does not find a copy cut short inside the text, nor change a marker already written', () => {
    const cut = '{"text":"Ann Smith\\nlives at 4 Road Street","old":"Ann Smith\\nlives at 4';
    const redacted = redactUnreadable(
      cut,
      { values: ['Ann Smith\nlives at 4 Road Street', 'data'] },
      marker,
    )!;
    expect(redacted).toBe(`{"text":"${escapedMarker}","old":"Ann Smith\\nlives at 4`);
  });

  it('says when nothing was replaced', () => {
    expect(redactUnreadable('{"text":"Nothing personal"', { values: ['Ann Smith'] }, marker)).toBeNull();
    expect(redactUnreadable('{"text":"x"', { values: [''] }, marker)).toBeNull();
  });
});
