/**
 * A child or a relative named with what makes them identifiable: an age ('Jayden Smith, aged 9',
 * 'Mia (3)', 'the 14 year old Kai'), a family relation ('her brother Tyler', 'mum Kelly Smith',
 * 'Jayden's dad'), a school ('attends Oakfield Primary', 'Year 4') or their circumstances
 * ('now on a CP plan', 'went missing'). A name alone is fine: officers are named all the time.
 */
import { isFirstName } from './first-names.js';
import { type NameAt, nameEndingAt, nameStartingAt } from './names.js';
import type { PersonalDataKind, Rule, Span } from './types.js';

const UNIT = `(?:years?|yrs?|months?|mths?|mnths?|mos?|weeks?|wks?|days?)`;
// Ages that say 'age' whatever comes before: 'aged 9', '3 weeks old', '14yo', '7 yrs'.
const AGE = new RegExp(
  String.raw`\b(?:aged?\s?\d{1,2}(?:\s?${UNIT})?|\d{1,2}[\s-]?${UNIT}[\s-]?old|\d{1,2}\s?(?:yo|y\/o|y\.o\.?)|\d{1,2}\s?(?:yrs?|mths|mnths)(?!\s(?:in|of|on|at|as|since|experience|service|post|qualified|ago)))\b`,
  'gi',
);
// A bracketed age: '(7)', '(7 yrs)', '(3/12)' as social workers write months, '(8m)'.
const BRACKET_AGE = new RegExp(String.raw`\(\s?(?:\d{1,2}(?:\s?(?:${UNIT}|y|m))?|\d{1,2}\/12)\s?\)`, 'gi');
const BARE_NUMBER = /\(\s?(\d{1,2})\s?\)/;
// 'Jayden, 14, was …', 'Nathan Ellis - 16 -', 'Freddie is 15 and …': a known first name and a
// child's age without the word 'age'.
const COMMA_AGE =
  /\s?[,-]\s?(\d{1,2})\s?[,-]|\s(?:is|was|turned|turns|just turned)\s(\d{1,2})(?=\s?(?:$|[,.;]|and\b|but\b|now\b|today\b|this\b|last\b|in\b|on\b))/g;
// An age before the name: 'the 14 year old Jayden', 'a 3-month-old baby Mia'.
const AGE_BEFORE =
  /\b\d{1,2}[\s-]?(?:year|yr|month|week|day)s?[\s-]?old,?\s(?:(?:boy|girl|baby|child|son|daughter|brother|sister|lad|young person),?\s)?|\b\d{1,2}\s?yo\s/gi;
const CHILD_WORDS = `baby|newborn|new-born|unborn|toddler|infant|teenager|teen|boy|girl|lad|child|young person|yp|cyp|sibling|twins?`;
const CHILD_BEFORE = new RegExp(String.raw`\b(?:${CHILD_WORDS})\b\s?[,:(]?\s?`, 'gi');

const RELATION = String.raw`(?:mum|mother|dad|father)'s\s(?:partner|boyfriend|girlfriend)|mum|mom|mummy|mother|mam|dad|daddy|father|step-?(?:dad|mum|father|mother|brother|sister|son|daughter)|half-?(?:brother|sister)|brother|sister|bro|sis|son|daughter|nan|nana|nanna|nanny|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|great-?(?:grandma|grandad|aunt|uncle)|aunt|auntie|aunty|uncle|cousin|nephew|niece|boyfriend|girlfriend|foster\scarers?|kinship\scarers?|special\sguardian|sgo\scarer`;
const RELATION_BEFORE = new RegExp(
  String.raw`\b(?:${RELATION})\b\s?[,:(]?\s?(?:is\s|called\s|named\s)?`,
  'gi',
);
// 'Jayden's dad', 'Mia's school'.
const POSSESSIVE = new RegExp(
  String.raw`'s\s(?:(?:older|younger|elder|big|little|baby|twin|new)\s)?(?:${RELATION}|school|class|teacher|home address|address|placement|carers?)\b`,
  'gi',
);
const RELATION_OF = new RegExp(String.raw`\b(?:${RELATION})\b\sof\s`, 'gi');

