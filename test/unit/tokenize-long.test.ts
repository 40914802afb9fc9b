/** The tokeniser is linear: unclosed quotes and brackets no longer rescan the rest of the text. */
import { expect, it } from 'vitest';
import { tokenize } from '../../commands/tokenize.js';

it.each(['“ ', '‘ ', "'a ", '< '])('splits 100,000 unclosed %j quickly, one word each', (unit) => {
  const text = unit.repeat(100_000);
  const started = performance.now();
  const tokens = tokenize(text);
  // Quadratic, this was about 10^10 steps (minutes); linear, it is a few milliseconds.
  expect(performance.now() - started).toBeLessThan(1000);
  expect(tokens).toHaveLength(100_000);
  expect(tokens[99_999]).toMatchObject({ text: unit.trim(), quoted: false });
});

it('still reads quoted words and mentions as before', () => {
  expect(
    tokenize('update "Improve Our Practice" <@U1|jo> “curly one” it\'s fine').map((t) => t.text),
  ).toEqual(['update', 'Improve Our Practice', '<@U1|jo>', 'curly one', "it's", 'fine']);
});
