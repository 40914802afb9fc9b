import { describe, expect, it } from 'vitest';
import {
  describePersonalData,
  findPersonalData,
  isValidNhsNumber,
  isValidUpn,
  type PersonalDataKind,
  validateCaseReferencePattern,
} from '../../src/domain/personal-data/index.js';

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
    ['Baby Khan 2025-12-01 subject to a plan', ['name_with_age']],
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
    // E-mail addresses
    ['Send to jane.smith@example.org please', ['email_address']],
    ['<mailto:j.smith@example.gov.uk|j.smith@example.gov.uk>', ['email_address', 'email_address']],
    // Case references from the admin's pattern
    ['Case CH-123456 discussed at panel', ['case_reference']],
    ['case ch123456 stepped down', ['case_reference']],
    // Written slightly differently: separators, look-alike digits, invisible characters
    ['NHS 943.476.5919', ['nhs_number']],
    ['943/476/5919 on the form', ['nhs_number']],
    ['NHS 943\u00a0476\u00a05919', ['nhs_number']],
    ['NHS 943  476  5919', ['nhs_number']],
    ['NHS ９４３４７６５９１９', ['nhs_number']],
    ['NHS ٩٤٣٤٧٦٥٩١٩', ['nhs_number']],
    ['NHS 943\u200b476\u00ad5919', ['nhs_number']],
    ['NHS no 943 476 5918, typed wrong but labelled', ['nhs_number']],
    ['07700.900.123', ['phone_number']],
    ['0044 7700 900123', ['phone_number']],
    ['mum: +447700900123', ['phone_number']],
    ['jo＠example.org', ['email_address']],
    ['jo@exam\u200bple.org', ['email_address']],
    ['jo.smith [at] gmail.com', ['email_address']],
    ['jane.smith@worcestershire.gov.uk', ['email_address']],
    ['Toby Reed (b 03/09/2017)', ['date_of_birth']],
    ['b33 8th', ['postcode']],
    ['B338TH', ['postcode']],
    ['b33   8th', ['postcode']],
    // Dates of birth in many forms
    ['born 12th of March 2015', ['date_of_birth']],
    ['born March 12, 2015', ['date_of_birth']],
    ['DOB 12 Mar 15', ['date_of_birth']],
    ['jayden smith 12/03/2015', ['date_of_birth']],
    ['JAYDEN SMITH 12/03/2015', ['date_of_birth']],
    ['DOB 12 03 2015', ['date_of_birth']],
    // Names with ages, relations, schools and circumstances
    ['Visited Jayden Smith, aged 9', ['name_with_age']],
    ['Mia (7) still not in school', ['name_with_age']],
    ['the 14 year old Kai', ['name_with_age']],
    ['baby Leo, 3 weeks old', ['name_with_age']],
    ['her brother Tyler', ['name_with_relation']],
    ['mum Kelly Smith', ['name_with_relation']],
    ["Jayden's dad rang", ['name_with_relation']],
    ['jayden smith attends Oakfield Primary', ['name_with_school']],
    ['Kai Brown now on a CP plan', ['name_with_circumstances']],
    // Addresses
    ['visited at 12 Acacia Avenue', ['address']],
    ['Flat 3, Brook House', ['address']],
    ['lives at 22 orchard close', ['address']],
    // Unique Pupil Numbers and case-management references
    ['UPN T894298212638', ['unique_pupil_number']],
    ['K914380219211 from the school', ['unique_pupil_number']],
    ['Mosaic ID 1234567', ['case_reference']],
    ['LCS ref CP/2025/1187', ['case_reference']],
    ['Eclipse person ID 5567123', ['case_reference']],
    ['CareFirst client number 882341', ['case_reference']],
    ['Azeus record 77120045', ['case_reference']],
    ['child ID 99887766', ['case_reference']],
    ['case number 20251187', ['case_reference']],
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
    'Signed off by Jane Smith 20/11/2025',
    'Peer review with Leeds 14/10/2025 went well',
    'Jane Smith 12/01/2026 agreed the plan',
    'Call the Ofsted helpline on 0300 123 4567',
    'Children aged 5 to 11 make up 40% of the CIN cohort',
    'Recommendations (14) are mapped to actions',
    '12 actions to close by Friday',
    'Caseloads flat 3 months running',
    'Room 2.14, County Hall',
    'Email improvement@worcestershire.gov.uk for the papers',
    'Children born in 2026 are in scope of the offer',
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
  it('counts a date as a birth only when it is at least a year before today', () => {
    expect(kindsIn('Jane Smith 15/01/2025')).toEqual(['date_of_birth']);
    expect(kindsIn('Jane Smith 16/01/2025')).toEqual([]);
    expect(kindsIn('Jane Smith 12/01/2026')).toEqual([]);
    expect(kindsIn('Jane Smith 16/01/2026')).toEqual([]);
  });

  it('counts any date with a birth cue, however recent', () => {
    expect(kindsIn('Jane Smith DOB 12/01/2026')).toEqual(['date_of_birth']);
    expect(kindsIn('Baby born 02/01/2026')).toEqual(['date_of_birth']);
  });

  it('reads a name after "by", "with" or "from" as an officer', () => {
    expect(kindsIn('Signed off by Jane Smith 20/11/2020')).toEqual([]);
    expect(kindsIn('Jane Smith 20/11/2020')).toEqual(['date_of_birth']);
  });

  it('does not read programme vocabulary as a name', () => {
    expect(kindsIn('Jane Hall 12/03/2015')).toEqual(['date_of_birth']);
    expect(kindsIn('Social Worker 03/11/2015 appointed')).toEqual([]);
    expect(kindsIn('Improvement Board 12/12/2015 minutes')).toEqual([]);
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

describe('isValidUpn', () => {
  it.each([
    ['T894298212638', true],
    ['A891543610987', true],
    ['B894298212638', false],
    ['T89429821263', false],
  ])('%s → %s', (upn, valid) => {
    expect(isValidUpn(upn)).toBe(valid);
  });
});

describe('where a finding is', () => {
  it('quotes the text as typed, invisible characters shown, at its place in the original', () => {
    const text = 'Update: NHS 943\u200b476\u200b5919 seen';
    const [found] = findPersonalData(text, { today: TODAY });
    expect(found).toMatchObject({ kind: 'nhs_number', index: 8, match: 'NHS 943\u200b476\u200b5919' });
    expect(describePersonalData([found!])).toBe(
      'It looks like it contains an NHS number (“NHS 943[U+200B]476[U+200B]5919”, at character 9).',
    );
  });
});

describe('case reference patterns', () => {
  it('knows common formats without a pattern', () => {
    expect(findPersonalData('Case CH-123456 discussed').map((m) => m.kind)).toEqual(['case_reference']);
    expect(findPersonalData('Case AB-123456 discussed')).toEqual([]);
    expect(
      findPersonalData('Case AB-123456 discussed', { caseReferencePatterns: ['AB-\\d{6}'] }),
    ).toHaveLength(1);
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
      'It looks like it contains an NHS number (“NHS 943 476 5919”, at character 1) and a date of birth (“DOB 12/03/2015”, at character 19).',
    );
  });

  it('lists three or more parts without an Oxford comma', () => {
    const matches = findPersonalData('07700 900123, jo@example.org, B33 8TH');
    expect(describePersonalData(matches)).toBe(
      'It looks like it contains a phone number (“07700 900123”, at character 1), an email address (“jo@example.org”, at character 15) and a postcode (“B33 8TH”, at character 31).',
    );
  });

  it('mentions a repeated part once', () => {
    const matches = findPersonalData('<mailto:jo@example.org|jo@example.org>');
    expect(describePersonalData(matches)).toBe(
      'It looks like it contains an email address (“jo@example.org”, at character 9).',
    );
  });

  it('names the first five and counts the rest', () => {
    const text = Array.from({ length: 8 }, (_, i) => `Mum on 07700 90012${i}`).join('; ');
    const described = describePersonalData(findPersonalData(text));
    expect(described.match(/a phone number/g)).toHaveLength(5);
    expect(described).toMatch(/ and 3 more\.$/);
  });

  it('is empty when nothing matched', () => {
    expect(describePersonalData([])).toBe('');
  });
});
