/**
 * Escalation: actions overdue by the programme's escalationDays or more also go to their
 * workstream's lead(s), once a week. The ledger row is keyed by the week's Monday, so the first
 * working day's sweep sends it and the rest of the week finds it done.
 */
import type { Message } from '../chat/message.js';
import type { Programme, Workstream } from '../db/generated/sqlite/client.js';
import { addDays } from '../domain/dates.js';
import { escalationWeek, isMuted } from '../domain/reminders.js';
import { deliverReminder, type ReminderToSend } from './deliver-reminder.js';
import { escalationMessage } from './notice-messages.js';
import { finishedOn } from './reminder-log.js';
import { MAX_ROWS } from './reminder-messages.js';
import type { Sweep } from './sweep.js';

export async function sendEscalations(sweep: Sweep, programme: Programme): Promise<void> {
  const { deps, day } = sweep;
  const workstreams = await deps.db.workstream.findMany({
    where: { programmeId: programme.id, workspaceId: programme.workspaceId },
    include: { leads: { include: { person: true } } },
    orderBy: { code: 'asc' },
  });
  const week = escalationWeek(day);
  const subjectKeys = workstreams.map((w) => `workstream:${w.id}`);
  const finished = await finishedOn(deps.db, {
    workspaceId: programme.workspaceId,
    kind: 'escalation',
    day: week,
    subjectKeys,
  });
  for (const workstream of workstreams) {
    const leads = workstream.leads
      .map((l) => l.person)
      .filter((p) => !isMuted(p, day) && !finished.has(`workstream:${workstream.id}|${p.slackUserId}`));
    if (leads.length === 0) continue;
    const escalated = await escalatedActions(sweep, programme, workstream);
    if (!escalated) continue;
    for (const lead of leads) {
      const reminder: ReminderToSend = {
        key: { kind: 'escalation', subjectKey: `workstream:${workstream.id}`, day: week },
        programme,
        to: { person: lead },
        payload: { actionIds: escalated.ids, total: escalated.total },
        render: () => escalated.message,
      };
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now));
    }
  }
}

/** The workstream's actions overdue by the threshold or more (the soonest MAX_ROWS), as the message. */
async function escalatedActions(
  sweep: Sweep,
  programme: Programme,
  workstream: Workstream,
): Promise<{ ids: number[]; total: number; message: Message } | null> {
  const { db } = sweep.deps;
  const where = {
    workspaceId: programme.workspaceId,
    programmeId: programme.id,
    workstreamId: workstream.id,
    status: 'open',
    dueDate: { lte: addDays(sweep.day, -programme.escalationDays) },
  };
  const actions = await db.action.findMany({
    where,
    orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
    take: MAX_ROWS,
  });
  if (actions.length === 0) return null;
  const total = actions.length < MAX_ROWS ? actions.length : await db.action.count({ where });
  const owners = await db.person.findMany({
    where: { workspaceId: programme.workspaceId, id: { in: [...new Set(actions.map((a) => a.ownerId))] } },
  });
  const slackId = new Map(owners.map((o) => [o.id, o.slackUserId]));
  const views = actions.map((a) => ({
    number: a.number,
    text: a.text,
    dueDate: a.dueDate,
    status: a.status,
    ownerSlackUserId: slackId.get(a.ownerId) ?? 'unknown',
    workstreamCode: workstream.code,
  }));
  const message = escalationMessage({
    workstream,
    actions: views,
    total,
    escalationDays: programme.escalationDays,
    today: sweep.day,
  });
  return { ids: actions.map((a) => a.id), total, message };
}
