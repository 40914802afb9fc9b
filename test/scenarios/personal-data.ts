/**
 * Every command that stores free text, with personal data in it: each is refused naming what was
 * found, writes nothing anywhere, and gives the whole text back. One table for both platforms;
 * mentions are written `@{role}` (test/support/platforms.ts types them as each platform does).
 * The data these commands name (A-1 open, A-2 done, V-1, an update of the lead's) is seeded by
 * `seedPersonalDataScenarios`.
 */
import { addAction } from '../../src/services/add-action.js';
import { addVisit } from '../../src/services/add-visit.js';
import { completeAction } from '../../src/services/complete-action.js';
import type { Platform, Role } from '../support/platforms.js';
import { sentReminder } from './cross-tenant.js';

/** [entry point, command, who types it, what the refusal should name]. */
export const PERSONAL_DATA_COMMANDS: [string, string, Role, string][] = [
  ['an update', 'update WS1 Visited Jayden Smith, aged 9, at home', 'lead', 'a name with an age'],
  ['an edited update', 'update edit Mum on 07700.900.123 about caseloads', 'lead', 'a phone number'],
  [
    'a RAG reason',
    'rag WS1 red Kai Brown now on a CP plan and placement unstable',
    'lead',
    'a child’s circumstances',
  ],
  [
    'action text',
    'action add WS1 @{owner} 31/03/2027 Ring mum Kelly Smith back',
    'lead',
    'a family relationship',
  ],
  ['an evidence note', 'action done A-1 Audit done, see Mosaic ID 1234567', 'owner', 'a case reference'],
  [
    'a verification note',
    'action verify A-2 Checked the file for child ID 99887766',
    'lead',
    'a case reference',
  ],
  ['an extension reason', 'action extend A-1 31/01/2027 Family moved to b33 8th', 'lead', 'a postcode'],
  ['a reassignment note', 'action reassign A-1 @{otherLead} NHS 943.476.5919 query', 'lead', 'an NHS number'],
  ['a drop reason', 'action drop A-1 Duplicate of the visit to 12 Acacia Avenue', 'lead', 'a home address'],
  ['a KPI name', 'kpi add "Visits to Jayden born 12th of March 2015" % higher', 'admin', 'a date of birth'],
  [
    'a visit theme',
    'visit add monitoring visit 09/02/2027 Tyler Brooks (14) and his sister',
    'admin',
    'a name with an age',
  ],
  [
    'a visit cancellation reason',
    'visit cancel V-1 Inspector emailed jo＠example.org to cancel',
    'admin',
    'an email address',
  ],
  [
    'a workstream name',
    'workstream add WS9 Support for UPN T894298212638 lead @{lead}',
    'admin',
    'a Unique Pupil Number',
  ],
  ['a project name', 'project add WS1 Family of Mia Patel, Year 4, St Mary’s', 'admin', 'a school'],
  ['a programme name', 'setup "Plan for her brother Tyler"', 'admin', 'a family relationship'],
];

/** A-1 open and A-2 done (both the owner's, in WS1), visit V-1, and an update of the lead's. */
export async function seedPersonalDataScenarios(p: Platform): Promise<{ silence: number; ws1: number }> {
  await p.seed();
  const owner = p.userId('owner');
  await addAction(
    { workstream: 'WS1', ownerUserId: owner, dueDate: '2026-12-18', text: 'Run the caseload audit' },
    p.deps,
    p.as('lead'),
  );
  await addAction(
    { workstream: 'WS1', ownerUserId: owner, dueDate: '2026-12-18', text: 'Publish the standards' },
    p.deps,
    p.as('lead'),
  );
  await completeAction({ ref: 'A-2' }, p.deps, p.as('owner'));
  await addVisit(
    { kind: 'monitoring_visit', startDate: '2027-01-12', theme: 'care leavers' },
    p.deps,
    p.as('admin'),
  );
  await p.command('update WS1 Caseloads reviewed in all teams', 'lead');
  const programme = await p.db.programme.findFirstOrThrow({ where: { workspaceId: p.workspace() } });
  const ws1 = await p.db.workstream.findFirstOrThrow({ where: { workspaceId: p.workspace(), code: 'WS1' } });
  return { silence: await sentReminder(p, programme.id, 'silence', 'lead'), ws1: ws1.id };
}

/**
 * [form, the command that opens it, its answers, who submits]: the forms a person opens from a
 * command (Slack's modal; Teams' message extension).
 */
export const PERSONAL_DATA_FORMS: [string, string, Record<string, string>, Role][] = [
  ['the update form', 'update', { workstream: 'WS1', text: 'baby Leo, 3 weeks old, seen' }, 'lead'],
  ['the RAG form', 'rag', { workstream: 'WS1', rag: 'red', reason: 'DOB 12 Mar 15 on the list' }, 'lead'],
  [
    'the action form',
    'action add',
    { workstream: 'WS1', owner: '@{owner}', due: '2027-03-31', text: 'Call dad on 0044 7700 900123' },
    'lead',
  ],
];

/**
 * [form, the button that opens it, its value, its answers, who presses]: the forms behind a
 * reminder's buttons, for A-1 from the Home tab ('home.1'); `silence` is the sent silence nudge's
 * log id (seedPersonalDataScenarios).
 */
export const PERSONAL_DATA_BUTTON_FORMS: [
  string,
  string,
  (ids: { silence: number; ws1: number }) => string,
  Record<string, string>,
  Role,
][] = [
  [
    'the silent-workstream form',
    'silence_add_update',
    (ids) => `${ids.silence}.${ids.ws1}`,
    { text: 'Lives at 22 Orchard Close with nan' },
    'lead',
  ],
  [
    'the Add update form',
    'reminder_add_update',
    () => 'home.1',
    { text: 'Spoke to Harvey Wilson (15) today' },
    'owner',
  ],
  [
    'the Not mine form',
    'reminder_not_mine',
    () => 'home.1',
    { owner: '@{otherLead}', note: 'Ask about CP/2025/1187' },
    'owner',
  ],
  [
    'the New date form',
    'reminder_new_date',
    () => 'home.1',
    { due: '2027-01-29', reason: 'jayden smith 12/03/2015 case' },
    'owner',
  ],
];
