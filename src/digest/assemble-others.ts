/** Pure rules for the digest's actions, KPI scorecard and dates sections. */

import { addDays, type Day } from '../domain/dates.js';
import { type EventKind, isVisit } from '../domain/event-kind.js';
import { type KpiDirection, nextTarget, targetInForce, trend, verdictForKpi } from '../domain/kpi.js';
import type { OpenAction } from './assemble-plan.js';
import type { ActionRows, EventRow, KpiRows } from './load-others.js';
import { byCode, type PlanRows } from './load-plan.js';
import { COMING_UP_DAYS, type Digest, type DigestKpi, DUE_SOON_DAYS } from './types.js';

/** Open actions as every list shows them (A-12, workstream/project, owner, due date). */
export function openActions(rows: ActionRows, plan: PlanRows, people: Map<number, string>): OpenAction[] {
  const workstreams = new Map(plan.workstreams.map((w) => [w.id, w.code]));
  const projects = new Map(plan.projects.map((p) => [p.id, p.name]));
  return rows.open.map((a) => ({
    number: a.number,
    text: a.text,
    dueDate: a.dueDate,
    status: a.status,
    ownerPlatformUserId: people.get(a.ownerId) ?? 'unknown',
    workstreamCode: workstreams.get(a.workstreamId) ?? '?',
    projectName: a.projectId === null ? null : (projects.get(a.projectId) ?? null),
    workstreamId: a.workstreamId,
    projectId: a.projectId,
  }));
}

/** Overdue actions grouped by owner (most overdue first within each), and those due in the next 14 days. */
export function actionSections(actions: OpenAction[], today: Day): Pick<Digest, 'overdue' | 'dueSoon'> {
  const overdue = new Map<string, OpenAction[]>();
  for (const a of actions.filter((x) => x.dueDate < today)) {
    overdue.set(a.ownerPlatformUserId, [...(overdue.get(a.ownerPlatformUserId) ?? []), a]);
  }
  const horizon = addDays(today, DUE_SOON_DAYS);
  return {
    // Owners with the most overdue actions first: that is where the board's help is needed.
    overdue: [...overdue]
      .map(([ownerUserId, list]) => ({ ownerUserId, actions: list }))
      .sort((a, b) => b.actions.length - a.actions.length || byCode(a.ownerUserId, b.ownerUserId)),
    dueSoon: actions.filter((a) => a.dueDate >= today && a.dueDate <= horizon),
  };
}

/** Each KPI's latest reading, today's verdict against the target it judged, the trend and the next target. */
export function scorecard(rows: KpiRows, today: Day): DigestKpi[] {
  // Readings grouped by KPI in one pass (oldest first, as loaded), not filtered once per KPI.
  const byKpi = new Map<number, KpiRows['readings']>();
  for (const reading of rows.readings) {
    const list = byKpi.get(reading.kpiId);
    if (list) list.push(reading);
    else byKpi.set(reading.kpiId, [reading]);
  }
  return rows.kpis.map((k) => {
    const direction: KpiDirection = k.direction === 'lower' ? 'lower' : 'higher';
    const mine = byKpi.get(k.id) ?? [];
    const latest = mine.at(-1) ?? null;
    const previous = latest ? (mine.filter((r) => r.period < latest.period).at(-1) ?? null) : null;
    const verdict = verdictForKpi(k, mine, today);
    const target = verdict.target ?? targetInForce(k.targets, today);
    return {
      name: k.name,
      unit: k.unit,
      direction,
      latest: latest ? { value: latest.value, period: latest.period } : null,
      previous: previous?.value ?? null,
      target,
      verdict,
      trend: latest ? trend(direction, previous?.value ?? null, latest.value) : null,
      next: target ? nextTarget(k.targets, target.byDate) : null,
    };
  });
}

/** The countdown in the header, and everything dated in the next 8 weeks. */
export function dates(
  events: EventRow[],
  today: Day,
): Pick<Digest, 'nextVisit' | 'nextDeadline' | 'comingUp'> {
  const horizon = addDays(today, COMING_UP_DAYS);
  return {
    nextVisit: events.find((e) => isVisit(e.kind as EventKind)) ?? null,
    nextDeadline: events.find((e) => e.kind === 'deadline' && e.startDate >= today) ?? null,
    comingUp: events.filter((e) => e.startDate <= horizon),
  };
}
