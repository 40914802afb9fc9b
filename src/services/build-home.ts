/**
 * The bot's App Home tab for one person: their open actions with the reminder buttons, the RAG of
 * their workstreams (those they lead or hold actions in), the next Ofsted visit, and whether
 * their reminders are on. A neutral Message; the Slack layer publishes it.
 */

import type { Block, Message } from '../chat/message.js';
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
  // The Home tab is the person's, not a channel's: the programme a press there names, else the first.
  const programme =
    (await scopedProgramme(deps.db, actor)) ??
    (await deps.db.programme.findFirst({
      where: { workspaceId: actor.workspaceId },
      orderBy: { id: 'asc' },
    }));
  const top: Block[] = notice ? [{ type: 'section', text: `<icon:warning> ${notice}` }] : [];
  if (!programme) {
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
  const today = todayIn(deps.clock.now(), programme.timezone);
  const blocks: Block[] = [
    { type: 'header', text: programme.name.slice(0, 150) },
    ...top,
    ...(await actionBlocks(deps, programme, person, today)),
    { type: 'divider' },
    ...(await workstreamBlocks(deps, programme, person)),
    ...(await nextVisitBlocks(deps, programme, today)),
    { type: 'context', text: reminderSettings(person, today) },
  ];
  return { text: `${programme.name}: your actions and workstreams`, blocks };
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
