/**
 * The reminders benchmark's world, written with createMany in chunks and no randomness (runs
 * compare): by default 150 programmes, each in its own workspace, 20,000 owners and 100,000 open
 * actions between them, due dates spread two months either side of the sweep's day, 8
 * workstreams per programme with a lead each, and a monitoring visit 14 days ahead (a countdown
 * today) linked to two workstreams.
 */
import type { Db } from '../src/db/client.js';
import { addDays, type Day } from '../src/domain/dates.js';

export interface RemindersShape {
  programmes: number;
  owners: number;
  actions: number;
  workstreamsPerProgramme: number;
}

/** One council's workspace at a large size, for the sweep through the rate-limited fake Slack. */
export const ONE_WORKSPACE_SHAPE: RemindersShape = {
  programmes: 1,
  owners: 20_000,
  actions: 100_000,
  workstreamsPerProgramme: 8,
};

export const ISSUE_SHAPE: RemindersShape = {
  programmes: 150,
  owners: 20_000,
  actions: 100_000,
  workstreamsPerProgramme: 8,
};

const CHUNK = 1000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export const benchWorkspace = (p: number): string => `T0REM${String(p).padStart(4, '0')}`;

/** Writes every programme; owners and actions are shared out evenly between them. */
export async function seedRemindersWorld(db: Db, shape: RemindersShape, today: Day): Promise<void> {
  for (let p = 0; p < shape.programmes; p += 1) await seedProgramme(db, shape, p, today);
}

async function seedProgramme(db: Db, shape: RemindersShape, p: number, today: Day): Promise<void> {
  const workspaceId = benchWorkspace(p);
  const owners = Math.floor(shape.owners / shape.programmes) + (p < shape.owners % shape.programmes ? 1 : 0);
  const actions =
    Math.floor(shape.actions / shape.programmes) + (p < shape.actions % shape.programmes ? 1 : 0);
  // Set up months before the oldest due date, as a real programme would be.
  const createdAt = new Date(`${addDays(today, -200)}T09:00:00Z`);
  await db.workspace.create({ data: { id: workspaceId, createdAt } });
  // Timezones already known and checked yesterday: the steady state, where a sweep neither looks
  // anyone up nor rewrites every person.
  const checkedAt = new Date(`${addDays(today, -1)}T09:00:00Z`);
  await inChunks(
    Array.from({ length: owners }, (_, i) => ({
      workspaceId,
      platformUserId: `U${p}X${i}`,
      role: i === 0 ? 'admin' : i <= shape.workstreamsPerProgramme ? 'lead' : 'member',
      timezone: 'Europe/London',
      timezoneCheckedAt: checkedAt,
      createdAt,
    })),
    (data) => db.person.createMany({ data }),
  );
  const people = (
    await db.person.findMany({ where: { workspaceId }, orderBy: { id: 'asc' }, select: { id: true } })
  ).map((x) => x.id);
  const programme = await db.programme.create({
    data: {
      workspaceId,
      name: `Programme ${p + 1}`,
      boardChannelId: `C0BOARD${p}`,
      nextActionNumber: actions + 1,
      createdAt,
    },
  });
  const scope = { workspaceId, programmeId: programme.id };
  await db.workstream.createMany({
    data: Array.from({ length: shape.workstreamsPerProgramme }, (_, i) => ({
      ...scope,
      code: `WS${i + 1}`,
      name: `Workstream ${i + 1}`,
      rag: 'amber',
      createdAt,
    })),
  });
  const ws = (
    await db.workstream.findMany({ where: scope, orderBy: { id: 'asc' }, select: { id: true } })
  ).map((w) => w.id);
  await db.workstreamLead.createMany({
    data: ws.map((id, i) => ({
      workstreamId: id,
      personId: people[1 + (i % (people.length - 1))]!,
      workspaceId,
    })),
  });
  await inChunks(
    Array.from({ length: actions }, (_, i) => ({
      ...scope,
      number: i + 1,
      workstreamId: ws[i % ws.length]!,
      ownerId: people[i % people.length]!,
      createdById: people[0]!,
      text: `Action ${i + 1}: a realistic line of work for the improvement plan`,
      dueDate: addDays(today, ((i * 37) % 120) - 60),
      createdAt,
    })),
    (data) => db.action.createMany({ data }),
  );
  const visit = await db.event.create({
    data: {
      ...scope,
      number: 1,
      kind: 'monitoring_visit',
      startDate: addDays(today, 14),
      theme: 'Care leavers',
      createdById: people[0]!,
      createdAt,
    },
  });
  await db.eventWorkstream.createMany({
    data: ws.slice(0, 2).map((workstreamId) => ({ eventId: visit.id, workstreamId, workspaceId })),
  });
}