const SCHOOL_WORD = `primary|secondary|school|academy|high|college|nursery|infants|juniors|grammar|pru|c of e|ce`;
const SCHOOL_AFTER = new RegExp(
  String.raw`^\s?,?\s(?:who\s)?(?:attends|attending|goes to|is at|pupil at|student at|excluded from|started at|on roll at|enrolled at|(?:in\s)?(?:year|yr|y)\s?\d{1,2}\s(?:at|in)|in reception at|in nursery at)\s(?:[A-Za-z'.-]+\s){0,4}(?:${SCHOOL_WORD})\b`,
  'i',
);
const SCHOOL_YEAR_AFTER = /^\s?[,(-]\s?(?:in\s)?(?:year|yr|y)\s?\d{1,2}\b/i;

const CIRCUMSTANCES_AFTER = new RegExp(
  [
    String.raw`^\s?,?\s(?:is|was|has been|now|remains|still|became|been)?\s?(?:on|subject to|made subject of)\s(?:an?\s|the\s)?(?:cp|cin|child protection|child in need|care|supervision|interim care|placement|section 47|s47|plo)\s?(?:plan|order)s?\b`,
    String.raw`^\s?,?\s(?:is|was|has been|got|been|now|has|had)\s(?:placed|adopted|remanded|excluded|arrested|accommodated|removed|taken into care|reported missing|missing|exploited|assaulted|abused|hospitalised|admitted|discharged|stepped down|de-registered|looked after|pregnant|self-harming|groomed)\b`,
    String.raw`^\s?,?\s(?:went|goes|has gone|was reported|reported)\smissing\b`,
    // Verbs only ever said of the child, so no 'is' or 'was' is needed: 'Lily excluded from …'.
    String.raw`^\s?,?\s(?:remanded|arrested|excluded from|absconded|placed (?:with|in|at|out of)|taken into care|adopted by|accommodated)\b`,
    String.raw`^\s?\((?:cp|cin|lac|cla|cic|cpp|sgo|uasc)\)`,
  ].join('|'),
  'i',
);

function span(kind: PersonalDataKind, start: number, end: number): Span {
  return { kind, start, end };
}

/** The name just before `index`, skipping commas, dashes and an opening bracket. */
function nameBefore(text: string, index: number): NameAt | null {
  const gap = /[\s,:;(–-]*$/.exec(text.slice(Math.max(0, index - 4), index))?.[0].length ?? 0;
  return nameEndingAt(text, index - gap);
}

const agesAfterNames: Rule = (text) => {
  const spans: Span[] = [];
  for (const m of text.matchAll(AGE)) {
    const name = nameBefore(text, m.index ?? 0);
    if (name) spans.push(span('name_with_age', name.start, (m.index ?? 0) + m[0].length));
  }
  for (const m of text.matchAll(BRACKET_AGE)) {
    const name = nameBefore(text, m.index ?? 0);
    const bare = BARE_NUMBER.exec(m[0]);
    // '(7)' alone is also how counts are written ('Recommendations (14)'): a known first name only.
    if (!name || (bare && (!name.known || Number(bare[1]) > 19))) continue;
    spans.push(span('name_with_age', name.start, (m.index ?? 0) + m[0].length));
  }
  for (const m of text.matchAll(COMMA_AGE)) {
    const name = nameEndingAt(text, m.index ?? 0);
    if (name?.known && Number(m[1] ?? m[2]) <= 19)
      spans.push(span('name_with_age', name.start, (m.index ?? 0) + m[0].length));
  }
  return spans;
};

/** Each match of `pattern` followed straight away by a name, as a span of `kind`. */
function namesAfter(text: string, pattern: RegExp, kind: PersonalDataKind): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(pattern)) {
    const name = nameStartingAt(text, (m.index ?? 0) + m[0].length);
    if (name) spans.push(span(kind, m.index ?? 0, name.end));
  }
  return spans;
}

function possessives(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(POSSESSIVE)) {
    const name = nameEndingAt(text, (m.index ?? 0) + 2);
    if (name) spans.push(span('name_with_relation', name.start, (m.index ?? 0) + m[0].length));
  }
  return spans;
}

const namesWithRelations: Rule = (text) => [
  ...possessives(text),
  ...namesAfter(text, AGE_BEFORE, 'name_with_age'),
  ...namesAfter(text, CHILD_BEFORE, 'name_with_age'),
  ...namesAfter(text, RELATION_BEFORE, 'name_with_relation'),
  ...namesAfter(text, RELATION_OF, 'name_with_relation'),
];

/** Each name in the text followed by one of `patterns`. */
function namesFollowedBy(text: string, patterns: [RegExp, PersonalDataKind][]): Span[] {
  const spans: Span[] = [];
  for (const word of text.matchAll(/(?<![A-Za-z'-])[A-Za-z][A-Za-z'-]*/g)) {
    // Most words cannot start a name: skip them before the slower reading.
    if (!/^[A-Z]/.test(word[0]) && !isFirstName(word[0])) continue;
    const name = nameStartingAt(text, word.index ?? 0);
    if (!name) continue;
    for (const [pattern, kind] of patterns) {
      // Each reading of the name: in 'jayden smith attends', 'attends' is not part of it.
      for (const end of name.ends) {
        const after = pattern.exec(text.slice(end, end + 120));
        if (after) spans.push(span(kind, name.start, end + after[0].length));
      }
    }
  }
  return spans;
}

const namesWithContext: Rule = (text) =>
  namesFollowedBy(text, [
    [SCHOOL_AFTER, 'name_with_school'],
    [SCHOOL_YEAR_AFTER, 'name_with_school'],
    [CIRCUMSTANCES_AFTER, 'name_with_circumstances'],
  ]);

export const people: Rule = (text, options) => [
  ...agesAfterNames(text, options),
  ...namesWithRelations(text, options),
  ...namesWithContext(text, options),
];
