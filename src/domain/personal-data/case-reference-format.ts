/**
 * A council's own case-reference format, learnt from one example an admin types
 * ('CP/2025/1187'): each run of digits becomes a digit class of that length, letters and
 * separators are kept, and the result is bounded on both sides. Built this way a pattern has no
 * nested or open-ended quantifiers, so it cannot run away on a long update; and it is refused
 * when it would match ordinary programme text (dates, years, action references, money).
 */

const ESCAPE = /[.*+?^${}()|[\]\\/-]/g;
const MAX_EXAMPLE = 30;

// What programme text is full of. A format that matches any of these would refuse it all.
const ORDINARY = [
  '31/03/2027',
  '12/12',
  '2025/26',
  '2026-27',
  '12.03.2026',
  '2026-03-31',
  'A-12',
  'A12',
  'WS1',
  'P12',
  'V-3',
  'Q3',
  '£1,250,000',
  '86%',
  '10:30',
  'Room 2.14',
  '1,300',
  '0800 123 4567',
  '12 of 15',
  'KPI 7',
  'v2.3.1',
];

/** The pattern for an example, or a sentence saying why it cannot be one. */
export function patternFromExample(example: string): { pattern: string } | { problem: string } {
  const text = example.trim();
  if (text.length < 4 || text.length > MAX_EXAMPLE)
    return { problem: `An example should be 4 to ${MAX_EXAMPLE} characters long, like CP/2025/1187.` };
  if (!/^[A-Za-z0-9/ .-]+$/.test(text))
    return { problem: 'An example can only have letters, digits, spaces, slashes, dots and dashes.' };
  const digits = text.replace(/\D/g, '').length;
  const letters = text.replace(/[^A-Za-z]/g, '').length;
  if (digits < 3 || (letters === 0 && digits < 7))
    return {
      problem:
        'That is too short to tell a case reference from ordinary numbers: give a whole reference, with its letters, like CP/2025/1187.',
    };
  const body = text
    .split(/(\d+)/)
    .map((part) => (/^\d+$/.test(part) ? `\\d{${part.length}}` : part.replace(ESCAPE, '\\$&')))
    .join('');
  const pattern = `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`;
  const clash = ORDINARY.find((sample) => new RegExp(pattern, 'i').test(sample));
  if (clash) return { problem: `That format would also match “${clash}”, which is ordinary programme text.` };
  return { pattern };
}

/** How a stored pattern reads to an admin: 'CP/####/####', a # for each digit. */
export function shapeOf(pattern: string): string {
  return pattern
    .replace(/^\(\?<!\[A-Za-z0-9\]\)|\(\?!\[A-Za-z0-9\]\)$/g, '')
    .replace(/\\d\{(\d+)\}/g, (_all, n: string) => '#'.repeat(Number(n)))
    .replace(/\\d\+?/g, '#')
    .replace(/\\(.)/g, '$1');
}

/** Another reference of the same format, to show what else a pattern would catch. */
export function anotherLike(example: string): string {
  return example.trim().replace(/\d/g, (d) => String((Number(d) + 3) % 10));
}
