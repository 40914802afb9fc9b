/** The demo programme: realistic, relative to today, idempotent, and free of personal data. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPersonalData } from '../../src/domain/personal-data/index.js';
import { seedDemo } from '../../src/seed/demo.js';
import { type TestDatabase, testDatabase } from '../support/database.js';

let t: TestDatabase;
const now = new Date('2026-11-23T10:00:00Z');
beforeAll(async () => {
  t = await testDatabase({ now });
});
afterAll(async () => {
  await t.close();
});

const counts = async () => ({
  programmes: await t.deps.db.programme.count(),
  workstreams: await t.deps.db.workstream.count(),
  projects: await t.deps.db.project.count(),
  actions: await t.deps.db.action.count(),
  kpis: await t.deps.db.kpi.count(),
  readings: await t.deps.db.kpiReading.count(),
  events: await t.deps.db.event.count(),
  updates: await t.deps.db.update.count(),
});

describe('npm run seed:demo', () => {
  it('loads a plan with overdue actions, KPI trajectories and an upcoming visit, once', async () => {
    const first = await seedDemo(t.deps.db, { workspaceId: 'T0DEMO', now });
    expect(first.created).toBe(true);
    const after = await counts();
    expect(after).toMatchObject({ programmes: 1, workstreams: 8, kpis: 6, events: 3 });
    expect(after.actions).toBe(40);
    expect(after.projects).toBeGreaterThanOrEqual(16);
    expect(after.readings).toBe(96);
    const overdue = await t.deps.db.action.count({
      where: { status: 'open', dueDate: { lt: '2026-11-23' } },
    });
    expect(overdue).toBeGreaterThanOrEqual(10);
    const targets = await t.deps.db.kpiTarget.findMany({
      where: { kpi: { name: 'Average caseload' } },
      orderBy: { byDate: 'asc' },
    });
    expect(targets.map((x) => [x.value, x.byDate])).toEqual([
      [30, '2027-01-01'],
      [25, '2027-04-01'],
    ]);
    const visit = await t.deps.db.event.findFirstOrThrow({ where: { kind: 'monitoring_visit' } });
    expect(visit.startDate > '2026-11-23').toBe(true);
    expect(await t.deps.db.event.count({ where: { kind: 'deadline' } })).toBe(1);

    const second = await seedDemo(t.deps.db, { workspaceId: 'T0DEMO', now });
    expect(second).toEqual({ created: false, programmeId: first.programmeId });
    expect(await counts()).toEqual(after);
  });

  it('contains nothing the personal-data guard would refuse', async () => {
    const texts = [
      ...(await t.deps.db.update.findMany()).map((u) => u.text),
      ...(await t.deps.db.action.findMany()).map((a) => a.text),
      ...(await t.deps.db.ragChange.findMany()).map((r) => r.reason),
    ];
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => findPersonalData(text, { today: '2026-11-23' }).length > 0)).toEqual([]);
  });
});
