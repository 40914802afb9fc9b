import { describe, expect, it } from 'vitest';
import { isNearDuplicate, takeAddAnyway } from '../../src/domain/similar-actions.js';

describe('near-duplicate actions', () => {
  it.each([
    ['Recruit four newly qualified social workers', 'Recruit four newly qualified social workers', true],
    ['Recruit four newly qualified social workers', 'recruit four newly-qualified social workers.', true],
    ['Recruit four newly qualified social workers', 'Recruit the four newly qualified social workers', true],
    [
      'Dip-sample 20 duty team assessments for the panel',
      'Dip sample 20 duty team assessments for panel',
      true,
    ],
    ['Audit 20 duty team assessments', 'Audit 30 duty team assessments', false],
    ['Recruit four newly qualified social workers', 'Recruit four agency social workers', false],
    ['Audit duty team assessments', 'Launch practice week', false],
    ['Ring HR', 'Ring HR today', false],
    ['Ring HR', 'ring hr', true],
  ])('“%s” and “%s”: %s', (a, b, same) => {
    expect(isNearDuplicate(a, b)).toBe(same);
  });

  it('reads a trailing --anyway, and nothing else', () => {
    expect(takeAddAnyway('Recruit four social workers --anyway')).toEqual({
      text: 'Recruit four social workers',
      anyway: true,
    });
    expect(takeAddAnyway('Recruit four social workers --ANYWAY ')).toMatchObject({ anyway: true });
    expect(takeAddAnyway('Explain why --anyway matters in the plan')).toEqual({
      text: 'Explain why --anyway matters in the plan',
      anyway: false,
    });
  });
});
