/**
 * The router's parsing, table-driven: each text goes through the same steps as runCommand
 * (unescape, tokenize, find the subcommand in the registry, Args, the subcommand's grammar and
 * its zod schema) and comes out as the input its handler would get, the modal it would open, or
 * the message the user would be shown. Today is Monday 23 November 2026 in Europe/London.
 */
import { describe, expect, it } from 'vitest';
import { Args } from '../../commands/args.js';
import { findSubcommand, SUBCOMMANDS } from '../../commands/index.js';
import { tokenize } from '../../commands/tokenize.js';
import type { CommandContext } from '../../commands/types.js';
import { fromSlack } from '../../src/chat/slack/mrkdwn.js';
import { isAppError } from '../../src/domain/errors.js';
import { wellFormed } from '../../src/domain/text.js';
import type { Deps } from '../../src/services/deps.js';

const TODAY = '2026-11-23';
const ctx: CommandContext = {
  // Grammars never touch the database: that is the handlers' job, so any use here would throw.
  deps: {} as Deps,
  actor: { workspaceId: 'T0TEAMA', userId: 'U0LEAD1' },
  channelId: 'C0GENERAL',
  command: '/improve',
  today: TODAY,
  timezone: 'Europe/London',
};

type Parsed =
  | { sub: string; input: unknown }
  | { sub: string; modal: true }
  | { error: string }
  | { unknown: string }
  | { overview: true };

