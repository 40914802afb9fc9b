/**
 * The owners' daily reminder: one DM per owner listing their overdue actions and those due within
 * the programme's dueSoonDays. Owners are read a page at a time (keyset on the owner id), and
 * their actions only for that page, so memory stays bounded whatever the size of the plan.
 */
import type { Person, Programme } from '../db/generated/sqlite/client.js';
import { addDays } from '../domain/dates.js';
import { isMuted } from '../domain/reminders.js';
import { pendingNotMine } from './current-reminder.js';
import { deliverReminder, type ReminderToSend, readiness } from './deliver-reminder.js';
import { inParallel } from './in-parallel.js';
import { claimMany } from './reminder-log.js';
import { actionReminderMessage, awaitsAnswer, MAX_ROWS, type ReminderRow } from './reminder-messages.js';
import type { Sweep } from './sweep.js';

/** Owners per page: one query each for their counts, actions, people and ledger rows. */
export const OWNER_PAGE = 200;

export async function sendActionReminders(sweep: Sweep, programme: Programme): Promise<void> {
  const base = {
    workspaceId: programme.workspaceId,
    programmeId: programme.id,
    status: 'open',
    dueDate: { lte: addDays(sweep.day, programme.dueSoonDays) },
  };
  let after = 0;
  for (;;) {
    const page = await sweep.deps.db.action.groupBy({
      by: ['ownerId'],
      where: { ...base, ownerId: { gt: after } },
      orderBy: { ownerId: 'asc' },
      take: OWNER_PAGE,
      _count: { _all: true },
    });
    if (page.length === 0) return;
    after = page.at(-1)!.ownerId;
    await remindPage(sweep, programme, base, page);
    await sweep.heartbeat();
  }
}

type OwnerCount = { ownerId: number; _count: { _all: number } };

/** One page of owners: skip those already done today or muted, then send the rest theirs. */
async function remindPage(
  sweep: Sweep,
  programme: Programme,
  base: ActionWhere,
  page: OwnerCount[],
): Promise<void> {
  const { db } = sweep.deps;
  const subjectKey = `programme:${programme.id}`;
  const people = await db.person.findMany({
    where: { workspaceId: programme.workspaceId, id: { in: page.map((p) => p.ownerId) } },
  });
  const logged = await db.reminderLog.findMany({
    where: {
      workspaceId: programme.workspaceId,
      kind: 'action',
      subjectKey,
      day: sweep.day,
      recipient: { in: people.map((p) => p.platformUserId) },
    },
    select: { recipient: true, status: true },
  });
  const finished = new Set(
    logged.filter((l) => l.status === 'sent' || l.status === 'skipped').map((l) => l.recipient),
  );
  const due = people.filter((p) => !finished.has(p.platformUserId) && !isMuted(p, sweep.day));
  const rows = await loadRows(sweep, base, due, page);
  const reminders = due.flatMap((person) => {
    const mine = rows.get(person.id) ?? [];
    const total = page.find((p) => p.ownerId === person.id)?._count._all ?? mine.length;
    // Nothing to answer (every action is with the lead after a "not mine"): no message.
    if (!mine.some((row) => awaitsAnswer(row, person.id))) return [];
    return [ownerReminder(sweep, programme, person, mine, total - mine.length, subjectKey)];
  });
  await sendPage(sweep, programme, reminders, new Set(logged.map((l) => l.recipient)));
}

type ActionWhere = { workspaceId: string; programmeId: number; status: string; dueDate: { lte: string } };

