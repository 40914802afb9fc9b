/**
 * Escalation: actions overdue by the programme's escalationDays or more also go to their
 * workstream's lead(s), once a week; an action the lead owns goes to the programme's admins
 * instead (src/domain/escalation.ts). The ledger row is keyed by the week's Monday, so the first
 * working day's sweep sends it and the rest of the week finds it done.
 */
import { chunked } from '../db/chunked.js';
import type { Action, Person, Programme, Workstream } from '../db/generated/sqlite/client.js';
import { addDays } from '../domain/dates.js';
import { escalationRecipients } from '../domain/escalation.js';
import { escalationWeek, isMuted } from '../domain/reminders.js';
import { deliverReminder, type ReminderToSend } from './deliver-reminder.js';
import { escalationMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import { MAX_ROWS } from './reminder-messages.js';
import type { Sweep } from './sweep.js';

type WithLeads = Workstream & { leads: { person: Person }[] };

export async function sendEscalations(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day } = sweep;
  const workstreams: WithLeads[] = await deps.db.workstream.findMany({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId, closedAt: null },
    include: { leads: { include: { person: true } } },
    orderBy: { code: 'asc' },
  });
  const admins = await deps.db.person.findMany({
    where: {
      workspaceId: programme.workspaceId,
      OR: [{ role: 'admin' }, { platformUserId: { in: deps.adminUserIds ?? [] } }],
    },
    orderBy: { id: 'asc' },
  });
  const week = escalationWeek(day);
  const finished = await finishedOn(deps.db, {
    workspaceId: programme.workspaceId,
    kind: 'escalation',
    day: week,
    subjectKeys: workstreams.map((w) => `workstream:${w.id}`),
  });
  for (const workstream of workstreams) {
    // Who is still to be sent this week's: when nobody is, the workstream is not even queried.
    const waiting = (p: Person) =>
      !isMuted(p, day) && !finished.has(`workstream:${workstream.id}|${p.platformUserId}`);
    const leads = workstream.leads.map((l) => l.person);
    if (![...leads, ...admins].some(waiting)) continue;
    const overdue = await escalatedActions(sweep, programme, workstream);
    for (const recipient of escalationRecipients(leads, admins, overdue)) {
      if (!waiting(recipient.person)) continue;
      const shown = recipient.actions.slice(0, MAX_ROWS);
      const message = escalationMessage({
        workstream,
        actions: await views(sweep, workstream, shown),
        total: recipient.actions.length,
        escalationDays: programme.escalationDays,
        today: day,
        to: recipient.role,
      });
      const reminder: ReminderToSend = {
        key: { kind: 'escalation', subjectKey: `workstream:${workstream.id}`, day: week },
        programme,
        to: { person: recipient.person },
        payload: { actionIds: shown.map((a) => a.id), total: recipient.actions.length },
        render: () => message,
      };
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now));
    }
  }
}

/** The workstream's open actions overdue by the threshold or more, longest overdue first. */
function escalatedActions(sweep: Sweep, programme: Programme, workstream: Workstream): Promise<Action[]> {
  return sweep.deps.db.action.findMany({
    where: {
      workspaceId: programme.workspaceId,
      programmeId: programme.id,
      workstreamId: workstream.id,
      status: 'open',
      dueDate: { lte: addDays(sweep.day, -programme.escalationDays) },
    },
    orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
  });
}

/** The actions as the message lists them, with their owners' Slack ids. */
async function views(sweep: Sweep, workstream: Workstream, actions: Action[]) {
  const owners = await chunked([...new Set(actions.map((a) => a.ownerId))], (ids) =>
    sweep.deps.db.person.findMany({ where: { workspaceId: workstream.workspaceId, id: { in: ids } } }),
  );
  const userIdOf = new Map(owners.map((o) => [o.id, o.platformUserId]));
  return actions.map((a) => ({
    number: a.number,
    text: a.text,
    dueDate: a.dueDate,
    status: a.status,
    ownerPlatformUserId: userIdOf.get(a.ownerId) ?? 'unknown',
    workstreamCode: workstream.code,
  }));
}
