/**
 * The bot's App Home tab for one person: their open actions with the reminder buttons, the RAG of
 * their workstreams (those they lead or hold actions in), the next Ofsted visit, and whether
 * their reminders are on, for each programme of the workspace they take part in. A neutral
 * Message; the Slack layer publishes it.
 */

import type { Block, Message } from '../chat/message.js';
import { stampMessage } from '../chat/programme-stamp.js';
import { chunked } from '../db/chunked.js';
import type { Person, Programme } from '../db/generated/sqlite/client.js';
import { type Day, daysBetween, formatLongDate, formatUkDate, todayIn } from '../domain/dates.js';
import { eventKindLabel, eventRef } from '../domain/event-kind.js';
import { isRag, ragLabel, ragMark } from '../domain/rag.js';
import { isMuted } from '../domain/reminders.js';
import { toSafeText } from '../domain/text.js';
import { pendingNotMine } from './current-reminder.js';
import type { Actor, Deps } from './deps.js';
import { type ProgrammeScope, scopedProgramme } from './programme.js';
import { MAX_ROWS, reminderRowBlocks } from './reminder-messages.js';

const OFSTED_KINDS = ['monitoring_visit', 'focused_visit', 'inspection'];

export async function buildHome(
  deps: Deps,
  actor: ProgrammeScope & Pick<Actor, 'userId'>,
  notice?: string,
): Promise<Message> {
  const programmes = await deps.db.programme.findMany({
    where: { workspaceId: actor.workspaceId },
    orderBy: { id: 'asc' },
  });
  const top: Block[] = notice ? [{ type: 'section', text: `<icon:warning> ${notice}` }] : [];
  if (programmes.length === 0) {
    return {
      text: 'No improvement programme yet',
      blocks: [
        ...top,
        {
          type: 'section',
          text: 'This workspace has no improvement programme yet. An admin can start one with `/improve setup`.',
        },
      ],
    };
  }
  const person = await deps.db.person.findUnique({
    where: { workspaceId_platformUserId: { workspaceId: actor.workspaceId, platformUserId: actor.userId } },
  });
  // The Home tab is the person's, not a channel's: every programme of the workspace they have
  // actions or workstreams in, and the one a press there named (else the first) even if they have
  // nothing in it; each part's buttons are stamped with its programme, so a press acts on its A-1.
  const named = (await scopedProgramme(deps.db, actor))?.id ?? programmes[0]!.id;
  const sections = await Promise.all(programmes.map((p) => programmeSection(deps, p, person)));
  const shown = sections.filter((s) => s.involved || s.programme.id === named);
  const first = shown[0]!.programme;
  const blocks: Block[] = [
    ...shown.flatMap((s, i) => [
      ...(i > 0 ? [{ type: 'divider' } as const] : []),
      { type: 'header', text: s.programme.name.slice(0, 150) } as const,
      ...(i === 0 ? top : []),
      ...(stampMessage({ text: '', blocks: s.blocks }, s.programme.id).blocks ?? []),
    ]),
    { type: 'context', text: reminderSettings(person, todayIn(deps.clock.now(), first.timezone)) },
  ];
  const names = shown.map((s) => s.programme.name).join(', ');
  return { text: `${names}: your actions and workstreams`, blocks };
}

/** One programme's part of the Home tab, and whether the person has anything in it. */
async function programmeSection(deps: Deps, programme: Programme, person: Person | null) {
  const today = todayIn(deps.clock.now(), programme.timezone);
  const actions = await actionBlocks(deps, programme, person, today);
  const workstreams = await workstreamBlocks(deps, programme, person);
  return {
    programme,
    involved: workstreams.length > 0 || actions.some((b) => b.type === 'actions'),
    blocks: [
      ...actions,
      { type: 'divider' } as const,
      ...workstreams,
      ...(await nextVisitBlocks(deps, programme, today)),
    ] as Block[],
  };
}

