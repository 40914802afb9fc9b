/**
 * Generates command texts that real users, careless pastes and attackers might send: real
 * subcommand words mixed with names, mentions, dates, broadcasts, injection attempts, personal
 * data, odd unicode and huge strings. Seeded, so a failing input can be reproduced by number.
 */

/** mulberry32: a tiny, fast PRNG with a 32-bit seed; same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORKSTREAMS = ['WS1', 'ws2', 'WS9', 'workforce', 'Practice', '"Improve Our Practice"', '“Support and Develop Our Workforce”', "'WS1'", 'WS1/recruitment', 'W', '"unclosed'];
const RAGS = ['red', 'Amber', 'g', 'GREEN', 'complete', 'not-started', 'not started', ':red_circle:', '*red*', 'yellow', 'done'];
const MENTIONS = ['<@U0LEAD1>', '<@U0OWNER|owner>', '<@U0MEMBER|sam.member>', '<@UNOBODY99>', '<@W0ENTERPRISE>', '@jo', '<#C0BOARD|improvement-board>', '<#C0NOWHERE>', '&lt;@U0LEAD1&gt;'];
const BROADCASTS = ['<!channel>', '<!here>', '<!everyone>', '<!here|here>', '@channel', '@here', '<!subteam^S0123|@leads>', '&lt;!channel&gt;'];
const DATES = [
  '31/03/2026', '31/3', '31 Mar', '31 March 2026', '2026-03-31', 'today', 'tomorrow', 'friday', 'next friday', 'in 2 weeks',
  'end of month', 'end of quarter', '31/02', '29/02/2027', '03/31/2026', '2026-13-01', '0/0', '1/1/1900', 'in 999 weeks', 'yesterday', '01/01/2020',
];
const NUMBERS = ['1', '23', '0', '-5', '3.14', '1e308', 'NaN', '99999999999999999999', '#12', 'A-3', '٣', '50%'];
const INJECTIONS = [
  "'); DROP TABLE \"Update\";--", '" OR 1=1 --', "1; DELETE FROM Workstream", 'Robert\'); DROP TABLE Students;--',
  '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"<!channel>"}}]}', '[{"type":"actions","elements":[]}]',
  '<https://evil.example|click here>', '<mailto:x@evil.example|mail>', '```', '*bold* _it_ ~strike~ `code`', '> quoted',
  '${process.exit(1)}', '__proto__', 'constructor', '{{7*7}}', '<script>alert(1)</script>', '\\u0000', '%00', '&amp;', '&lt;&gt;',
];
const PERSONAL = ['943 476 5919', 'SW1A 1AA', '07700 900123', 'jo.bloggs@council.gov.uk', 'Jane Smith DOB 01/02/2015', 'CASE-123456'];
const UNICODE = ['😀', '🟥🟧🟩', '👩🏽‍⚕️', 'ﷺ', 'مرحبا', 'עברית', '\u202e', '\u200b', '\u200d', 'é', 'e\u0301', 'Ⅻ', '\ud800', '\udfff', '𝕎𝕊𝟙', '\u0000', '\t', '\n', '\r\n', 'ß', 'İ', '‘', '’', '“', '”', '"', "'"];
// Well-formed beginnings, so hostile free text also reaches the success path and is echoed.
const VALID_STARTS = [
  'update WS1', 'update workforce', 'update WS2 amber', 'rag WS1 red', 'rag WS2/Practice green', 'action add WS1 <@U0OWNER|owner> in 2 weeks',
  'action add WS2 <@U0LEAD2> 31/03/2027', 'action done A-1', 'action extend A-1 end of month', 'action drop A-2', 'action reassign A-1 <@U0MEMBER>',
  'kpi record "Caseload average" 23', 'kpi add "Re-referrals" % lower target 20 by 31/03/2027', 'visit add focused visit 02/02/2027',
  'project add WS2', 'workstream add WS7', 'setup', 'status', 'status WS1', 'update edit', 'update undo',
];
const WORDS = ['add', 'done', 'list', 'mine', 'overdue', 'for', 'by', 'target', 'lead', 'friend', 'evidence', 'because', 'the', 'Audit', 'of', 'higher', 'lower', 'cancel', 'theme', 'monitoring visit', 'focused', 'inspection', 'DfE review', 'board meeting', 'deadline', '-', '/', '|'];

/** How to build one text: the subcommand names come from the live registry. */
export interface HostileTextOptions {
  subcommands: string[];
}

/** One random command text. */
export function hostileText(random: () => number, options: HostileTextOptions): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const roll = random();
  if (roll < 0.01) return '';
  if (roll < 0.02) return pick([' ', '\n\t ', '""', '“”', "''"]);
  if (roll < 0.04) return `${pick(options.subcommands)} ${pick(WORKSTREAMS)} ${hugeString(random, pick)}`;
  if (roll < 0.05) return hugeString(random, pick);
  const parts: string[] = [];
  // Most texts start like a real command, so they reach the grammars and the services.
  const start = random();
  if (start < 0.3) parts.push(pick(VALID_STARTS));
  else if (start < 0.85) parts.push(pick(options.subcommands));
  const count = Math.floor(random() * 9);
  for (let i = 0; i < count; i++) parts.push(piece(random, pick));
  return parts.join(pick([' ', ' ', ' ', '  ', '\n', '\t']));
}

function piece(random: () => number, pick: <T>(list: readonly T[]) => T): string {
  const kinds = [WORKSTREAMS, RAGS, MENTIONS, BROADCASTS, DATES, DATES, NUMBERS, INJECTIONS, PERSONAL, UNICODE, WORDS, WORDS];
  const word = pick(pick(kinds));
  // Sometimes glue two pieces together or wrap one in quotes, as careless typing does.
  const r = random();
  if (r < 0.06) return `"${word}`;
  if (r < 0.1) return `“${word}”`;
  if (r < 0.13) return `${word}${piece(random, pick)}`;
  return word;
}

function hugeString(random: () => number, pick: <T>(list: readonly T[]) => T): string {
  const unit = pick(['a', 'Recruitment behind plan. ', '😀', '<!here> ', "'); DROP TABLE x;-- ", 'ẞ\u0301', '"']);
  const length = pick([2001, 5000, 40_000]);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