/** What the router makes of `text`, short of running the handler. */
function parse(text: string): Parsed {
  const raw = wellFormed(fromSlack(text)).trim();
  const tokens = tokenize(raw);
  if (tokens.length === 0) return { overview: true };
  const found = findSubcommand(tokens.map((t) => t.text));
  if (!found) return { unknown: tokens[0]!.text };
  const { sub, used } = found;
  if (tokens.length === used && sub.modal) return { sub: sub.name, modal: true };
  try {
    const result = sub.schema.safeParse(sub.parse(new Args(raw, tokens.slice(used)), ctx));
    if (!result.success) return { error: result.error.issues.map((i) => i.message).join(' ') };
    return { sub: sub.name, input: result.data };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

type Row = [text: string, expected: Parsed | { sub: string; input: Record<string, unknown> }];

/** An action added with `date` as its due date, to try each date form the same way. */
const due = (date: string, dueDate: string): Row => [
  `action add WS1 <@U0OWNER|owner> ${date} Run the caseload audit`,
  { sub: 'action add', input: { dueDate, text: 'Run the caseload audit' } },
];
const dueError = (date: string, error: string): Row => [
  `action add WS1 <@U0OWNER> ${date} Run the caseload audit`,
  { error },
];

const DATES: Row[] = [
  due('31/03/2027', '2027-03-31'),
  due('31/03/2026', '2026-03-31'),
  due('31/3', '2027-03-31'),
  due('31 Mar', '2027-03-31'),
  due('31 March 2026', '2026-03-31'),
  due('2026-03-31', '2026-03-31'),
  due('today', '2026-11-23'),
  due('tomorrow', '2026-11-24'),
  due('friday', '2026-11-27'),
  due('Friday', '2026-11-27'),
  due('next friday', '2026-12-04'),
  due('in 2 weeks', '2026-12-07'),
  due('end of month', '2026-11-30'),
  due('31st March 2027,', '2027-03-31'),
  dueError('31/02', 'not a real date'),
  dueError('29/02/2027', 'February 2027 has 28 days'),
  dueError('03/31/2026', 'did you mean 31/03/2026?'),
  dueError('2026-13-01', 'there is no month 13'),
  dueError('someday', 'could not read "someday" as a date'),
  dueError('__proto__', 'could not read "__proto__" as a date'),
  dueError('end of constructor', 'could not read "end of constructor" as a date'),
  [
    'action extend A-12 to 31/03/2027 HR approval slipped',
    { sub: 'action extend', input: { ref: 'A-12', dueDate: '2027-03-31', reason: 'HR approval slipped' } },
  ],
  ['action extend A-12 31/02/2027 HR approval slipped', { error: 'February 2027 has 28 days' }],
  [
    'visit add monitoring visit 12/01/2027 care leavers',
    { sub: 'visit add', input: { kind: 'monitoring_visit', startDate: '2027-01-12', theme: 'care leavers' } },
  ],
  [
    'visit add focused visit 02/02/2027-03/02/2027 Assessment in the duty teams',
    { sub: 'visit add', input: { kind: 'focused_visit', startDate: '2027-02-02', endDate: '2027-02-03' } },
  ],
  [
    'visit add board meeting next friday',
    { sub: 'visit add', input: { kind: 'board_meeting', startDate: '2026-12-04' } },
  ],
  [
    'kpi add "Caseload average" cases lower target 25 by 31/03/2027',
    {
      sub: 'kpi add',
      input: {
        name: 'Caseload average',
        unit: 'cases',
        direction: 'lower',
        targets: [{ value: 25, byDate: '2027-03-31' }],
      },
    },
  ],
  [
    'kpi record "Caseload average" 23 for October',
    { sub: 'kpi record', input: { kpi: 'Caseload average', value: 23, period: '2026-10-31' } },
  ],
  ['snooze friday', { sub: 'snooze', input: { until: '2026-11-27' } }],
  [
    'kpi add "Caseload average" cases lower target 30 by end of January target 25 by March 2027',
    {
      sub: 'kpi add',
      input: {
        targets: [
          { value: 30, byDate: '2027-01-31' },
          { value: 25, byDate: '2027-03-31' },
        ],
      },
    },
  ],
  [
    'kpi add "Caseload" cases lower target 25 by March',
    { sub: 'kpi add', input: { targets: [{ value: 25, byDate: '2027-03-31' }] } },
  ],
];

const NAMES_AND_MENTIONS: Row[] = [
  [
    'update WS1 Four newly qualified social workers started',
    { sub: 'update', input: { workstream: 'WS1', text: 'Four newly qualified social workers started' } },
  ],
  [
    'update workforce amber Recruitment behind plan: 6 of 12 posts filled',
    {
      sub: 'update',
      input: { workstream: 'workforce', rag: 'amber', text: 'Recruitment behind plan: 6 of 12 posts filled' },
    },
  ],
  [
    'update "Improve Our Practice" green Audit completed',
    { sub: 'update', input: { workstream: 'Improve Our Practice', rag: 'green', text: 'Audit completed' } },
  ],
  [
    'update “Support and Develop Our Workforce” red Two leavers',
    {
      sub: 'update',
      input: { workstream: 'Support and Develop Our Workforce', rag: 'red', text: 'Two leavers' },
    },
  ],
  [
    'update ‘Improve Our Practice’ Practice week went well',
    { sub: 'update', input: { workstream: 'Improve Our Practice', text: 'Practice week went well' } },
  ],
  [
    "update WS1 The team's audit is done",
    { sub: 'update', input: { workstream: 'WS1', text: "The team's audit is done" } },
  ],
  [
    'update WS1 not started Paused until the new lead starts',
    { sub: 'update', input: { rag: 'not_started', text: 'Paused until the new lead starts' } },
  ],
  ['UPDATE WS1 Shouted', { sub: 'update', input: { workstream: 'WS1', text: 'Shouted' } }],
  ['update', { sub: 'update', modal: true }],
  ['update WS1', { error: 'Add the text of the update after the workstream.' }],
  [
    'rag WS2 red Audit found 40% of assessments out of timescale',
    {
      sub: 'rag',
      input: { workstream: 'WS2', rag: 'red', reason: 'Audit found 40% of assessments out of timescale' },
    },
  ],
  [
    'rag workforce/recruitment amber 6 of 12 posts filled',
    { sub: 'rag', input: { workstream: 'workforce', project: 'recruitment', rag: 'amber' } },
  ],
  ['rag WS5 not-started Waiting for the new lead', { sub: 'rag', input: { rag: 'not_started' } }],
  ['rag WS2', { error: 'Say which RAG' }],
  ['rag WS2 purple Looks fine', { error: '“purple” is not a RAG' }],
  ['rag', { sub: 'rag', modal: true }],
  [
    'action add WS1 me friday Chase the agency invoices',
    { sub: 'action add', input: { ownerUserId: 'U0LEAD1', dueDate: '2026-11-27' } },
  ],
  [
    'action add WS1 <@U0OWNER|sam.owner> friday Audit',
    { sub: 'action add', input: { ownerUserId: 'U0OWNER' } },
  ],
  ['action add WS1 &lt;@U0OWNER&gt; friday Audit', { sub: 'action add', input: { ownerUserId: 'U0OWNER' } }],
  [
    'action add “Improve Our Practice” <@U0OWNER> friday Audit',
    { sub: 'action add', input: { workstream: 'Improve Our Practice' } },
  ],
  [
    'action add practice/audit <@U0OWNER> friday Audit',
    { sub: 'action add', input: { workstream: 'practice', project: 'audit' } },
  ],
  ['action add WS1 @jo friday Audit', { error: '“@jo” is not a Slack mention' }],
  ['action add WS1 <#C0BOARD|board> friday Audit', { error: 'is not a Slack mention' }],
  ['action add WS1 <@U0OWNER> friday', { error: 'Say what the action is, after the due date.' }],
  ['action add', { sub: 'action add', modal: true }],
  [
    'action done A-12 Evidence in the audit folder',
    { sub: 'action done', input: { ref: 'A-12', evidence: 'Evidence in the audit folder' } },
  ],
  ['action complete A-3', { sub: 'action done', input: { ref: 'A-3' } }],
  ['action done', { error: 'reference, such as A-12' }],
  ['action verify A-12', { sub: 'action verify', input: { ref: 'A-12' } }],
  ['action reassign A-12 <@U0MEMBER|sam> Handing over', { sub: 'action reassign', input: { ref: 'A-12' } }],
  [
    'action drop A-12 No longer needed after the restructure',
    { sub: 'action drop', input: { ref: 'A-12', reason: 'No longer needed after the restructure' } },
  ],
  ['action list overdue', { sub: 'action list', input: { kind: 'overdue' } }],
  ['action list <@U0OWNER|owner>', { sub: 'action list', input: { kind: 'owner', userId: 'U0OWNER' } }],
  ['action list WS1', { sub: 'action list', input: { kind: 'workstream', query: 'WS1' } }],
  ['visit add picnic 12/01/2027', { error: '“picnic” is not a kind of visit' }],
  ['visit cancel V-3 Rearranged by Ofsted', { sub: 'visit cancel', input: { ref: 'V-3' } }],
  ['visit pack V-2', { sub: 'visit pack', input: { ref: 'V-2', format: 'both' } }],
  ['visit pack v2 Word', { sub: 'visit pack', input: { ref: 'v2', format: 'docx' } }],
  ['visit pack V-2 pdf please', { error: 'takes only pdf or docx (I read “please”)' }],
  ['kpi record “Caseload average” 23', { sub: 'kpi record', input: { kpi: 'Caseload average', value: 23 } }],
  ['kpi add Caseload', { error: 'higher or lower' }],
  [
    'workstream add WS1 "Support and Develop Our Workforce" lead <@U0LEAD1|jo> friend <@U0FRIEND>',
    {
      sub: 'workstream add',
      input: {
        code: 'WS1',
        name: 'Support and Develop Our Workforce',
        leadUserIds: ['U0LEAD1'],
        criticalFriendUserId: 'U0FRIEND',
      },
    },
  ],
  ['workstream add WS1 Workforce lead @jo', { error: '“@jo” is not a Slack mention' }],
  [
    'workstream add "WS 1" Workforce lead <@U0LEAD1>',
    { error: 'The code should be 1 to 8 letters and digits' },
  ],
  [
    'project add WS1 Recruitment drive',
    { sub: 'project add', input: { workstream: 'WS1', name: 'Recruitment drive' } },
  ],
  [
    'setup "Children\'s Services Improvement Plan" <#C0BOARD|improvement-board>',
    { sub: 'setup', input: { name: "Children's Services Improvement Plan", boardChannelId: 'C0BOARD' } },
  ],
  ['setup &lt;#C0BOARD&gt;', { sub: 'setup', input: { boardChannelId: 'C0BOARD' } }],
  ['setup', { sub: 'setup', input: { boardChannelId: 'C0GENERAL' } }],
  ['status', { sub: 'status', input: {} }],
  ['status WS2', { sub: 'status', input: { workstream: 'WS2' } }],
  [
    'update edit Four social workers started, not five',
    { sub: 'update edit', input: { text: 'Four social workers started, not five' } },
  ],
  ['reminders maybe', { error: '“maybe” is not on or off.' }],
];

// A RAG is optional in update, so its first words are text unless plainly a RAG word; rag needs one.
const RAG_WORDS: Row[] = [
  ...['A new duty rota starts Monday', 'R and D budget agreed', 'G Smith joins as head of service']
    .concat(['Completed the audit of 20 cases', 'Grey areas remain in the duty rota'])
    .concat(['Agreed the new rota', 'Reds are down to two', 'Greet the new starters on Monday'])
    .map((text): Row => [`update WS1 ${text}`, { sub: 'update', input: { workstream: 'WS1', text } }]),
  [
    'update WS1 amberr Six of 12 posts filled',
    { error: '“amberr” is not a RAG word. Did you mean “amber”?' },
  ],
  ['update WS1 gren All posts filled', { error: 'Did you mean “green”?' }],
  ['update WS1 rde Two leavers', { error: 'Did you mean “red”?' }],
  ['update WS1 "Ambre" from HR joined', { sub: 'update', input: { text: '"Ambre" from HR joined' } }],
  ['rag WS2 a Recruitment slow', { sub: 'rag', input: { rag: 'amber', reason: 'Recruitment slow' } }],
  ['rag WS2 G All posts filled', { sub: 'rag', input: { rag: 'green' } }],
  ['rag WS2 amberr Recruitment slow', { error: '“amberr” is not a RAG. Did you mean “amber”?' }],
];

// One way to name a project everywhere: <workstream>/<project>, either part quoted if it has spaces.
const PROJECTS: Row[] = [
  [
    'update WS2/"Front door" amber Two of five posts filled',
    {
      sub: 'update',
      input: { workstream: 'WS2', project: 'Front door', rag: 'amber', text: 'Two of five posts filled' },
    },
  ],
  [
    'update WS2/recruitment Going well',
    { sub: 'update', input: { workstream: 'WS2', project: 'recruitment' } },
  ],
  [
    'rag "Improve Our Practice"/“Front door” red Audit found gaps',
    {
      sub: 'rag',
      input: { workstream: 'Improve Our Practice', project: 'Front door', reason: 'Audit found gaps' },
    },
  ],
  [
    "action add WS2/'Front door' me friday Audit the referrals",
    { sub: 'action add', input: { workstream: 'WS2', project: 'Front door', text: 'Audit the referrals' } },
  ],
  ['update "Health/Education" Joint audit', { sub: 'update', input: { workstream: 'Health/Education' } }],
  [
    'project rename WS1/recruitment "Recruitment and retention"',
    {
      sub: 'project rename',
      input: { workstream: 'WS1', project: 'recruitment', name: 'Recruitment and retention' },
    },
  ],
  [
    'project close WS2/"Front door" Merged into the MASH',
    {
      sub: 'project close',
      input: { workstream: 'WS2', project: 'Front door', reason: 'Merged into the MASH' },
    },
  ],
  [
    'project close WS2 done',
    { error: 'Name the project after its workstream and a slash, such as WS2/recruitment.' },
  ],
  [
    'workstream edit WS1 name "Develop Our Workforce"',
    { sub: 'workstream edit', input: { workstream: 'WS1', field: 'name', value: 'Develop Our Workforce' } },
  ],
  [
    'workstream edit WS1 lead <@U0SAM> <@U0JO>',
    { sub: 'workstream edit', input: { workstream: 'WS1', field: 'lead', userIds: ['U0SAM', 'U0JO'] } },
  ],
  [
    'workstream edit WS1 friend none',
    { sub: 'workstream edit', input: { workstream: 'WS1', field: 'friend', userId: null } },
  ],
  [
    'ws close WS4 Merged into WS2',
    { sub: 'workstream close', input: { workstream: 'WS4', reason: 'Merged into WS2' } },
  ],
  ['settings digest-day Monday', { sub: 'settings', input: { key: 'digestDay', value: 'Monday' } }],
  [
    'settings board-channel <#C0BOARD|improvement-board>',
    { sub: 'settings', input: { key: 'boardChannelId', value: 'C0BOARD' } },
  ],
  ['admins add <@U0PRIYA>', { sub: 'admins', input: { verb: 'add', userId: 'U0PRIYA' } }],
  ['admins', { sub: 'admins', input: { verb: 'list' } }],
  ['admins promote <@U0PRIYA>', { error: 'I can add, remove or list admins, not “promote”.' }],
  [
    'visit move V-3 19/03/2027-20/03/2027',
    { sub: 'visit move', input: { ref: 'V-3', startDate: '2027-03-19', endDate: '2027-03-20' } },
  ],
];

const CODES: Row[] = [
  ...['FD', 'EH', 'CP', 'SEND', 'WS-2', 'A1B2C3D4', 'p12'].map(
    (code): Row => [
      `workstream add ${code} Front door lead <@U0LEAD1>`,
      { sub: 'workstream add', input: { code } },
    ],
  ),
  ...['ABCDEFGHI', 'WS--2', '-WS', 'WS-', 'WS_2', 'W-S-2'].map(
    (code): Row => [
      `workstream add ${code} Front door lead <@U0LEAD1>`,
      { error: 'The code should be 1 to 8' },
    ],
  ),
];

const NO_ARGUMENTS: Row[] = [
  ['help', { sub: 'help', input: {} }],
  ['help update', { sub: 'help', input: { topic: 'update' } }],
  ['action', { sub: 'action', input: {} }],
  ['action list', { sub: 'action list', input: { kind: 'all' } }],
  ['visit list', { sub: 'visit list', input: {} }],
  ['kpi list', { sub: 'kpi list', input: {} }],
  ['kpis', { sub: 'kpi list', input: {} }],
  ['workstream list', { sub: 'workstream list', input: {} }],
  ['update undo', { sub: 'update undo', input: {} }],
  ['digest preview', { sub: 'digest preview', input: {} }],
  ['digest send', { sub: 'digest send', input: {} }],
  ['digest send now please', { error: '`digest send` takes nothing after it.' }],
  ['pack', { sub: 'pack', input: {} }],
  ['pack 15/01/2027', { sub: 'pack', input: { boardDate: '2027-01-15' } }],
  ['board pack next thursday', { sub: 'pack', input: { boardDate: '2026-12-03' } }],
  ['pack 15/01/2027 please', { error: 'After the board date, `pack` takes nothing more (I read “please”).' }],
  ['reminders off', { sub: 'reminders', input: { on: false } }],
  ['snooze off', { sub: 'snooze', input: { until: null } }],
  [
    'settings case-reference add CP/2025/1187',
    { sub: 'settings case-reference', input: { verb: 'add', value: 'CP/2025/1187' } },
  ],
  ['settings case-reference list', { sub: 'settings case-reference', input: { verb: 'list', value: '' } }],
  ['settings exceptions-only ON', { sub: 'settings', input: { key: 'digestExceptionsOnly', value: 'ON' } }],
  ['settings silence-days 21', { sub: 'settings', input: { key: 'silenceDays', value: '21' } }],
  [
    'kpi target add "Caseload average" 22 by end of June 2027',
    {
      sub: 'kpi target',
      input: { kpi: 'Caseload average', edit: { kind: 'add', value: 22, byDate: '2027-06-30' } },
    },
  ],
  [
    'kpi target change caseload average 31/03/2027 24 by 30/04/2027',
    {
      sub: 'kpi target',
      input: {
        kpi: 'caseload average',
        edit: { kind: 'change', byDate: '2027-03-31', value: 24, newByDate: '2027-04-30' },
      },
    },
  ],
  [
    'kpi target remove "CP visits" friday',
    { sub: 'kpi target', input: { kpi: 'CP visits', edit: { kind: 'remove', byDate: '2026-11-27' } } },
  ],
  ['redact update 12', { sub: 'redact', input: { kind: 'update', id: 12 } }],
  [
    'redact',
    {
      error:
        'Please give what to remove: “update 12” (the number under the update) or an action such as A-12.',
    },
  ],
  [
    'redact update',
    { error: 'Please give the update’s number, shown under it in the channel (“update 12”).' },
  ],
  ['redact A-12', { sub: 'redact', input: { kind: 'action', ref: 'A-12' } }],
  ['remove a12', { sub: 'redact', input: { kind: 'action', ref: 'a12' } }],
  [
    'redact update twelve',
    { error: '“twelve” is not an update number. Use the number shown under the update, such as 12.' },
  ],
  ['settings case-reference remove', { error: 'Say which format to remove, for example CP/2025/1187.' }],
  // Evidence of grip (issue 15).
  [
    'recommendation add PA2 Oversight in the duty teams source monitoring letter 01/01/2026',
    {
      sub: 'recommendation add',
      input: {
        ref: 'PA2',
        text: 'Oversight in the duty teams',
        source: 'monitoring_letter',
        sourceDate: '2026-01-01',
      },
    },
  ],
  ['recommendation link R1 WS2', { sub: 'recommendation link', input: { ref: 'R1', target: 'WS2' } }],
  ['recommendations', { sub: 'recommendation list', input: {} }],
  ['coverage', { sub: 'coverage', input: {} }],
  ['history WS2', { sub: 'history', input: { subject: 'WS2' } }],
  ['history kpi "Caseload average"', { sub: 'history', input: { subject: 'Caseload average', kind: 'kpi' } }],
  [
    'visit done V-2 letter 20/11/2026 Insufficient progress priority actions: Oversight; Timeliness of visits',
    {
      sub: 'visit done',
      input: {
        ref: 'V-2',
        letterDate: '2026-11-20',
        headline: 'Insufficient progress',
        priorityActions: ['Oversight', 'Timeliness of visits'],
      },
    },
  ],
  [
    'ask WS1 <@U0OWNER|owner> 31/01/2027 A report on agency numbers',
    {
      sub: 'ask',
      input: {
        workstream: 'WS1',
        ownerUserId: 'U0OWNER',
        dueDate: '2027-01-31',
        text: 'A report on agency numbers',
      },
    },
  ],
];

const FIVE_THOUSAND = 'Recruitment is behind plan. '.repeat(200).slice(0, 5000);
const HOSTILE: Row[] = [
  ['', { overview: true }],
  ['frobnicate WS1', { unknown: 'frobnicate' }],
  ['updte WS1 Typo', { unknown: 'updte' }],
  ['<!channel> read this', { unknown: '@channel' }],
  [`'); DROP TABLE "Update";--`, { unknown: "');" }],
  [
    '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"<!here>"}}]}',
    { unknown: '{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"@here"}}]}' },
  ],
  [FIVE_THOUSAND, { unknown: 'Recruitment' }],
  [`update WS1 ${FIVE_THOUSAND}`, { sub: 'update', input: { text: FIVE_THOUSAND.trim() } }],
  [
    'update WS1 <!channel> please read the audit',
    { sub: 'update', input: { text: '@channel please read the audit' } },
  ],
  ['update WS1 &lt;!here&gt; &amp; partners', { sub: 'update', input: { text: '@here & partners' } }],
  [
    `update WS1 '); DROP TABLE "Workstream";--`,
    { sub: 'update', input: { text: `'); DROP TABLE "Workstream";--` } },
  ],
  [
    'update WS1 {"blocks":[{"type":"actions","elements":[]}]}',
    { sub: 'update', input: { text: '{"blocks":[{"type":"actions","elements":[]}]}' } },
  ],
  [
    'update WS1 <https://evil.example|Click here> for the audit',
    { sub: 'update', input: { text: '<https://evil.example|Click here> for the audit' } },
  ],
  [
    'update WS1 🟥🟧🟩 Good week 👩🏽‍⚕️ at the front door',
    { sub: 'update', input: { text: '🟥🟧🟩 Good week 👩🏽‍⚕️ at the front door' } },
  ],
  ['update 😀 Emoji as a workstream', { sub: 'update', input: { workstream: '😀' } }],
  [
    'update WS1 half an emoji \ud83d and a NUL\u0000',
    { sub: 'update', input: { text: 'half an emoji \ufffd and a NUL' } },
  ],
  ['update "unclosed quote WS1 text', { sub: 'update', input: { workstream: '"unclosed' } }],
];

function check([text, expected]: Row): void {
  const parsed = parse(text);
  if ('error' in expected) {
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(expected.error);
  } else if ('input' in expected) {
    expect(parsed).toMatchObject({
      sub: expected.sub,
      input: expect.objectContaining(expected.input as object),
    });
  } else expect(parsed).toEqual(expected);
}

const label = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}…` : text);

describe('dates, in every form the users write them', () => {
  it.each(DATES.map((row) => [label(row[0]), row] as const))('%s', (_label, row) => check(row));
});

describe('names, quotes and mentions', () => {
  it.each(NAMES_AND_MENTIONS.map((row) => [label(row[0]), row] as const))('%s', (_label, row) => check(row));
});

describe('RAG words, typos of them, and the ordinary words they are not', () => {
  it.each(RAG_WORDS.map((row) => [label(row[0]), row] as const))('%s', (_label, row) => check(row));
  it('reads no RAG from an update that opens with a single letter', () => {
    expect(parse('update WS1 A new duty rota starts Monday')).toMatchObject({ input: { rag: undefined } });
  });
});

describe('projects and workstream codes', () => {
  it.each([...PROJECTS, ...CODES].map((row) => [label(row[0]), row] as const))('%s', (_label, row) =>
    check(row),
  );
});

describe('subcommands with little or nothing after them', () => {
  it.each(NO_ARGUMENTS.map((row) => [label(row[0]), row] as const))('%s', (_label, row) => check(row));
});

describe('hostile and odd input', () => {
  it.each(HOSTILE.map((row) => [label(row[0]), row] as const))('%s', (_label, row) => check(row));
});

describe('the table itself', () => {
  it('has at least 60 rows and reaches every registered subcommand', () => {
    const rows = [
      ...DATES,
      ...NAMES_AND_MENTIONS,
      ...RAG_WORDS,
      ...PROJECTS,
      ...CODES,
      ...NO_ARGUMENTS,
      ...HOSTILE,
    ];
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const reached = new Set(rows.map(([text]) => parse(text)).flatMap((p) => ('sub' in p ? [p.sub] : [])));
    const untested = SUBCOMMANDS.map((s) => s.name).filter((name) => !reached.has(name));
    expect(untested).toEqual([]);
  });
});
