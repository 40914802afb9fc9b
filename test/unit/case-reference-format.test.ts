import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  patternFromExample,
  shapeOf,
  validateCaseReferencePattern,
} from '../../src/domain/personal-data/index.js';

const patternOf = (example: string): string => {
  const made = patternFromExample(example);
  if (!('pattern' in made)) throw new Error(made.problem);
  return made.pattern;
};

describe('a case-reference format from an example', () => {
  it.each([
    ['CP/2025/1187', 'CP/####/####', 'Seen at panel: CP/2019/0042.', 'CP/2019 review'],
    ['WR-000123', 'WR-######', 'ref wr-998877 closed', 'WR-99887766'],
    ['ZZ 1234 5678', 'ZZ #### ####', 'zz 0000 1111 stepped down', 'ZZ 1234 567'],
  ])(
    '%s reads as %s, matches other references of its shape and nothing longer',
    (example, shape, hit, miss) => {
      const pattern = patternOf(example);
      expect(shapeOf(pattern)).toBe(shape);
      expect(validateCaseReferencePattern(pattern)).toBeNull();
      expect(findPersonalData(hit, { caseReferencePatterns: [pattern] }).map((m) => m.kind)).toContain(
        'case_reference',
      );
      expect(findPersonalData(miss, { caseReferencePatterns: [pattern] })).toEqual([]);
    },
  );

  it.each([
    ['31/12/2026', /would also match “31\/03\/2027”/],
    ['2025/26', /too short/],
    ['123456', /too short/],
    ['CP(2025)+', /can only have letters/],
    ['X'.repeat(31), /4 to 30 characters/],
  ])('refuses %s', (example, problem) => {
    const made = patternFromExample(example);
    expect('problem' in made && made.problem).toMatch(problem);
  });

  it('stays linear on a long update', () => {
    const pattern = patternOf('CP/2025/1187');
    const text = `${'CP/2025/118'.repeat(4000)}x`;
    const started = performance.now();
    findPersonalData(text, { caseReferencePatterns: [pattern] });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('a hand-typed pattern', () => {
  it.each(['(\\d+)+x', '(a{2,})*b', `a${'b'.repeat(200)}`])(
    'that could run away is refused: %s',
    (pattern) => {
      expect(validateCaseReferencePattern(pattern)).toMatch(/run away/);
    },
  );
});
