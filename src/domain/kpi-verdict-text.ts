/** How a KPI verdict reads in replies, scorecards and the digest: the same words everywhere. */
import type { Day } from './dates.js';
import type { KpiVerdict, KpiVerdictState } from './kpi-verdict.js';

// Neutral markup icons (src/chat/markup.ts); the word beside each means colour is never the only signal.
const ICON: Readonly<Record<KpiVerdictState, string>> = {
  met: '<icon:done>',
  on_track: '<icon:done>',
  off_track: '<icon:warning>',
  missed: '<icon:failed>',
  stale: '<icon:question>',
  no_target: '<icon:question>',
  no_reading: '<icon:question>',
};

/** The icon that goes with a verdict. */
export const verdictIcon = (verdict: Pick<KpiVerdict, 'state'>): string => ICON[verdict.state];

/**
 * The verdict in the board's words: 'on track', 'off track', 'met', 'missed',
 * 'stale: no reading since 28/11/2026', 'no target', 'no reading yet'.
 */
export function verdictWords(verdict: KpiVerdict, formatDate: (day: Day) => string): string {
  switch (verdict.state) {
    case 'on_track':
      return 'on track';
    case 'off_track':
      return 'off track';
    case 'stale':
      return `stale: no reading since ${verdict.reading ? formatDate(verdict.reading.period) : 'the start'}`;
    case 'no_target':
      return 'no target';
    case 'no_reading':
      return 'no reading yet';
    default:
      return verdict.state;
  }
}
