/**
 * Loads the demo programme (see demo-plan.ts) into a workspace, relative to `now` so that there
 * is always something overdue, something due soon and a visit coming up. Idempotent: a workspace
 * that already has the demo programme is left alone.
 */
import type { Db, Tx } from '../db/client.js';
import { addDays, todayIn, zonedInstant } from '../domain/dates.js';
import { DEMO_ACTIONS, DEMO_KPIS, DEMO_PEOPLE, DEMO_WORKSTREAMS } from './demo-plan.js';

export const DEMO_PROGRAMME_NAME = "Children's Services Improvement Plan (demo)";
const TIMEZONE = 'Europe/London';
const DAY_MS = 86_400_000;

export interface DemoOptions {
  workspaceId: string;
  now: Date;
  /** Slack user ids for the demo people, in DEMO_PEOPLE order; made up when not given. */
  people?: string[];
  boardChannelId?: string;
  /** The workspace's platform (Slack unless said): a Teams tenant's people are Entra object ids. */
  platform?: 'slack' | 'teams';
}

export async function seedDemo(
  db: Db,
  options: DemoOptions,
): Promise<{ created: boolean; programmeId: number }> {
  const existing = await db.programme.findFirst({
    where: { workspaceId: options.workspaceId, name: DEMO_PROGRAMME_NAME },
  });
  if (existing) return { created: false, programmeId: existing.id };
  const programmeId = await db.$transaction(async (tx) => writeDemo(tx, options), { timeout: 60_000 });
  return { created: true, programmeId };
}

async function writeDemo(tx: Tx, options: DemoOptions): Promise<number> {
  const { workspaceId, now } = options;
  const today = todayIn(now, TIMEZONE);
  const ago = (days: number, hour = 10) =>
    zonedInstant(addDays(today, -days), `${String(hour).padStart(2, '0')}:00`, TIMEZONE);
  // The plan was set up in the bot nine weeks ago, before its baseline RAGs and first actions.
  const started = ago(63, 9);
  await tx.workspace.upsert({
    where: { id: workspaceId },
    create: {
      id: workspaceId,
      platform: options.platform ?? 'slack',
      name: 'Demo council',
      createdAt: started,
    },
    update: {},
  });
  const people = [];
  for (const [i, p] of DEMO_PEOPLE.entries()) {
    const platformUserId = options.people?.[i] ?? `U0DEMO${String(i + 1).padStart(4, '0')}`;
    people.push(
      await tx.person.upsert({
        where: { workspaceId_platformUserId: { workspaceId, platformUserId } },
        create: { workspaceId, platformUserId, displayName: p.name, role: p.role, createdAt: started },
        update: { displayName: p.name, role: p.role },
      }),
    );
  }
  const programme = await tx.programme.create({
    data: {
      workspaceId,
      name: DEMO_PROGRAMME_NAME,
      boardChannelId: options.boardChannelId ?? 'C0BOARD001',
      boardChannelSetAt: started,
      timezone: TIMEZONE,
      createdAt: started,
    },
  });
  const workstreams = [];
  for (const w of DEMO_WORKSTREAMS) {
    const lead = people[w.lead]!;
    const ws = await tx.workstream.create({
      data: {
        workspaceId,
        programmeId: programme.id,
        code: w.code,
        name: w.name,
        theme: w.theme,
        rag: w.rag,
        ragChangedAt: ago(w.moved?.daysAgo ?? 56),
        createdAt: started,
      },
    });
    await tx.workstreamLead.create({ data: { workstreamId: ws.id, personId: lead.id, workspaceId } });
    // In a Red workstream one project carries the problem; the rest are Amber, as in real plans.
    await tx.project.createMany({
      data: w.projects.map((name, i) => ({
        workspaceId,
        workstreamId: ws.id,
        name,
        rag: w.rag === 'red' && i > 0 ? 'amber' : w.rag,
        createdAt: started,
      })),
    });
    if (w.redProjectReason) {
      const project = await tx.project.findFirstOrThrow({
        where: { workstreamId: ws.id, name: w.projects[0] },
      });
      await tx.ragChange.create({
        data: {
          workspaceId,
          programmeId: programme.id,
          workstreamId: ws.id,
          projectId: project.id,
          fromRag: 'amber',
          toRag: 'red',
          reason: w.redProjectReason,
          authorId: lead.id,
          createdAt: ago(10),
        },
      });
    }
    const baseline = w.moved?.from ?? w.rag;
    const changes = [];
    if (baseline !== 'not_started')
      changes.push({
        fromRag: 'not_started',
        toRag: baseline,
        reason: 'Baseline assessment when the plan was agreed',
        createdAt: ago(56),
      });
    if (w.moved)
      changes.push({
        fromRag: w.moved.from,
        toRag: w.rag,
        reason: w.moved.reason,
        createdAt: ago(w.moved.daysAgo),
      });
    await tx.ragChange.createMany({
      data: changes.map((c) => ({
        ...c,
        workspaceId,
        programmeId: programme.id,
        workstreamId: ws.id,
        authorId: lead.id,
      })),
    });
    await tx.update.createMany({
      data: w.updates.map((text, i) => ({
        workspaceId,
        programmeId: programme.id,
        workstreamId: ws.id,
        authorId: lead.id,
        text,
        createdAt: ago(w.lastUpdateDaysAgo + (w.updates.length - 1 - i) * 7),
      })),
    });
    workstreams.push(ws);
  }
  await writeActions(tx, { workspaceId, programmeId: programme.id, today, now, people, workstreams });
  await writeKpis(tx, {
    workspaceId,
    programmeId: programme.id,
    today,
    started,
    recordedById: people[0]!.id,
  });
  await writeEvents(tx, {
    workspaceId,
    programmeId: programme.id,
    today,
    started,
    createdById: people[0]!.id,
    workstreams,
  });
  await tx.auditLog.create({
    data: {
      workspaceId,
      actor: 'system',
      action: 'demo.seed',
      entity: 'programme',
      entityId: String(programme.id),
      createdAt: now,
    },
  });
  return programme.id;
}

