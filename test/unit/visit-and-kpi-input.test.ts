/** Reading visit kinds, date ranges, KPI values, directions and periods as people type them. */
import { describe, expect, it } from 'vitest';
import { parseDateRangeAtStart } from '../../src/domain/date-range.js';
import { parseEventKindTokens, parseEventRef } from '../../src/domain/event-kind.js';
import { parseKpiDirection, parseKpiNumber, parsePeriodAtStart } from '../../src/domain/kpi-input.js';

const TODAY = '2026-11-23'; // a Monday
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('parseDateRangeAtStart', () => {
  it.each([
    ['12/03/2027-13/03/2027 care leavers', '2027-03-12', '2027-03-13', 1],
    ['12/03-13/03 care leavers', '2027-03-12', '2027-03-13', 1],
    ['12 Mar - 13 Mar care leavers', '2027-03-12', '2027-03-13', 5],
    ['12 Mar-13 Mar', '2027-03-12', '2027-03-13', 3],
    ['12–13 March 2027 theme', '2027-03-12', '2027-03-13', 3],
    ['12 - 13 Mar', '2027-03-12', '2027-03-13', 4],
    ['12 Mar to 13 Mar', '2027-03-12', '2027-03-13', 5],
    ['2027-03-12-2027-03-13', '2027-03-12', '2027-03-13', 1],
    ['30/12-02/01', '2026-12-30', '2027-01-02', 1],
    ['31/03/2027 to submit the plan', '2027-03-31', null, 1],
    ['31/03/2027', '2027-03-31', null, 1],
    ['12-03-2027 re-inspection prep', '2027-03-12', null, 1],
    ['12/03/2027-12/03/2027', '2027-03-12', null, 1],
  ])('%s', (text, start, end, used) => {
    expect(parseDateRangeAtStart(words(text), TODAY)).toEqual({ ok: true, start, end, used });
  });

  it.each([
    ['13/03/2027-12/03/2027', /end date \(12\/03\/2027\) is before the start date \(13\/03\/2027\)/],
    ['12/03/2027-31/02/2027', /not a real date/],
    ['12/03/2027 - care leavers', /could not read/],
    ['someday', /could not read/],
    ['31-30 Mar', /not a day of the month|before the start/],
  ])('refuses %s', (text, message) => {
    const result = parseDateRangeAtStart(words(text), TODAY);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
});

describe('parseEventKindTokens', () => {
  it.each([
    ['monitoring visit 12/03', 'monitoring_visit', 2],
    ['mv 12/03', 'monitoring_visit', 1],
    ['Monitoring 12/03', 'monitoring_visit', 1],
    ['focused 12/03', 'focused_visit', 1],
    ['focussed visit', 'focused_visit', 2],
    ['ILACS 12/03', 'inspection', 1],
    ['re-inspection', 'inspection', 1],
    ['DfE review 12/03', 'dfe_review', 2],
    ['dfe 12/03', 'dfe_review', 1],
    ['deadline 31/03', 'deadline', 1],
    ['board 15/01', 'board_meeting', 1],
    ['board meeting 15/01', 'board_meeting', 2],
  ])('%s', (text, kind, used) => {
    expect(parseEventKindTokens(words(text))).toEqual({ kind, used });
  });

  it.each(['party 12/03', 'constructor', 'toString', ''])('knows no kind "%s"', (text) => {
    expect(parseEventKindTokens(words(text))).toBeNull();
  });

  it('reads visit references', () => {
    expect(['V-3', 'v3', '3', 'V 3'].map(parseEventRef)).toEqual([3, 3, 3, 3]);
    expect(parseEventRef('A-3')).toBeNull();
  });
});

describe('KPI input', () => {
  it.each([
    ['23', 23],
    ['27.5', 27.5],
    ['86%', 86],
    ['1,250', 1250],
    ['£1,250', 1250],
    ['-3', -3],
    ['.5', 0.5],
    ['abc', null],
    ['12abc', null],
    ['1,25', null],
    ['%', null],
    ['', null],
    ['Infinity', null],
    ['1e3', null],
  ])('number %s', (text, value) => {
    expect(parseKpiNumber(text)).toBe(value);
  });

  it.each([
    ['higher', 'higher'],
    ['Lower', 'lower'],
    ['higher-is-better', 'higher'],
    ['lower_better', 'lower'],
    ['up', 'higher'],
    ['down', 'lower'],
    ['sideways', null],
    ['constructor', null],
  ])('direction %s', (text, direction) => {
    expect(parseKpiDirection(text)).toBe(direction);
  });

  it.each([
    ['October', '2026-10-31', 1],
    ['Oct 2025', '2025-10-31', 2],
    ['December', '2025-12-31', 1],
    ['November', '2026-11-30', 1],
    ['last month', '2026-10-31', 2],
    ['this month', '2026-11-30', 2],
    ['30/11', '2026-11-30', 1],
    ['28/02', '2026-02-28', 1],
    ['31 Jan', '2026-01-31', 2],
    ['30/11/2026', '2026-11-30', 1],
    ['today', '2026-11-23', 1],
  ])('period %s', (text, day, used) => {
    expect(parsePeriodAtStart(words(text), TODAY)).toEqual({ ok: true, day, used });
  });

  it('leaves a future period with a year as typed, for the service to refuse', () => {
    expect(parsePeriodAtStart(['28/02/2027'], TODAY)).toEqual({ ok: true, day: '2027-02-28', used: 1 });
  });
});
