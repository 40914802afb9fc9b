/**
 * Pure rules turning the plan's rows into the digest's sections: RAG at a glance (with arrows for
 * moves since the last digest), changes, exceptions and silence.
 */
import type { ActionView } from '../domain/actions.js';
import { type Day, daysBetween, todayIn } from '../domain/dates.js';
import { isRag, RAG_VALUES, type Rag } from '../domain/rag.js';
import type { PlanRows } from './load-plan.js';
import type { RedDetail } from './load-red-detail.js';
import type { Digest, DigestChange, DigestException, DigestSilence, DigestWorkstream } from './types.js';

/** An open action as lists show it, plus where it belongs. */
export type OpenAction = ActionView & { workstreamId: number; projectId: number | null };

const asRag = (value: string): Rag => (isRag(value) ? value : 'not_started');
const userIdOf = (people: Map<number, string>, id: number) => people.get(id) ?? 'unknown';

export function countRags(items: { rag: string }[]): Record<Rag, number> {
  const counts = Object.fromEntries(RAG_VALUES.map((r) => [r, 0])) as Record<Rag, number>;
  for (const item of items) counts[asRag(item.rag)] += 1;
  return counts;
}

function lastUpdateDays(plan: PlanRows, timezone: string): Map<number, Day> {
  const latest = new Map<number, Date>();
  for (const u of plan.latestUpdates) {
    const seen = latest.get(u.workstreamId);
    if (!seen || u.at > seen) latest.set(u.workstreamId, u.at);
  }
  return new Map([...latest].map(([id, at]) => [id, todayIn(at, timezone)]));
}

/** Each workstream with its RAG, where it was at the last digest if it has moved, and its latest update. */
export function workstreamsAtAGlance(plan: PlanRows, timezone: string): DigestWorkstream[] {
  const lastDays = lastUpdateDays(plan, timezone);
  return plan.workstreams.map((w) => {
    // The first change since the last digest says where the workstream stood at that digest.
    const first = plan.changes.find((c) => c.workstreamId === w.id && c.projectId === null);
    const rag = asRag(w.rag);
    const movedFrom = first && asRag(first.fromRag) !== rag ? asRag(first.fromRag) : null;
    return {
      id: w.id,
      code: w.code,
      name: w.name,
      rag,
      movedFrom,
      lastUpdateDay: lastDays.get(w.id) ?? null,
      leadUserIds: w.leadUserIds,
    };
  });
}

/**
 * The RAG changes since the last digest as one net move per workstream or project: a change
 * reverted in the same period (Amber to Red and back) is no move at all and is not listed.
 */
export function ragChanges(plan: PlanRows, people: Map<number, string>, timezone: string): DigestChange[] {
  const codes = new Map(plan.workstreams.map((w) => [w.id, w]));
  const projects = new Map(plan.projects.map((p) => [p.id, p.name]));
  const moves = new Map<
    string,
    { first: PlanRows['changes'][number]; last: PlanRows['changes'][number]; count: number }
  >();
  for (const c of plan.changes) {
    const key = `${c.workstreamId}/${c.projectId ?? ''}`;
    const seen = moves.get(key);
    moves.set(key, seen ? { ...seen, last: c, count: seen.count + 1 } : { first: c, last: c, count: 1 });
  }
  return [...moves.values()]
    .filter((m) => m.first.fromRag !== m.last.toRag)
    .sort((a, b) => a.last.createdAt.getTime() - b.last.createdAt.getTime() || a.last.id - b.last.id)
    .map(({ first, last, count }) => {
      const ws = codes.get(last.workstreamId);
      const project = last.projectId === null ? null : (projects.get(last.projectId) ?? null);
      return {
        day: todayIn(last.createdAt, timezone),
        subject: ws?.code ?? '?',
        subjectName: project ?? ws?.name ?? '',
        isProject: project !== null,
        from: asRag(first.fromRag),
        to: asRag(last.toRag),
        reason: last.reason,
        authorUserId: userIdOf(people, last.authorId),
        count,
      };
    });
}

/** The RAG counts as they stood when the period began: each item's RAG before its first change. */
export function countRagsBefore(plan: PlanRows): Digest['ragCountsBefore'] {
  const before = (id: number, project: boolean, rag: string) =>
    plan.changes.find((c) => (project ? c.projectId === id : c.workstreamId === id && c.projectId === null))
      ?.fromRag ?? rag;
  return {
    workstreams: countRags(plan.workstreams.map((w) => ({ rag: before(w.id, false, w.rag) }))),
    projects: countRags(plan.projects.map((p) => ({ rag: before(p.id, true, p.rag) }))),
  };
}

/** Every red workstream, then its red projects (and red projects of other workstreams), in code order. */
export function exceptions(
  plan: PlanRows,
  detail: RedDetail,
  openActions: OpenAction[],
  people: Map<number, string>,
  timezone: string,
): DigestException[] {
  const result: DigestException[] = [];
  const dated = (x: { createdAt: Date; authorId: number }) => ({
    day: todayIn(x.createdAt, timezone),
    authorUserId: userIdOf(people, x.authorId),
  });
  for (const w of plan.workstreams) {
    const items: { kind: 'workstream' | 'project'; id: number; name: string }[] = [];
    if (w.rag === 'red') items.push({ kind: 'workstream', id: w.id, name: w.name });
    for (const p of plan.projects)
      if (p.workstreamId === w.id && p.rag === 'red') items.push({ kind: 'project', id: p.id, name: p.name });
    for (const item of items) {
      const isWs = item.kind === 'workstream';
      const reason = detail.reasons.find((r) =>
        isWs ? r.workstreamId === item.id && r.projectId === null : r.projectId === item.id,
      );
      const update = detail.updates.find((u) =>
        isWs ? u.workstreamId === item.id : u.projectId === item.id,
      );
      result.push({
        kind: item.kind,
        code: w.code,
        name: item.name,
        reason: reason ? { text: reason.reason, ...dated(reason) } : null,
        latestUpdate: update ? { text: update.text, ...dated(update) } : null,
        openActions: openActions.filter((a) => (isWs ? a.workstreamId === item.id : a.projectId === item.id)),
      });
    }
  }
  return result;
}

/** Workstreams with no update for `silenceDays` or more; Complete ones need no updates. */
export function silence(
  workstreams: DigestWorkstream[],
  plan: PlanRows,
  today: Day,
  silenceDays: number,
): DigestSilence[] {
  const created = new Map(plan.workstreams.map((w) => [w.id, w.createdDay]));
  return workstreams.flatMap((w) => {
    if (w.rag === 'complete') return [];
    const days = daysBetween(w.lastUpdateDay ?? created.get(w.id) ?? today, today);
    if (days < silenceDays) return [];
    return [{ code: w.code, name: w.name, lastUpdateDay: w.lastUpdateDay, days, leadUserIds: w.leadUserIds }];
  });
}