type Ctx = { workspaceId: string; programmeId: number; today: string };

async function writeActions(
  tx: Tx,
  c: Ctx & { now: Date; people: { id: number }[]; workstreams: { id: number }[] },
) {
  for (const [i, [ws, owner, due, text, status]] of DEMO_ACTIONS.entries()) {
    const finished = status === 'open' ? null : new Date(c.now.getTime() - (5 + i) * DAY_MS);
    const action = await tx.action.create({
      data: {
        workspaceId: c.workspaceId,
        programmeId: c.programmeId,
        number: i + 1,
        workstreamId: c.workstreams[ws]!.id,
        ownerId: c.people[owner]!.id,
        text,
        dueDate: addDays(c.today, due),
        status,
        createdById: c.people[0]!.id,
        completedAt: finished,
        verifiedAt: status === 'verified' ? finished : null,
        evidenceNote: finished ? 'Evidence filed in the improvement plan folder' : null,
        createdAt: new Date(c.now.getTime() - 60 * DAY_MS),
      },
    });
    await tx.actionEvent.create({
      data: {
        workspaceId: c.workspaceId,
        actionId: action.id,
        kind: 'created',
        personId: c.people[0]!.id,
        toDue: action.dueDate,
        createdAt: action.createdAt,
      },
    });
  }
  await tx.programme.update({
    where: { id: c.programmeId },
    data: { nextActionNumber: DEMO_ACTIONS.length + 1 },
  });
}

async function writeKpis(tx: Tx, c: Ctx & { started: Date; recordedById: number }) {
  for (const k of DEMO_KPIS) {
    const kpi = await tx.kpi.create({
      data: {
        workspaceId: c.workspaceId,
        programmeId: c.programmeId,
        name: k.name,
        unit: k.unit,
        direction: k.direction,
        createdAt: c.started,
      },
    });
    await tx.kpiTarget.createMany({
      data: k.targets.map(([value, days]) => ({
        workspaceId: c.workspaceId,
        kpiId: kpi.id,
        value,
        byDate: addDays(c.today, days),
      })),
    });
    // Sixteen weekly readings, ending last Friday-ish, with a little noise so trends are not straight lines.
    await tx.kpiReading.createMany({
      data: Array.from({ length: 16 }, (_, week) => ({
        workspaceId: c.workspaceId,
        kpiId: kpi.id,
        recordedById: c.recordedById,
        value: Math.round((k.start + k.step * week + (week % 3 === 1 ? -k.step * 1.5 : 0)) * 10) / 10,
        period: addDays(c.today, -7 * (16 - week) + 4),
        createdAt: zonedInstant(addDays(c.today, -7 * (16 - week) + 4), '17:00', TIMEZONE),
      })),
    });
  }
}

async function writeEvents(
  tx: Tx,
  c: Ctx & { started: Date; createdById: number; workstreams: { id: number }[] },
) {
  const events = [
    {
      kind: 'monitoring_visit',
      startDate: addDays(c.today, 23),
      endDate: addDays(c.today, 24),
      theme: 'Assessment in the duty and assessment teams',
      links: [1, 4],
    },
    {
      kind: 'board_meeting',
      startDate: addDays(c.today, 9),
      endDate: null,
      theme: 'Improvement Board: quarterly report to the safeguarding partnership',
      links: [],
    },
    {
      kind: 'deadline',
      startDate: addDays(c.today, 37),
      endDate: null,
      theme: 'Six-monthly progress report to the DfE adviser',
      links: [0, 1, 4],
    },
  ];
  for (const [i, e] of events.entries()) {
    const event = await tx.event.create({
      data: {
        workspaceId: c.workspaceId,
        programmeId: c.programmeId,
        number: i + 1,
        kind: e.kind,
        startDate: e.startDate,
        endDate: e.endDate,
        theme: e.theme,
        createdById: c.createdById,
        createdAt: c.started,
      },
    });
    await tx.eventWorkstream.createMany({
      data: e.links.map((w) => ({
        eventId: event.id,
        workstreamId: c.workstreams[w]!.id,
        workspaceId: c.workspaceId,
      })),
    });
  }
  await tx.programme.update({ where: { id: c.programmeId }, data: { nextEventNumber: events.length + 1 } });
}
