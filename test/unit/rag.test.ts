import { describe, expect, it } from 'vitest';
import { toMrkdwn } from '../../src/chat/slack/mrkdwn.js';
import {
  compareRagBySeverity,
  isRag,
  parseRag,
  parseRagTokens,
  RAG_VALUES,
  type Rag,
  ragArrow,
  ragLabel,
  ragMark,
  ragMovement,
  ragSeverity,
} from '../../src/domain/rag.js';

describe('parseRag', () => {
  it.each<[string, Rag | null]>([
    ['red', 'red'],
    ['RED', 'red'],
    ['r', 'red'],
    ['*Red*', 'red'],
    ['amber.', 'amber'],
    ['A', 'amber'],
    ['green', 'green'],
    ['g', 'green'],
    ['complete', 'complete'],
    ['Completed', 'complete'],
    ['blue', 'complete'],
    ['not-started', 'not_started'],
    ['not_started', 'not_started'],
    ['NotStarted', 'not_started'],
    ['grey', 'not_started'],
    [':red_circle:', 'red'],
    [':large_orange_circle:', 'amber'],
    // 'done' closes an action; reading it as a RAG would change a status by accident.
    ['done', null],
    // Some councils use Yellow as a rating of its own.
    ['yellow', null],
    ['orange', null],
    ['reddish', null],
    ['', null],
    ['toString', null],
  ])('%j → %j', (word, expected) => {
    expect(parseRag(word)).toBe(expected);
  });
});

describe('parseRagTokens', () => {
  it.each([
    [['not', 'started', 'recruitment', 'paused'], { rag: 'not_started', used: 2 }],
    [['Not', 'Started.'], { rag: 'not_started', used: 2 }],
    [['amber', 'not', 'started'], { rag: 'amber', used: 1 }],
    [['not-started', 'yet'], { rag: 'not_started', used: 1 }],
    [['not', 'sure'], null],
    [['not'], null],
    [['done'], null],
    [[], null],
  ])('%j → %j', (tokens, expected) => {
    expect(parseRagTokens(tokens)).toEqual(expected);
  });
});

describe('labels and emoji', () => {
  it.each<[Rag, string, string]>([
    ['red', 'Red', ':red_circle:'],
    ['amber', 'Amber', ':large_orange_circle:'],
    ['green', 'Green', ':large_green_circle:'],
    ['complete', 'Complete', ':large_blue_circle:'],
    ['not_started', 'Not started', ':white_circle:'],
  ])('%s reads %j with %s on Slack', (rag, label, emoji) => {
    expect(ragLabel(rag)).toBe(label);
    expect(toMrkdwn(ragMark(rag))).toBe(emoji);
  });

  it.each<[string, Rag]>([
    ['🔴', 'red'],
    ['🟠', 'amber'],
    ['🟡', 'amber'],
    ['🟢', 'green'],
    ['🔵', 'complete'],
    ['⚪️', 'not_started'],
  ])('reads the emoji %s, as Teams users type it, as %s', (emoji, rag) => {
    expect(parseRag(emoji)).toBe(rag);
  });

  it('lists every value and recognises stored strings', () => {
    expect(RAG_VALUES).toEqual(['red', 'amber', 'green', 'complete', 'not_started']);
    expect(RAG_VALUES.every(isRag)).toBe(true);
    expect(isRag('Red')).toBe(false);
  });
});

describe('severity', () => {
  it('puts Red first for exception reporting, Complete last', () => {
    const sorted = [...RAG_VALUES].sort(compareRagBySeverity);
    expect(sorted).toEqual(['red', 'amber', 'not_started', 'green', 'complete']);
    expect(ragSeverity('red')).toBeGreaterThan(ragSeverity('amber'));
  });
});

describe('ragMovement and ragArrow', () => {
  it.each<[Rag, Rag, 'worse' | 'better' | 'same', string]>([
    ['green', 'red', 'worse', '↓'],
    ['red', 'amber', 'better', '↑'],
    ['amber', 'green', 'better', '↑'],
    ['green', 'complete', 'better', '↑'],
    ['complete', 'amber', 'worse', '↓'],
    ['amber', 'amber', 'same', ''],
    // A new Red is always news to the board.
    ['not_started', 'red', 'worse', '↓'],
    ['not_started', 'amber', 'better', '↑'],
    ['not_started', 'complete', 'better', '↑'],
    // Falling back to Not started is a slip; leaving Red behind is not.
    ['green', 'not_started', 'worse', '↓'],
    ['red', 'not_started', 'better', '↑'],
  ])('%s → %s is %s %j', (from, to, movement, arrow) => {
    expect(ragMovement(from, to)).toBe(movement);
    expect(ragArrow(from, to)).toBe(arrow);
  });
});
