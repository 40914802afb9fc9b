import { describe, expect, it } from 'vitest';
import {
  describePersonalData,
  findPersonalData,
  isValidNhsNumber,
  type PersonalDataKind,
  validateCaseReferencePattern,
} from '../../src/domain/personal-data.js';

const TODAY = '2026-01-15';
const CASE_REFERENCE = String.raw`\bCH-?\d{6}\b`;

function kindsIn(text: string): PersonalDataKind[] {
  return findPersonalData(text, { today: TODAY, caseReferencePatterns: [CASE_REFERENCE] }).map((m) => m.kind);
}

describe('findPersonalData flags case-level personal data', () => {
  it.each<[string, PersonalDataKind[]]>([
    // NHS numbers, only with a valid Modulus 11 check digit
    ['NHS number 9434765919 for the child on the list', ['nhs_number']],
    ['NHS no. 943 476 5919', ['nhs_number']],
    ['943-476-5919 was on the referral', ['nhs_number']],
    ['Checked 4010232137 against the record', ['nhs_number']],
    // Dates of birth next to a cue
    ['DOB 12/03/2015', ['date_of_birth']],
    ['D.O.B: 1/3/15', ['date_of_birth']],
    ['d.o.b. 12.03.2015', ['date_of_birth']],
    ['Date of birth 12 March 2015', ['date_of_birth']],
    ['born 2015-03-12 in Worcester', ['date_of_birth']],
    ['born on 3rd Dec 2019', ['date_of_birth']],
    ['child (b. 12/03/2015) placed out of area', ['date_of_birth']],
    ['12/03/2015 (DOB) on the file', ['date_of_birth']],
    // Dates straight after a personal name, in the past
    ['Jane Smith 12/03/2015 moved placement', ['date_of_birth']],
    ['Jane Smith (12/03/2015)', ['date_of_birth']],
    ['Tom O’Brien, 01.09.2010', ['date_of_birth']],
    ['Mary McDonald - 2 June 1988 (mother)', ['date_of_birth']],
    ['Baby Khan 2025-12-01 subject to a plan', ['date_of_birth']],
    // Postcodes
    ['Family moved to B33 8TH last week', ['postcode']],
    ['Office at SW1A 1AA', ['postcode']],
    ['M1 1AE', ['postcode']],
    ['CR2 6XH and DN55 1PT', ['postcode', 'postcode']],
    ['lives near sw1a 1aa', ['postcode']],
    ['Written as EC1A1BB on the form', ['postcode']],
    // Phone numbers
    ['Mum on 07700 900123', ['phone_number']],
    ['Text +44 7700 900123 tonight', ['phone_number']],
    ['Landline 0121 496 0000', ['phone_number']],
    ['Call (0121) 496 0000', ['phone_number']],
    ['Number 020 7946 0018', ['phone_number']],
    ['Ring 01632 960001 after 5', ['phone_number']],
    ['Ring 01632-960-001', ['phone_number']],
    ['+44 (0)121 496 0000', ['phone_number']],
    ['0300 123 4567', ['phone_number']],
    // E-mail addresses
    ['Send to jane.smith@example.org please', ['email_address']],
    ['<mailto:j.smith@example.gov.uk|j.smith@example.gov.uk>', ['email_address', 'email_address']],
    // Case references from the admin's pattern
    ['Case CH-123456 discussed at panel', ['case_reference']],
    ['case ch123456 stepped down', ['case_reference']],
    // Several at once, in the order they appear
    ['Jane Smith DOB 12/03/2015, NHS 943 476 5919, B33 8TH', ['date_of_birth', 'nhs_number', 'postcode']],
  ])('%s', (text, expected) => {
    expect(kindsIn(text)).toEqual(expected);
  });
});

describe('findPersonalData leaves programme updates alone', () => {
  it.each([
    'Caseloads down to 23 average, ICPC timeliness 86% against 68% target',
    'Audit of 6 cases in the duty team completed 31/03/2026',
    'WS3 Improve Our Practice moved to amber',
    'Recruited 4 ASYEs, 2 agency leavers',
    'Board meeting 12/12 at County Hall',
    'Call 0800 number',
    // Freephone and other 08 numbers belong to organisations, not families.
    'Staff wellbeing line 0800 123 4567',
    'Improve Our Practice 31/03/2026',
    'WS1 Workforce 31/03/2026',
    'Improvement Board 12/01/2026 agreed the revised plan',
    'Care Leavers 12/01/2026 session went well',
    'Sarah Jones 31/03/2026 for the audit tool',
    'Meeting with Jane Smith on 12/01/2026 went well',
    'Jane Smith to lead, due 31/03/2026',
    'Action due by 31 Mar, owner Jane Smith',
    'DfE Adviser 12/01/2026 visit',
    'Re-inspection expected 2026-03-12',
    'Ofsted Monitoring 12/01/2026 letter received',
    'Q3 figures are in; A-12 form updated',
    'WS1 3rd priority is recruitment',
    'ws1 3rd priority is recruitment',
    '1,300 contacts in 2025, 86.5% within 24 hours',
    'Reference 9434765918 is not an NHS number',
    'Spreadsheet row 1234567890',
    'CIN visits 77%, CP 90% against 75% target by 31/03/2026',
    'Budget £1,250,000 approved by Cabinet 14/01/2026',
    'Version 2.3.1 of the practice framework',
    '@here please review the draft before 12/12',
    'Email the team at the usual address',
    'Case tracking of 6 cases on day one; dip sample on day two',
  ])('%s', (text) => {
    expect(findPersonalData(text, { today: TODAY, caseReferencePatterns: [CASE_REFERENCE] })).toEqual([]);
  });
});

