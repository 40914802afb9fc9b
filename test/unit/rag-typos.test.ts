import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../../src/domain/edit-distance.js';
import { ragTypo } from '../../src/domain/rag-typos.js';

describe('ragTypo: a mistyped RAG word at the start of an update', () => {
  it.each([
    ['amberr', 'amber'],
    ['Ambre', 'amber'],
    ['ambr', 'amber'],
    ['anber', 'amber'],
    ['*amberr*', 'amber'],
    ['gren', 'green'],
    ['greeen', 'green'],
    ['Geren', 'green'],
    ['grren,', 'green'],
    ['rde', 'red'],
    ['redd', 'red'],
  ])('%s → %s', (word, rag) => expect(ragTypo(word)).toBe(rag));

  it.each([
    // RAG words themselves are not typos.
    'amber',
    'Green',
    'red',
    'a',
    // Ordinary first words of an update, some one slip from a RAG word.
    'agreed',
    'Agree',
    'Reds',
    'Greens',
    'ambers',
    'greed',
    'Greet',
    'Greek',
    'ember',
    'led',
    'fed',
    'reed',
    'Re:',
    'great',
    'grew',
    'queen',
    'number',
    'A-12',
    'g2',
    'WS1',
  ])('%s is an ordinary word', (word) => expect(ragTypo(word)).toBeNull());
});

describe('editDistance and closestWord', () => {
  it('counts a swap of neighbours as one slip', () => {
    expect(editDistance('udpate', 'update')).toBe(1);
    expect(editDistance('updat', 'update')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('gives no guess when two candidates are equally close', () => {
    expect(closestWord('ws3', ['WS1', 'WS2'], 1)).toBeNull();
    expect(closestWord('udpate', ['update', 'rag', 'action'], 1)).toBe('update');
  });
});
