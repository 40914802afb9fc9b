/**
 * A large programme for the digest benchmark, written with createMany in chunks: by default 12
 * workstreams, 120 projects, 5,000 actions, 20,000 updates and 50 KPIs with two years of weekly
 * readings. Deterministic (no randomness), so runs compare.
 */
import type { Db } from '../src/db/client.js';
import { addDays, type Day } from '../src/domain/dates.js';
import type { Rag } from '../src/domain/rag.js';

export interface BenchShape {
  workstreams: number;
  projects: number;
  actions: number;
  updates: number;
  kpis: number;
  readingsPerKpi: number;
  /** People in the workspace (owners, leads and authors are spread over all but the admin); 40 by default. */
  people?: number;
}

export const ISSUE_SHAPE: BenchShape = {
  workstreams: 12,
  projects: 120,
  actions: 5000,
  updates: 20000,
  kpis: 50,
  readingsPerKpi: 104,
};

const RAGS: Rag[] = ['red', 'amber', 'green', 'amber', 'green', 'complete', 'not_started'];
const DAY_MS = 86_400_000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await write(rows.slice(i, i + 1000));
}

/** Writes the programme into `workspaceId`; returns its id. `today` is the digest's day. */
export async function seedBenchProgramme(
  db: Db,
  workspaceId: string,
  shape: BenchShape,
  now: Date,
  today: Day,
): Promise<number> {
  // Two years of history: everything was set up before the oldest update.
  const createdAt = new Date(now.getTime() - 800 * DAY_MS);
  await db.workspace.upsert({
    where: { id: workspaceId },
    create: { id: workspaceId, createdAt },
    update: {},
  });
  const headcount = shape.people ?? 40;
  await inChunks(
    Array.from({ length: headcount }, (_, i) => ({
      workspaceId,
      platformUserId: `U0BENCH${i}`,
      role: i === 0 ? 'admin' : 'lead',
      createdAt,
    })),
    (data) => db.person.createMany({ data }),
  );
  const people = (await db.person.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } })).map(
    (p) => p.id,
  );
  const programme = await db.programme.create({
    data: { workspaceId, name: 'Benchmark programme', boardChannelId: 'C0BENCH', createdAt },
  });
  const scope = { workspaceId, programmeId: programme.id };
  await db.workstream.createMany({
    data: Array.from({ length: shape.workstreams }, (_, i) => ({
      ...scope,
      code: `WS${i + 1}`,
      name: `Workstream ${i + 1}`,
      rag: RAGS[i % RAGS.length]!,
      createdAt,
    })),
  });
  const ws = (await db.workstream.findMany({ where: scope, orderBy: { id: 'asc' } })).map((w) => w.id);
  await db.workstreamLead.createMany({
    data: ws.map((id, i) => ({
      workstreamId: id,
      personId: people[1 + (i % (headcount - 1))]!,
      workspaceId,
    })),
  });
  await db.project.createMany({
    data: Array.from({ length: shape.projects }, (_, i) => ({
      workspaceId,
      workstreamId: ws[i % ws.length]!,
      name: `Project ${i + 1}`,
      rag: RAGS[(i * 3) % RAGS.length]!,
      createdAt,
    })),
  });
  const ago = (i: number, span: number) => new Date(now.getTime() - ((i * 7919) % span) * DAY_MS - 3_600_000);
  await inChunks(
    Array.from({ length: shape.updates }, (_, i) => ({
      ...scope,
      workstreamId: ws[i % ws.length]!,
      authorId: people[1 + (i % (headcount - 1))]!,
      text: `Update ${i}: progress against the plan this week`,
      createdAt: ago(i, 730),
    })),
    (data) => db.update.createMany({ data }),
  );
  await inChunks(
    Array.from({ length: 500 }, (_, i) => ({
      ...scope,
      workstreamId: ws[i % ws.length]!,
      fromRag: RAGS[(i + 1) % RAGS.length]!,
      toRag: RAGS[i % RAGS.length]!,
      reason: `Reason ${i}`,
      authorId: people[1 + (i % (headcount - 1))]!,
      createdAt: ago(i, 365),
    })),
    (data) => db.ragChange.createMany({ data }),
  );
  await inChunks(
    Array.from({ length: shape.actions }, (_, i) => {
      const open = i % 10 === 0; // a tenth still open, spread a year either side of today
      return {
        ...scope,
        number: i + 1,
        workstreamId: ws[i % ws.length]!,
        ownerId: people[1 + (i % (headcount - 1))]!,
        createdById: people[0]!,
        text: `Action ${i + 1}`,
        dueDate: addDays(today, ((i * 37) % 400) - 200),
        status: open ? 'open' : 'done',
        completedAt: open ? null : ago(i, 400),
        createdAt,
      };
    }),
    (data) => db.action.createMany({ data }),
  );
  await seedKpis(db, scope, shape, people[0]!, today, createdAt);
  await db.event.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      ...scope,
      number: i + 1,
      kind: ['monitoring_visit', 'deadline', 'board_meeting'][i % 3]!,
      startDate: addDays(today, i * 9 - 40),
      theme: `Event ${i + 1}`,
      createdById: people[0]!,
      createdAt,
    })),
  });
  return programme.id;
}

async function seedKpis(
  db: Db,
  scope: { workspaceId: string; programmeId: number },
  shape: BenchShape,
  recordedById: number,
  today: Day,
  createdAt: Date,
): Promise<void> {
  await db.kpi.createMany({
    data: Array.from({ length: shape.kpis }, (_, i) => ({
      ...scope,
      name: `KPI ${i + 1}`,
      unit: '%',
      direction: i % 2 ? 'lower' : 'higher',
      createdAt,
    })),
  });
  const kpis = (await db.kpi.findMany({ where: scope, orderBy: { id: 'asc' } })).map((k) => k.id);
  const { workspaceId } = scope;
  await db.kpiTarget.createMany({
    data: kpis.flatMap((kpiId) =>
      [0, 1, 2, 3].map((q) => ({
        workspaceId,
        kpiId,
        value: 60 + q * 5,
        byDate: addDays(today, q * 91 - 91),
      })),
    ),
  });
  await inChunks(
    kpis.flatMap((kpiId, k) =>
      Array.from({ length: shape.readingsPerKpi }, (_, w) => ({
        workspaceId,
        kpiId,
        recordedById,
        value: 50 + ((k + w) % 40),
        period: addDays(today, -7 * (shape.readingsPerKpi - w)),
        createdAt,
      })),
    ),
    (data) => db.kpiReading.createMany({ data }),
  );
}