describe('dates straight after a name', () => {
  it('counts only past dates as births when today is known', () => {
    expect(kindsIn('Jane Smith 12/01/2026')).toEqual(['date_of_birth']);
    expect(kindsIn('Jane Smith 15/01/2026')).toEqual([]);
    expect(kindsIn('Jane Smith 16/01/2026')).toEqual([]);
  });

  it('rules a name out only when both words are programme vocabulary', () => {
    expect(kindsIn('Jane Hall 12/03/2015')).toEqual(['date_of_birth']);
    expect(kindsIn('Social Worker 03/11/2025 appointed')).toEqual([]);
    // Errs towards refusing: a place plus a past date reads like a name; 'on 12/12/2025' passes.
    expect(kindsIn('Mercia Police 12/12/2025 strategy meeting')).toEqual(['date_of_birth']);
    expect(kindsIn('Mercia Police on 12/12/2025 strategy meeting')).toEqual([]);
  });

  it('has no upper age limit, because a parent’s date of birth is personal too', () => {
    expect(kindsIn('Paul Green 12/03/85')).toEqual(['date_of_birth']);
  });

  it('treats every such date as a possible birth when today is not given', () => {
    expect(findPersonalData('Sarah Jones 31/03/2026').map((m) => m.kind)).toEqual(['date_of_birth']);
  });

  it('reports the name with the date, so the user sees what to remove', () => {
    const [found] = findPersonalData('Update: Jane Smith (12/03/2015) moved', { today: TODAY });
    expect(found).toMatchObject({ match: 'Jane Smith (12/03/2015', index: 8, label: 'a date of birth' });
  });
});

describe('isValidNhsNumber', () => {
  it.each([
    ['9434765919', true],
    ['4010232137', true],
    ['9434765918', false],
    ['1234567890', false],
    ['0000000000', false],
    ['943476591', false],
  ])('%s → %s', (digits, valid) => {
    expect(isValidNhsNumber(digits)).toBe(valid);
  });
});

describe('case reference patterns', () => {
  it('has no default pattern', () => {
    expect(findPersonalData('Case CH-123456 discussed')).toEqual([]);
  });

  it('ignores an invalid pattern rather than throwing', () => {
    const found = findPersonalData('CH-123456', { caseReferencePatterns: ['(unclosed', CASE_REFERENCE] });
    expect(found.map((m) => m.match)).toEqual(['CH-123456']);
  });

  it.each([
    [CASE_REFERENCE, null],
    ['', 'The case reference pattern is empty.'],
    ['\\d*', 'That pattern matches empty text, so it would flag every update.'],
  ])('validates %j', (pattern, message) => {
    expect(validateCaseReferencePattern(pattern)).toBe(message);
  });

  it('explains why a broken pattern cannot be saved', () => {
    expect(validateCaseReferencePattern('(unclosed')).toMatch(/^That is not a valid regular expression: /);
  });
});

describe('describePersonalData', () => {
  it('points out each matched part in British English', () => {
    const matches = findPersonalData('NHS 943 476 5919, DOB 12/03/2015', { today: TODAY });
    expect(describePersonalData(matches)).toBe(
      'It looks like it contains an NHS number (“943 476 5919”) and a date of birth (“DOB 12/03/2015”).',
    );
  });

  it('lists three or more parts without an Oxford comma', () => {
    const matches = findPersonalData('07700 900123, jo@example.org, B33 8TH');
    expect(describePersonalData(matches)).toBe(
      'It looks like it contains a phone number (“07700 900123”), an email address (“jo@example.org”) and a postcode (“B33 8TH”).',
    );
  });

  it('mentions a repeated part once', () => {
    const matches = findPersonalData('<mailto:jo@example.org|jo@example.org>');
    expect(describePersonalData(matches)).toBe(
      'It looks like it contains an email address (“jo@example.org”).',
    );
  });

  it('is empty when nothing matched', () => {
    expect(describePersonalData([])).toBe('');
  });
});
