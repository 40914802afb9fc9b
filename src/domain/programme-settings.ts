/**
 * The programme's settings an admin may change (`/improve settings`): each read from what a person
 * types or picks, with a message saying what is wrong. Pure, so the form and the text forms
 * (`settings digest-day Monday`) accept exactly the same things.
 */
import { parseTimeOfDay } from './dates.js';

export const SETTING_KEYS = [
  'digestDay',
  'digestTime',
  'reminderTime',
  'silenceDays',
  'countdownDays',
  'boardChannelId',
  'digestExceptionsOnly',
  'evidenceOnDone',
  'evidenceForVerify',
  'extensionApproval',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Stored values: numbers for the day and days, 'HH:mm' for times, a JSON object for countdowns. */
export type SettingValues = {
  digestDay: number;
  digestTime: string;
  reminderTime: string;
  silenceDays: number;
  countdownDays: string;
  boardChannelId: string;
  digestExceptionsOnly: boolean;
  evidenceOnDone: boolean;
  evidenceForVerify: boolean;
  extensionApproval: boolean;
};

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The words people type for each setting, as in `settings digest-day Monday`. */
export const SETTING_WORDS: Record<string, SettingKey> = {
  'digest-day': 'digestDay',
  'digest-time': 'digestTime',
  'reminder-time': 'reminderTime',
  'silence-days': 'silenceDays',
  'countdown-days': 'countdownDays',
  'board-channel': 'boardChannelId',
  'exceptions-only': 'digestExceptionsOnly',
  'evidence-on-done': 'evidenceOnDone',
  'evidence-for-verify': 'evidenceForVerify',
  'extension-approval': 'extensionApproval',
};

/** What each setting is called in replies and the audit. */
export const SETTING_LABELS: Record<SettingKey, string> = {
  digestDay: 'digest day',
  digestTime: 'digest time',
  reminderTime: 'reminder time',
  silenceDays: 'silence threshold',
  countdownDays: 'countdown days',
  boardChannelId: 'board channel',
  digestExceptionsOnly: 'exceptions-only digest',
  evidenceOnDone: 'evidence needed to mark done',
  evidenceForVerify: 'evidence needed to verify',
  extensionApproval: 'lead’s approval of new due dates',
};

/** How each switch reads when on and when off. */
const SWITCH_WORDS: Record<string, [on: string, off: string]> = {
  digestExceptionsOnly: [
    'on (Reds, RAG changes, silence, overdue actions, KPIs not on track)',
    'off (the full digest)',
  ],
  evidenceOnDone: ['on (done needs a note of the evidence)', 'off (the evidence note is optional)'],
  evidenceForVerify: [
    'on (nothing is verified without evidence)',
    'off (a lead may verify without evidence)',
  ],
  extensionApproval: ['on (the workstream lead approves new due dates)', 'off (owners move their own dates)'],
};

/** The silence threshold's bounds: under 7 flags weekly updaters; over 90 flags nothing useful. */
export const SILENCE_DAYS_MIN = 7;
export const SILENCE_DAYS_MAX = 90;

/** The kinds of event counted down to (board meetings are not). */
export const COUNTDOWN_KINDS = ['monitoring_visit', 'focused_visit', 'inspection', 'dfe_review', 'deadline'];

// Nobody wants a reminder, or the board its digest, at 2am.
const EARLIEST = '07:00';
const LATEST = '19:00';

type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one setting from text; a channel arrives as its id (the mention already resolved). */
export function readSetting<K extends SettingKey>(key: K, text: string): Read<SettingValues[K]> {
  const t = text.trim();
  const ok = (value: unknown) => ({ ok: true, value }) as Read<SettingValues[K]>;
  const no = (message: string) => ({ ok: false, message }) as Read<SettingValues[K]>;
  switch (key) {
    case 'digestDay': {
      const n = /^[1-7]$/.test(t)
        ? Number(t)
        : WEEKDAYS.findIndex((d) => t.length >= 3 && d.toLowerCase().startsWith(t.toLowerCase())) + 1;
      return n >= 1 ? ok(n) : no(`“${t}” is not a day of the week: say Monday, Tuesday… or Sunday.`);
    }
    case 'digestTime':
    case 'reminderTime': {
      const time = parseTimeOfDay(t);
      if (!time) return no(`“${t}” is not a time of day: write it like 09:00 or 9.30am.`);
      if (time < EARLIEST || time > LATEST)
        return no(`${time} is outside working hours: choose a time from ${EARLIEST} to ${LATEST}.`);
      return ok(time);
    }
    case 'silenceDays': {
      const n = /^\d{1,3}$/.test(t) ? Number(t) : Number.NaN;
      if (Number.isNaN(n)) return no(`“${t}” is not a number of days: write it like 14.`);
      return n >= SILENCE_DAYS_MIN && n <= SILENCE_DAYS_MAX
        ? ok(n)
        : no(
            `The silence threshold is a whole number of days from ${SILENCE_DAYS_MIN} to ${SILENCE_DAYS_MAX}: under ${SILENCE_DAYS_MIN} would flag leads who update every week.`,
          );
    }
    case 'countdownDays':
      return readCountdownDays(t) as Read<SettingValues[K]>;
    case 'boardChannelId':
      return t ? ok(t) : no('Name the board channel, such as #improvement-board.');
    case 'digestExceptionsOnly':
    case 'evidenceOnDone':
    case 'evidenceForVerify':
    case 'extensionApproval': {
      const word = t.toLowerCase();
      if (word === 'on' || word === 'yes') return ok(true);
      if (word === 'off' || word === 'no') return ok(false);
      const typed = Object.keys(SETTING_WORDS).find((w) => SETTING_WORDS[w] === key);
      return no(`Say on or off after ${typed}, not “${t}”.`);
    }
  }
  return no('Unknown setting.');
}

/** '28, 14, 7, 2, 1, 0' → the same steps for every kind of visit and deadline, as stored JSON. */
function readCountdownDays(text: string): Read<string> {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if (parts.length === 0 || parts.length > 10 || days.some((d) => !(d >= 0 && d <= 366)))
    return {
      ok: false,
      message: `“${text}” should be up to 10 numbers of days before, from 0 (the day itself) to 366, such as 28, 14, 7, 2, 1, 0.`,
    };
  const sorted = [...new Set(days)].sort((a, b) => b - a);
  return { ok: true, value: JSON.stringify(Object.fromEntries(COUNTDOWN_KINDS.map((k) => [k, sorted]))) };
}

/** How a stored value reads back: 'Monday', '09:00', '7 days', '28, 14, 7 days before', 'on'. */
export function showSetting(key: SettingKey, value: string | number | boolean | null): string {
  if (value === null || value === '') return 'none';
  if (typeof value === 'boolean') {
    const [on, off] = SWITCH_WORDS[key] ?? ['on', 'off'];
    return value ? on : off;
  }
  if (key === 'digestDay') return WEEKDAYS[Number(value) - 1] ?? String(value);
  if (key === 'silenceDays') return `${value} day${value === 1 ? '' : 's'}`;
  if (key === 'boardChannelId') return `<channel:${value}>`;
  if (key === 'countdownDays') return `${countdownList(String(value))} days before`;
  return String(value);
}

/** The steps shown for the stored countdown JSON: the monitoring visit's, or the defaults. */
export function countdownList(json: string, defaults: readonly number[] = [28, 14, 7, 2, 1, 0]): string {
  try {
    const parsed = JSON.parse(json || '{}') as Record<string, unknown>;
    const steps = parsed.monitoring_visit;
    if (Array.isArray(steps)) return steps.join(', ');
  } catch {}
  return defaults.join(', ');
}