async function actionBlocks(
  deps: Deps,
  programme: Programme,
  person: Person | null,
  today: Day,
): Promise<Block[]> {
  const where = {
    workspaceId: programme.workspaceId,
    programmeId: programme.id,
    ownerId: person?.id ?? -1,
    status: 'open',
  };
  const [actions, total] = await Promise.all([
    deps.db.action.findMany({
      where,
      include: { workstream: { select: { code: true } } },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      take: MAX_ROWS,
    }),
    deps.db.action.count({ where }),
  ]);
  if (!person || actions.length === 0)
    return [{ type: 'section', text: '*Your open actions*\nYou have no open actions.' }];
  const more: Block[] =
    total > actions.length
      ? [{ type: 'context', text: `…and ${total - actions.length} more: \`/improve action list mine\`.` }]
      : [];
  const declined = await pendingNotMine(deps.db, programme.workspaceId, actions);
  const since = (id: number) => (declined.has(id) ? [declined.get(id)!] : []);
  return [
    { type: 'section', text: `*Your open actions* (${total})` },
    ...actions.flatMap((action) =>
      reminderRowBlocks(
        { action, ownerPlatformUserId: person.platformUserId, since: since(action.id) },
        person.id,
        'home',
        today,
      ),
    ),
    ...more,
  ];
}

async function workstreamBlocks(deps: Deps, programme: Programme, person: Person | null): Promise<Block[]> {
  if (!person) return [];
  const [led, withActions] = await Promise.all([
    deps.db.workstreamLead.findMany({
      where: { personId: person.id, workspaceId: programme.workspaceId },
      select: { workstreamId: true },
    }),
    deps.db.action.groupBy({
      by: ['workstreamId'],
      where: {
        workspaceId: programme.workspaceId,
        programmeId: programme.id,
        ownerId: person.id,
        status: 'open',
      },
    }),
  ]);
  const leads = new Set(led.map((l) => l.workstreamId));
  const ids = [...new Set([...leads, ...withActions.map((w) => w.workstreamId)])];
  // In code order within each chunk of 500: one chunk for anyone but a programme of thousands.
  const workstreams = await chunked(ids, (chunk) =>
    deps.db.workstream.findMany({
      where: {
        workspaceId: programme.workspaceId,
        programmeId: programme.id,
        id: { in: chunk },
        closedAt: null,
      },
      orderBy: { code: 'asc' },
    }),
  );
  if (workstreams.length === 0) return [];
  const lines = workstreams.map((w) => {
    const rag = isRag(w.rag) ? `${ragMark(w.rag)} ${ragLabel(w.rag)}` : w.rag;
    return `${rag} · *${w.code}* ${toSafeText(w.name)}${leads.has(w.id) ? ' · _you lead_' : ''}`;
  });
  return [{ type: 'section', text: `*Your workstreams*\n${lines.join('\n')}` }];
}

async function nextVisitBlocks(deps: Deps, programme: Programme, today: Day): Promise<Block[]> {
  const visit = await deps.db.event.findFirst({
    where: {
      workspaceId: programme.workspaceId,
      programmeId: programme.id,
      status: 'planned',
      kind: { in: OFSTED_KINDS },
      startDate: { gte: today },
    },
    orderBy: [{ startDate: 'asc' }, { number: 'asc' }],
  });
  if (!visit) return [{ type: 'section', text: '*Next Ofsted visit*\nNone recorded.' }];
  const days = daysBetween(today, visit.startDate);
  const when = days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`;
  const theme = visit.theme ? `\n*Theme:* ${toSafeText(visit.theme)}` : '';
  return [
    {
      type: 'section',
      text: `*Next Ofsted visit*\n${eventKindLabel(visit.kind)} ${eventRef(visit.number)}: ${formatLongDate(visit.startDate)} (${when})${theme}`,
    },
  ];
}

function reminderSettings(person: Person | null, today: Day): string {
  if (person?.remindersOff)
    return '<icon:bell_off> Your reminders are off. `/improve reminders on` starts them again.';
  if (person && isMuted(person, today))
    return `<icon:snooze> Your reminders are snoozed up to and including ${formatUkDate(person.snoozedUntil!)}. \`/improve snooze off\` ends it.`;
  return '<icon:bell> Reminders come each working day for overdue and due-soon actions. `/improve snooze <date>` pauses them.';
}