/** The page's owners' actions in two queries: those with a handful, and those with more (cut to MAX_ROWS each). */
async function loadRows(
  sweep: Sweep,
  base: ActionWhere,
  owners: Person[],
  counts: OwnerCount[],
): Promise<Map<number, ReminderRow[]>> {
  const many = new Set(counts.filter((c) => c._count._all > MAX_ROWS).map((c) => c.ownerId));
  const few = owners.filter((o) => !many.has(o.id)).map((o) => o.id);
  const query = (ownerId: number | { in: number[] }, take?: number) =>
    sweep.deps.db.action.findMany({
      where: { ...base, ownerId },
      include: { workstream: { select: { code: true } } },
      orderBy: [{ dueDate: 'asc' }, { number: 'asc' }],
      take,
    });
  const actions = few.length > 0 ? await query({ in: few }) : [];
  // Those with more than MAX_ROWS: one query for them all, each cut to their soonest MAX_ROWS
  // (rows come in due order), so a page costs the same few queries however its owners' actions fall.
  const busy = owners.filter((o) => many.has(o.id)).map((o) => o.id);
  if (busy.length > 0) {
    const kept = new Map<number, number>();
    for (const action of await query({ in: busy })) {
      const n = kept.get(action.ownerId) ?? 0;
      if (n >= MAX_ROWS) continue;
      kept.set(action.ownerId, n + 1);
      actions.push(action);
    }
  }
  const userIdOf = new Map(owners.map((o) => [o.id, o.platformUserId]));
  const declined = await pendingNotMine(sweep.deps.db, base.workspaceId, actions);
  const rows = new Map<number, ReminderRow[]>();
  for (const action of actions) {
    const list = rows.get(action.ownerId) ?? [];
    const claim = declined.get(action.id);
    list.push({
      action,
      ownerPlatformUserId: userIdOf.get(action.ownerId) ?? '',
      since: claim ? [claim] : [],
    });
    rows.set(action.ownerId, list);
  }
  return rows;
}

function ownerReminder(
  sweep: Sweep,
  programme: Programme,
  person: Person,
  rows: ReminderRow[],
  more: number,
  subjectKey: string,
): ReminderToSend & { to: { person: Person } } {
  return {
    key: { kind: 'action', subjectKey, day: sweep.day },
    programme,
    to: { person },
    payload: { actionIds: rows.map((r) => r.action.id), more },
    render: (log) =>
      actionReminderMessage({
        reminderId: log.id,
        personId: person.id,
        rows,
        more,
        today: sweep.day,
        dueSoonDays: programme.dueSoonDays,
      }),
  };
}

/**
 * Claims are taken a batch at a time, so even at Slack's slowest (a Tier 3 method waiting out
 * Retry-After) a batch is sent well within its lease: a claim never lapses while its message is
 * still queued here, which is what would let another replica send it too.
 */
const CLAIM_BATCH = 25;

/**
 * Checks each owner (their hours, whether Slack knows them), claims a batch of new rows in one
 * statement, then sends the batch a few at a time, each recorded as soon as Slack accepts it.
 */
async function sendPage(
  sweep: Sweep,
  programme: Programme,
  reminders: (ReminderToSend & { to: { person: Person } })[],
  hasRow: Set<string>,
): Promise<void> {
  const ready: typeof reminders = [];
  for (const reminder of reminders) {
    const outcome = await readiness(sweep.check, reminder, sweep.now);
    if (outcome === 'ok') ready.push(reminder);
    else sweep.count(outcome);
  }
  const { deps } = sweep;
  const key = {
    workspaceId: programme.workspaceId,
    kind: 'action',
    subjectKey: `programme:${programme.id}`,
    day: sweep.day,
  };
  for (let i = 0; i < ready.length; i += CLAIM_BATCH) {
    const batch = ready.slice(i, i + CLAIM_BATCH);
    const fresh = batch.map((r) => r.to.person.platformUserId).filter((id) => !hasRow.has(id));
    const claims = await claimMany(deps.db, key, fresh, programme.id, deps.clock.now(), deps.instanceId);
    await inParallel(batch, IN_FLIGHT, async (reminder) => {
      const claim = claims.get(reminder.to.person.platformUserId);
      sweep.count(await deliverReminder(deps, sweep.check, reminder, sweep.now, { claim }));
    });
  }
}

/**
 * Reminders of a batch in flight at once: each is its own DM, and the chat's pacing
 * (paced-chat.ts) keeps the whole workspace inside the platform's per-method limits, so this
 * only hides round trips.
 */
export const IN_FLIGHT = 8;
