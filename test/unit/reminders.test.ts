/** The pure reminder rules: when, to whom, and which countdown step. */
import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../../src/domain/dates.js';
import {
  countdownSchedule,
  countdownStepDue,
  isDayBeforeDigest,
  isMuted,
  reminderDay,
  retryDelayMs,
  withinReminderHours,
} from '../../src/domain/reminders.js';
import { bankHolidays } from '../../src/domain/working-days.js';

const holidays = bankHolidays();
const london = (day: string, time: string) => zonedInstant(day, time, 'Europe/London');
const programme = { timezone: 'Europe/London', reminderTime: '09:30' };

describe('reminder day', () => {
  it('is a working day once the reminder time has passed, on the programme’s clock', () => {
    expect(reminderDay(london('2026-11-23', '09:29'), programme, holidays)).toBeNull();
    expect(reminderDay(london('2026-11-23', '09:30'), programme, holidays)).toBe('2026-11-23');
    expect(reminderDay(london('2026-07-06', '09:30'), programme, holidays)).toBe('2026-07-06');
    expect(reminderDay(london('2026-11-28', '12:00'), programme, holidays)).toBeNull();
    expect(reminderDay(london('2026-12-28', '12:00'), programme, holidays)).toBeNull();
    expect(
      reminderDay(
        london('2026-12-28', '12:00'),
        programme,
        bankHolidays([{ date: '2026-12-28', isHoliday: false }]),
      ),
    ).toBe('2026-12-28');
  });
});

describe('reminder hours', () => {
  it('are 08:00 to 18:00 on a weekday, on the recipient’s clock', () => {
    expect(withinReminderHours(london('2026-11-23', '07:59'), 'Europe/London')).toBe(false);
    expect(withinReminderHours(london('2026-11-23', '08:00'), 'Europe/London')).toBe(true);
    expect(withinReminderHours(london('2026-11-23', '17:59'), 'Europe/London')).toBe(true);
    expect(withinReminderHours(london('2026-11-23', '18:00'), 'Europe/London')).toBe(false);
    expect(withinReminderHours(london('2026-11-23', '09:30'), 'America/New_York')).toBe(false);
    expect(withinReminderHours(london('2026-11-23', '13:00'), 'America/New_York')).toBe(true);
    expect(withinReminderHours(london('2026-11-28', '10:00'), 'Europe/London')).toBe(false);
  });

  it('mutes a snoozed person up to and including the date, and a person who switched off', () => {
    expect(isMuted({ remindersOff: false, snoozedUntil: '2026-11-24' }, '2026-11-24')).toBe(true);
    expect(isMuted({ remindersOff: false, snoozedUntil: '2026-11-24' }, '2026-11-25')).toBe(false);
    expect(isMuted({ remindersOff: true, snoozedUntil: null }, '2026-11-25')).toBe(true);
  });
});

describe('silent-lead day', () => {
  it('is the working day before the digest day', () => {
    expect(isDayBeforeDigest('2026-11-27', 1, holidays)).toBe(true);
    expect(isDayBeforeDigest('2026-11-26', 1, holidays)).toBe(false);
    expect(isDayBeforeDigest('2026-11-24', 3, holidays)).toBe(true);
    // Good Friday 2027 is 26 March: the nudge for Monday's digest moves to Thursday.
    expect(isDayBeforeDigest('2027-03-25', 1, holidays)).toBe(true);
  });
});

describe('countdowns', () => {
  const steps = countdownSchedule('{}').get('monitoring_visit')!;

  it('has the default steps for visits and deadlines, none for board meetings, and takes overrides', () => {
    expect(steps).toEqual([28, 14, 7, 2, 1, 0]);
    expect(countdownSchedule('{}').get('board_meeting')).toBeUndefined();
    const custom = countdownSchedule('{"deadline":[70,28,7],"board_meeting":[7,1]}');
    expect(custom.get('deadline')).toEqual([70, 28, 7]);
    expect(custom.get('board_meeting')).toEqual([7, 1]);
    expect(countdownSchedule('not json').get('inspection')).toEqual(steps);
  });

  it('moves a weekend step to the Friday before and sends only the nearest', () => {
    expect(countdownStepDue('2026-12-07', '2026-11-23', steps, holidays)).toBe(14);
    expect(countdownStepDue('2026-12-07', '2026-12-04', steps, holidays)).toBe(1);
    expect(countdownStepDue('2026-12-07', '2026-12-07', steps, holidays)).toBe(0);
    expect(countdownStepDue('2026-12-07', '2026-12-03', steps, holidays)).toBeNull();
    expect(countdownStepDue('2026-12-07', '2026-12-08', steps, holidays)).toBeNull();
  });
});

it('backs off failed sends 1, 2, 4 … minutes up to an hour', () => {
  expect([1, 2, 3, 7, 20].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 60, 60]);
});
